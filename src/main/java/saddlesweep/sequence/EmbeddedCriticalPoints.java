package saddlesweep.sequence;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import saddlesweep.analysis.CriticalPointSolver;
import saddlesweep.model.Mlp;
import saddlesweep.model.SquaredLoss;
import saddlesweep.model.Vectors;

/**
 * Critical points of L_N on the singular sets next to a point θ: critical points of narrower networks, embedded
 * back (Fukumizu–Amari). A reduction assigns each unit to a group of units that act as one (merged: mean |w|,
 * sum of the flipped v) or removes it; the reduced network's critical point p next to the reduced θ
 * ({@link CriticalPointSolver}, the same L_N of fewer units) embeds as
 * <ul>
 *   <li>a merged group: every member at w (with its sign flip), v split as close to θ's split as the line
 *       Σ v_i' = v allows (v_i' ← v_i' + (v − Σ_j v_j')/k); the whole line is critical;</li>
 *   <li>a removed unit: at (0, 0), where ∂L/∂v_i = mean(r·tanh(0)) = 0 and ∂L/∂w_i = v_i·mean(r x) = 0; or, when a
 *       root w° of φ(w) = mean(r·tanh(w x)) lies next to its w (1-D Newton), at (w°, 0).</li>
 * </ul>
 * Every embedded point is checked on the full network: ‖∇L_N‖ ≤ gradTol. These are the saddles the paper's
 * near-optimal region is made of: the realizable fit of the narrower network, with its spare units idle or merged.
 */
public final class EmbeddedCriticalPoints {

    /** Beyond this width only single removals and single merges are tried (the full enumeration is Bell(H+1)). */
    static final int FULL_ENUMERATION_MAX_UNITS = 5;
    static final int POLISH_STEPS = 5;
    /** A reduced critical point this close to θ = 0 is the origin. */
    static final double ORIGIN_NORM = 1e-8;

    private final SquaredLoss loss;
    private final CriticalPointSolver solver;
    private final double gradTol;

    public EmbeddedCriticalPoints(SquaredLoss loss, double gradTol, int maxIter) {
        this.loss = loss;
        this.solver = new CriticalPointSolver(loss, gradTol, maxIter);
        this.gradTol = gradTol;
    }

    /** The embedded critical points next to θ (full-network parameters, each with ‖∇L_N‖ ≤ gradTol). */
    public List<double[]> near(double[] theta) {
        int h = Mlp.units(theta);
        List<double[]> out = new ArrayList<>();
        for (int[] label : reductions(h)) {
            double[] reduced = reduce(theta, label);
            CriticalPointSolver.Result r = solver.solve(reduced);
            if (!r.converged()) continue;
            double[] p = newtonPolish(r.theta());
            if (Vectors.norm(p) <= ORIGIN_NORM) continue;   // the origin: a visit of its own (SequenceFinder)
            for (boolean atRoot : new boolean[] {false, true}) {
                double[] e = embed(theta, label, p, atRoot);
                if (e != null && loss.gradientNorm(e) <= gradTol) out.add(e);
            }
        }
        return out;
    }

    /**
     * The reduced critical point to rounding: Newton steps δ = −H⁻¹∇L (saddles included; quadratic convergence
     * at a nondegenerate critical point) while they lower ‖∇L‖, at most {@value #POLISH_STEPS}.
     */
    double[] newtonPolish(double[] p) {
        double g = loss.gradientNorm(p);
        for (int it = 0; it < POLISH_STEPS && g > 0; it++) {
            DMatrixRMaj h = loss.hessian(p);
            DMatrixRMaj grad = DMatrixRMaj.wrap(p.length, 1, loss.gradient(p));
            DMatrixRMaj step = new DMatrixRMaj(p.length, 1);
            if (!CommonOps_DDRM.solve(h, grad, step)) break;
            double[] next = Vectors.addScaled(p, -1, step.data);
            double gn = loss.gradientNorm(next);
            if (!(gn < g)) break;
            p = next;
            g = gn;
        }
        return p;
    }

    /**
     * The reductions of h units: label[i] = −1 (removed) or the index of unit i's group (groups numbered in order
     * of first appearance), every one with 1 ≤ groups < h. Up to FULL_ENUMERATION_MAX_UNITS units all of them;
     * beyond, one unit removed or one pair merged.
     */
    public static List<int[]> reductions(int h) {
        List<int[]> out = new ArrayList<>();
        if (h <= FULL_ENUMERATION_MAX_UNITS) {
            enumerate(new int[h], 0, 0, out);
        } else {
            for (int i = 0; i < h; i++) {
                int[] l = new int[h];
                for (int k = 0, g = 0; k < h; k++) l[k] = k == i ? -1 : g++;
                out.add(l);
            }
            for (int i = 0; i < h; i++) {
                for (int j = i + 1; j < h; j++) {
                    int[] l = new int[h];
                    for (int k = 0, g = 0; k < h; k++) l[k] = k == j ? l[i] : g++;
                    out.add(l);
                }
            }
        }
        return out;
    }

