package saddlesweep.committee;

import java.util.ArrayList;
import java.util.List;

import saddlesweep.analysis.CriticalPointSolver;
import saddlesweep.model.Vectors;
import saddlesweep.sequence.EmbeddedCriticalPoints;

/**
 * Critical points of L_N on the committee machine's singular sets next to θ: critical points of narrower networks
 * embedded back (Fukumizu–Amari), as {@link EmbeddedCriticalPoints} does for a scalar input. A reduction (the same
 * enumeration) merges groups of units or removes units; in a group, unit i is flipped by s_i = sign(w_i · w_first)
 * so that its members point the same way, and the group acts as one unit (mean of s_i w_i, Σ s_i v_i). The narrower
 * network's critical point p next to the reduced θ embeds as
 * <ul>
 *   <li>a merged group: every member at s_i w (its flip), v split as close to θ's split as Σ s_i v_i' = v allows —
 *       the symmetric plateau's saddle when the group is the whole student;</li>
 *   <li>a removed unit: at (w_i, v_i) = (0, 0), where ∂L/∂v_i = mean(r tanh(0)) = 0 and ∂L/∂w_i = v_i mean(r g'(0) x)
 *       = 0. (The other idle units, v_i = 0 with mean(r tanh(w_i · x)) = 0, form a (d − 1)-dimensional set of
 *       w_i and are not enumerated.)</li>
 * </ul>
 * Every embedded point is checked on the full network: ‖∇L_N‖ ≤ gradTol.
 */
public final class CommitteeEmbedding {

    /** A reduced critical point this close to θ = 0 is the origin. */
    static final double ORIGIN_NORM = 1e-8;

    private final CommitteeLoss loss;
    private final CriticalPointSolver solver;
    private final double gradTol;
    private final int dim;

    public CommitteeEmbedding(CommitteeLoss loss, double gradTol, int maxIter) {
        this.loss = loss;
        this.solver = new CriticalPointSolver(loss, gradTol, maxIter);
        this.gradTol = gradTol;
        this.dim = loss.data().dim();
    }

    /** The embedded critical points next to θ (full-network parameters, each with ‖∇L_N‖ ≤ gradTol). */
    public List<double[]> near(double[] theta) {
        int h = CommitteeNetwork.units(theta, dim);
        List<double[]> out = new ArrayList<>();
        for (int[] label : EmbeddedCriticalPoints.reductions(h)) {
            double[] flips = flips(theta, label);
            CriticalPointSolver.Result r = solver.solve(reduce(theta, label, flips));
            if (!r.converged() || Vectors.norm(r.theta()) <= ORIGIN_NORM) continue;
            double[] e = embed(theta, label, flips, r.theta());
            if (loss.gradientNorm(e) <= gradTol) out.add(e);
        }
        return out;
    }

    /** s_i = sign(w_i · w_first) for the first member of unit i's group (+1 for the first member, removed units). */
    double[] flips(double[] theta, int[] label) {
        int h = label.length;
        double[] s = new double[h];
        int[] first = new int[h];
        java.util.Arrays.fill(first, -1);
        for (int i = 0; i < h; i++) {
            s[i] = 1;
            if (label[i] < 0) continue;
            int f = first[label[i]];
            if (f < 0) {
                first[label[i]] = i;
                continue;
            }
            double dot = 0;
            for (int k = 0; k < dim; k++) dot += theta[i * dim + k] * theta[f * dim + k];
            if (dot < 0) s[i] = -1;
        }
        return s;
    }

    /** The reduced network's θ: per group the mean of s_i w_i and Σ s_i v_i. */
    double[] reduce(double[] theta, int[] label, double[] s) {
        int h = label.length;
        int m = groups(label);
        double[] out = new double[m * (dim + 1)];
        int[] count = new int[m];
        for (int i = 0; i < h; i++) {
            int g = label[i];
            if (g < 0) continue;
            for (int k = 0; k < dim; k++) out[g * dim + k] += s[i] * theta[i * dim + k];
            out[m * dim + g] += s[i] * theta[h * dim + i];
            count[g]++;
        }
        for (int g = 0; g < m; g++) {
            for (int k = 0; k < dim; k++) out[g * dim + k] /= count[g];
        }
        return out;
    }

    /** The full-network point of the reduced critical point p. */
    double[] embed(double[] theta, int[] label, double[] s, double[] p) {
        int h = label.length;
        int m = groups(label);
        double[] e = new double[theta.length];
        double[] sum = new double[m];
        int[] count = new int[m];
        for (int i = 0; i < h; i++) {
            if (label[i] < 0) continue;
            sum[label[i]] += s[i] * theta[h * dim + i];
            count[label[i]]++;
        }
        for (int i = 0; i < h; i++) {
            int g = label[i];
            if (g < 0) continue;                                   // removed: (0, 0)
            for (int k = 0; k < dim; k++) e[i * dim + k] = s[i] * p[g * dim + k];
            e[h * dim + i] = s[i] * (s[i] * theta[h * dim + i] + (p[m * dim + g] - sum[g]) / count[g]);
        }
        return e;
    }

    private static int groups(int[] label) {
        int m = 0;
        for (int l : label) m = Math.max(m, l + 1);
        return m;
    }
}
