package saddlesweep.bench;

import saddlesweep.model.DataSet;
import saddlesweep.model.Teacher;

/**
 * The benchmark problem, the same in Java and in {@code scripts/bench_numpy.py}: N inputs x ~ N(0, 1), targets
 * from the teacher w* = (0.5, 3), v* = (1, 1) plus noise σ = 0.1, and the start θ_0 with
 * w_i = 0.4 + 0.6 i, v_i = 0.8 (i even) or −0.6 (i odd), i = 0..H−1 (realistic, mid-run sizes).
 */
public final class BenchProblem {

    /** Learning rate of the timed GD steps. */
    public static final double ETA = 0.05;
    static final Teacher TEACHER = new Teacher(new double[]{0.5, 3}, new double[]{1, 1});

    private BenchProblem() {
    }

    public static DataSet data(int n) {
        return DataSet.generate(TEACHER, n, 0.01, 1.0, 12345L);
    }

    public static double[] start(int hidden) {
        double[] t = new double[2 * hidden];
        for (int i = 0; i < hidden; i++) {
            t[i] = 0.4 + 0.6 * i;
            t[hidden + i] = i % 2 == 0 ? 0.8 : -0.6;
        }
        return t;
    }
}
