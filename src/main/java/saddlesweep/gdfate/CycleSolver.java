package saddlesweep.gdfate;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

import saddlesweep.model.Vectors;
import saddlesweep.train.GdMap;

/**
 * Newton's method on F(θ) = G^k(θ) − θ, whose zeros are the points of the k-cycles of the GD map (and its
 * fixed points, and cycles of periods dividing k). Step: (D(G^k)(θ) − I) δ = −F(θ), solved by the SVD's
 * pseudo-inverse so that neutral directions (singular values below {@value #SINGULAR_REL}·σ_max: a manifold of
 * cycles) take no step, with the step halved while ‖F‖ does not fall. Converged when ‖F‖ is at rounding level:
 * at most {@value #ROUNDING_ULPS} ulps of (1 + ‖θ‖_∞) per map application.
 */
public final class CycleSolver {

    static final int MAX_ITER = 60;
    static final double SINGULAR_REL = 1e-11;
    static final double ROUNDING_ULPS = 64;
    /** A Newton step moves at most this fraction of (1 + ‖θ‖). */
    static final double MAX_STEP = 0.25;

    /** The cycle's points p_0..p_{k−1} (p_0 next to the start), the residual ‖G^k(p_0) − p_0‖, and the outcome. */
    public record Result(double[][] points, double residual, int iterations, boolean converged) {
    }

    private final GdMap map;

    public CycleSolver(GdMap map) {
        this.map = map;
    }

    /** The residual at which F(θ) counts as zero for a k-fold map at θ. */
    static double roundingLevel(double[] theta, int k) {
        double m = 0;
        for (double t : theta) m = Math.max(m, Math.abs(t));
        return ROUNDING_ULPS * k * Math.ulp(1.0 + m);
    }

    public Result solve(double[] start, int k) {
        int d = start.length;
        double[] p = start.clone();
        double[][] pts = map.iterates(p, k);
        double res = Vectors.distance(pts[k], p);
        int it = 0;
        while (it < MAX_ITER && res > roundingLevel(p, k)) {
            it++;
            DMatrixRMaj j = map.jacobianOfPower(pts, k);
            for (int a = 0; a < d; a++) j.add(a, a, -1.0);
            double[] f = new double[d];
            for (int a = 0; a < d; a++) f[a] = pts[k][a] - p[a];
            double[] delta = pseudoSolve(j, f);
            if (delta == null) break;
            double cap = MAX_STEP * (1 + Vectors.norm(p));
            double len = Vectors.norm(delta);
            double scale = len > cap ? cap / len : 1.0;
            boolean improved = false;
            for (int halving = 0; halving < 30; halving++) {
                double[] trial = Vectors.addScaled(p, -scale, delta);
                double[][] tp = map.iterates(trial, k);
                double tr = Vectors.distance(tp[k], trial);
                if (Vectors.allFinite(trial) && tr < res) {
                    p = trial;
                    pts = tp;
                    res = tr;
                    improved = true;
                    break;
                }
                scale *= 0.5;
            }
            if (!improved) break;
        }
        double[][] cycle = new double[k][];
        System.arraycopy(pts, 0, cycle, 0, k);
        return new Result(cycle, res, it, res <= roundingLevel(p, k));
    }

    /** δ with J δ = f in the least-squares, least-norm sense over singular values above SINGULAR_REL·σ_max. */
    /**
     * The stable cycle Newton on G^k reaches from θ, reduced to its minimal period (a divisor p of k with
     * G^p(p_0) = p_0 within 1e-9·(1 + ‖p_0‖)), with its multipliers and residual; null when Newton does not
     * converge or the cycle is unstable.
     */
    public static Cycle stableCycle(GdMap map, double[] theta, int k) {
        Result res = new CycleSolver(map).solve(theta, k);
        if (!res.converged()) return null;
        double[][] pts = res.points();
        int period = k;
        double[][] all = map.iterates(pts[0], k);
        double same = 1e-9 * (1 + Vectors.norm(pts[0]));
        for (int p = 1; p < k; p++) {
            if (k % p == 0 && Vectors.distance(all[p], pts[0]) <= same) {
                period = p;
                break;
            }
        }
        double[][] points = new double[period][];
        System.arraycopy(pts, 0, points, 0, period);
        Multipliers mu = Multipliers.of(map.jacobianOfPower(map.iterates(points[0], period), period));
        if (!mu.stable()) return null;
        return new Cycle(points, mu, Vectors.distance(map.iterates(points[0], period)[period], points[0]));
    }

    private static double[] pseudoSolve(DMatrixRMaj j, double[] f) {
        int d = f.length;
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(d, d, true, true, false);
        if (!svd.decompose(j.copy())) return null;
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj v = svd.getV(null, false);
        double[] s = svd.getSingularValues();
        double smax = 0;
        for (double x : s) smax = Math.max(smax, x);
        double[] delta = new double[d];
        for (int i = 0; i < s.length; i++) {
            if (!(s[i] > SINGULAR_REL * smax)) continue;
            double c = 0;
            for (int a = 0; a < d; a++) c += u.get(a, i) * f[a];
            c /= s[i];
            for (int a = 0; a < d; a++) delta[a] += c * v.get(a, i);
        }
        return Vectors.allFinite(delta) ? delta : null;
    }
}
