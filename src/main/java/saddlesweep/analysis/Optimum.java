package saddlesweep.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import saddlesweep.model.Mlp;
import saddlesweep.model.NormalStream;
import saddlesweep.model.PopulationExcess;
import saddlesweep.model.Symmetry;
import saddlesweep.model.Teacher;

/**
 * The theoretical optimum θ*: a minimiser of the population excess E over width-H students.
 * For H ≥ H* it is the teacher embedded (teacher units, then units with w = v = 0) and E_opt = 0.
 * For H < H* it is found numerically, once per (teacher, H, s_x) and cached: damped Newton on E from every
 * H-subset of teacher units (up to 64) and 16 seeded random starts; the lowest E wins (canonical form).
 *
 * @param theta       a point of the optimal set, canonical for H < H*, teacher-then-zeros for H ≥ H*
 * @param genExcess   E_opt = E(θ*)
 */
public record Optimum(double[] theta, double genExcess) {

    private static final Map<String, Optimum> CACHE = new ConcurrentHashMap<>();

    public static Optimum of(Teacher teacher, int hidden, double inputStd) {
        String key = teacher + "|" + hidden + "|" + inputStd;
        return CACHE.computeIfAbsent(key, k -> compute(teacher, hidden, inputStd));
    }

    private static Optimum compute(Teacher teacher, int hidden, double inputStd) {
        int hs = teacher.units();
        if (hidden >= hs) {
            double[] w = new double[hidden];
            double[] v = new double[hidden];
            System.arraycopy(teacher.w(), 0, w, 0, hs);
            System.arraycopy(teacher.v(), 0, v, 0, hs);
            return new Optimum(Mlp.pack(w, v), 0.0);
        }
        PopulationExcess e = new PopulationExcess(teacher, inputStd);
        DampedNewton minimiser = new DampedNewton(e, 500);
        List<double[]> starts = new ArrayList<>();
        subsets(teacher, hidden, 0, new int[hidden], 0, starts);
        NormalStream rng = new NormalStream(hidden, 0x0971_0971L);
        double scale = 0;
        for (double x : teacher.theta()) scale = Math.max(scale, Math.abs(x));
        for (int s = 0; s < 16; s++) {
            double[] t = new double[2 * hidden];
            for (int i = 0; i < t.length; i++) t[i] = scale * rng.nextNormal();
            starts.add(t);
        }
        double[] best = null;
        double bestE = Double.POSITIVE_INFINITY;
        for (double[] start : starts) {
            double[] m = minimiser.minimise(start);
            double em = e.value(m);
            if (em < bestE) {
                bestE = em;
                best = m;
            }
        }
        double[] canonical = Symmetry.canonical(best);
        return new Optimum(canonical, e.value(canonical));
    }

    /** Adds the θ made of each H-subset of teacher units (their w and v as they are), up to 64 starts. */
    private static void subsets(Teacher t, int h, int from, int[] pick, int depth, List<double[]> out) {
        if (out.size() >= 64) return;
        if (depth == h) {
            double[] w = new double[h];
            double[] v = new double[h];
            for (int i = 0; i < h; i++) {
                w[i] = t.w()[pick[i]];
                v[i] = t.v()[pick[i]];
            }
            out.add(Mlp.pack(w, v));
            return;
        }
        for (int j = from; j < t.units(); j++) {
            pick[depth] = j;
            subsets(t, h, j + 1, pick, depth + 1, out);
        }
    }
}