    private static void enumerate(int[] label, int i, int groups, List<int[]> out) {
        int h = label.length;
        if (i == h) {
            if (groups >= 1 && groups < h) out.add(label.clone());
            return;
        }
        for (int g = -1; g <= groups; g++) {
            label[i] = g;
            enumerate(label, i + 1, g == groups ? groups + 1 : groups, out);
        }
    }

    /** The reduced network's θ: per group mean |w_i| and Σ sign(w_i)·v_i. */
    static double[] reduce(double[] theta, int[] label) {
        int h = label.length;
        int m = groups(label);
        double[] out = new double[2 * m];
        int[] count = new int[m];
        for (int i = 0; i < h; i++) {
            if (label[i] < 0) continue;
            out[label[i]] += Math.abs(theta[i]);
            out[m + label[i]] += flip(theta, i) * theta[h + i];
            count[label[i]]++;
        }
        for (int g = 0; g < m; g++) out[g] /= count[g];
        return out;
    }

    /** The full-network point of the reduced critical point p, or null when a removed unit has no root w°. */
    double[] embed(double[] theta, int[] label, double[] p, boolean removedAtRoot) {
        int h = label.length;
        int m = groups(label);
        double[] e = new double[2 * h];
        double[] sum = new double[m];
        int[] count = new int[m];
        for (int i = 0; i < h; i++) {
            if (label[i] < 0) continue;
            sum[label[i]] += flip(theta, i) * theta[h + i];
            count[label[i]]++;
        }
        boolean anyRemoved = false;
        for (int i = 0; i < h; i++) {
            int g = label[i];
            if (g < 0) {
                anyRemoved = true;
                continue;
            }
            double s = flip(theta, i);
            e[i] = s * p[g];
            e[h + i] = s * (flip(theta, i) * theta[h + i] + (p[m + g] - sum[g]) / count[g]);
        }
        if (!removedAtRoot) return e;
        if (!anyRemoved) return null;
        double[] r = residuals(p);
        for (int i = 0; i < h; i++) {
            if (label[i] >= 0) continue;
            double root = idleRoot(r, theta[i]);
            if (Double.isNaN(root)) return null;
            e[i] = root;
        }
        return e;
    }

    /** r_n = f(x_n; p) − y_n of the reduced network. */
    private double[] residuals(double[] p) {
        double[] x = loss.x();
        double[] y = loss.y();
        double[] r = new double[x.length];
        for (int n = 0; n < x.length; n++) r[n] = Mlp.eval(p, x[n]) - y[n];
        return r;
    }

    /**
     * A root w° ≠ 0 of φ(w) = Σ ω_n r_n tanh(w x_n) next to w by Newton (φ'(w) = Σ ω_n r_n x_n sech²(w x_n)),
     * or NaN: an idle unit (w°, 0) is critical exactly there.
     */
    double idleRoot(double[] r, double w) {
        double[] x = loss.x();
        double[] om = loss.weights();
        double scale = 0;
        for (int n = 0; n < x.length; n++) scale += om[n] * Math.abs(r[n] * x[n]);
        for (int it = 0; it < 50 && Math.abs(w) > 1e-8; it++) {
            double phi = 0;
            double dphi = 0;
            for (int n = 0; n < x.length; n++) {
                double t = Math.tanh(w * x[n]);
                phi += om[n] * r[n] * t;
                dphi += om[n] * r[n] * x[n] * (1 - t * t);
            }
            if (Math.abs(phi) <= 1e-14 * Math.max(scale, Double.MIN_NORMAL)) return w;
            if (dphi == 0) return Double.NaN;
            double next = w - phi / dphi;
            if (!Double.isFinite(next) || Math.abs(next - w) > 1 + Math.abs(w)) return Double.NaN;
            w = next;
        }
        return Double.NaN;
    }

    private static double flip(double[] theta, int i) {
        return theta[i] < 0 ? -1 : 1;
    }

    private static int groups(int[] label) {
        int m = 0;
        for (int l : label) m = Math.max(m, l + 1);
        return m;
    }
}
