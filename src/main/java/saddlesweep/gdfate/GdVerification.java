package saddlesweep.gdfate;

import java.util.ArrayList;
import java.util.List;

import saddlesweep.model.Vectors;
import saddlesweep.train.GdMap;
import saddlesweep.train.GradientKernel;
import saddlesweep.train.LogGrid;

/**
 * The tool checking itself: plain GD rerun for a run, from θ_0 or from a recorded point, for a given number of
 * steps, with no Newton, no flow and no certificate in the loop, and what it does measured against the reported
 * GD fate. Along the way: the distance to the reported orbit (canonical, nearest point) at log-spaced steps, GD's
 * step, its bursts around the orbit, and (for aperiodic fates without a cycle: chaos) the Lyapunov exponent of the
 * tangent map over the last {@value #MAX_TANGENT_STEPS} steps. At the end,
 * Newton on G^k from the last iterate says which cycle, if any, GD is at.
 *
 * <p>What plain GD was seen to do ({@link Seen}): {@code settled} on the reported orbit (within
 * {@value #SETTLED}·(1 + scale)); {@code approaching} it (Newton from the last iterate reaches the reported orbit
 * and the distance fell over the last half of the run); {@code circling} it (bursts to the end, {@link RelaxationBursts});
 * {@code elsewhere} (Newton from the last iterate reaches another cycle, or GD is far from the orbit and on no
 * cycle); {@code no_cycle} (no orbit reported and none found: the aperiodic case); {@code diverged}. The verdict
 * says whether that agrees with the reported fate, contradicts it, or cannot say.
 */
public final class GdVerification {

    /** Within this share of (1 + scale) of the reported orbit: settled on it. */
    static final double SETTLED = 1e-9;
    /** Newton's cycle within this of the reported orbit: the same cycle. */
    static final double SAME_ORBIT = 1e-6;
    static final int SAMPLES_PER_DECADE = 20;
    /** The Lyapunov exponent of a rerun is measured over its last this many steps (64 windows). */
    static final long MAX_TANGENT_STEPS = 64L * Lyapunov.WINDOW;

    /** What plain GD did. */
    public enum Seen {
        SETTLED, APPROACHING, CIRCLING, ELSEWHERE, NO_CYCLE, DIVERGED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One log-spaced sample: GD step (absolute), canonical distance to the reported orbit (NaN without one), GD's step size. */
    public record Sample(long step, double distance, double stepSize) {
    }

    /**
     * The rerun: its start and length, what GD did, the distance to the reported orbit at the end, the cycle Newton
     * reaches from the last iterate (canonical points; null if none) and its distance to the reported one, the
     * bursts around the reported orbit, the Lyapunov estimate (aperiodic reports), the samples, the verdict
     * ({@code agrees}, {@code contradicts}, {@code undecided}) with its explanation, and GD's last iterate.
     */
    public record Result(long startStep, long steps, Seen seen, double finalDistance, double[][] found,
                         double foundDistance, BurstEnvelope bursts, Lyapunov.Estimate lyapunov, List<Sample> samples,
                         String verdict, String explanation, double[] last) {
    }

    private GdVerification() {
    }

    /**
     * @param reportedKind  the reported GD fate's kind
     * @param reported      the reported orbit, canonical (as {@code gd_orbit}), or null
     * @param start         the start θ (as trained, not canonical) at GD step {@code startStep}
     */
    public static Result run(GdMap map, GradientKernel kernel, GdFateKind reportedKind, double[][] reported,
                             double[] start, long startStep, long steps) {
        return run(map, kernel, OrbitSymmetry.SCALAR, reportedKind, reported, start, startStep, steps);
    }

    /** As {@link #run(GdMap, GradientKernel, GdFateKind, double[][], double[], long, long)} for any model's symmetry. */
    public static Result run(GdMap map, GradientKernel kernel, OrbitSymmetry symmetry, GdFateKind reportedKind,
                             double[][] reported, double[] start, long startStep, long steps) {
        int d = start.length;
        Cycle orbit = reported == null ? null : canonicalCycle(map, reported);
        double scale = orbit == null ? 0 : orbit.scale();
        RelaxationBursts bursts = new RelaxationBursts();
        // the exponent where chaos was reported (no cycle circled), over at most MAX_TANGENT_STEPS
        Lyapunov lyapunov = reportedKind == GdFateKind.APERIODIC && orbit == null ? new Lyapunov(map, d) : null;
        long tangentFrom = Math.max(0, steps - MAX_TANGENT_STEPS);
        List<Sample> samples = new ArrayList<>();
        LogGrid grid = new LogGrid(SAMPLES_PER_DECADE);
        long nextSample = 0;
        double[] theta = start.clone();
        double[] grad = new double[d];
        double eta = map.eta();
        for (long s = 0; s <= steps; s++) {
            double l = kernel.lossAndGradient(theta, grad);
            if (!Double.isFinite(l) || !Vectors.allFinite(grad)) {
                return new Result(startStep, s, Seen.DIVERGED, Double.NaN, null, Double.NaN, null, null, samples,
                        reportedKind == GdFateKind.DIVERGED ? "agrees" : "contradicts", "plain GD diverged at step " + (startStep + s),
                        theta);
            }
            double stepSize = eta * Vectors.norm(grad);
            if (orbit != null && s % GdFateFinder.SAMPLE_EVERY == 0) bursts.sample(orbit, symmetry.canonical(theta), stepSize, startStep + s);
            if (s == nextSample || s == steps) {
                samples.add(new Sample(startStep + s, orbit == null ? Double.NaN : orbit.distanceTo(symmetry.canonical(theta)), stepSize));
                nextSample = grid.next(s);
            }
            if (s == steps) break;
            if (lyapunov != null && s >= tangentFrom) lyapunov.step(theta, stepSize);
            for (int a = 0; a < d; a++) theta[a] -= eta * grad[a];
        }
        return judge(map, symmetry, reportedKind, orbit, scale, theta, startStep, steps, bursts, lyapunov, samples);
    }

    private static Result judge(GdMap map, OrbitSymmetry symmetry, GdFateKind kind, Cycle orbit, double scale, double[] last, long startStep,
                                long steps, RelaxationBursts bursts, Lyapunov lyapunov, List<Sample> samples) {
        double dEnd = orbit == null ? Double.NaN : orbit.distanceTo(symmetry.canonical(last));
        Cycle found = null;
        for (int k : orbit != null ? new int[] {orbit.period(), 1, 2} : new int[] {1, 2}) {
            found = CycleSolver.stableCycle(map, last, k);
            if (found != null && found.distanceTo(last) <= 0.1 * (1 + Vectors.norm(last))) break;
            found = null;
        }
        double[][] foundCanon = found == null ? null : symmetry.canonicalOrbit(found.points());
        double foundDistance = found == null || orbit == null ? Double.NaN
                : new Cycle(foundCanon, found.multipliers(), 0).distanceTo(orbit);
        BurstEnvelope env = bursts.evidence(startStep + steps);
        boolean burstingToEnd = env != null && env.bursts() >= 2
                && startStep + steps - bursts.lastCollapse() <= Math.max(steps / 10, 1);
        Lyapunov.Estimate exp = lyapunov == null ? null : lyapunov.estimate();
        Seen seen;
        if (orbit != null && dEnd <= SETTLED * (1 + scale)) seen = Seen.SETTLED;
        else if (orbit != null && burstingToEnd) seen = Seen.CIRCLING;
        else if (orbit != null && foundDistance <= SAME_ORBIT && fellOverLastHalf(samples)) seen = Seen.APPROACHING;
        else if (found != null && (orbit == null || foundDistance > SAME_ORBIT)) seen = Seen.ELSEWHERE;
        else if (orbit == null) seen = Seen.NO_CYCLE;
        else seen = Seen.ELSEWHERE;
        String what = describe(seen, dEnd, foundDistance, env, exp, found);
        String verdict;
        switch (kind) {
            case FIXED_POINT, PERIODIC -> verdict = seen == Seen.SETTLED || seen == Seen.APPROACHING ? "agrees" : "contradicts";
            case APERIODIC -> verdict = seen == Seen.CIRCLING || (seen == Seen.NO_CYCLE && exp != null && exp.exponent() > 0)
                    ? "agrees" : seen == Seen.SETTLED || seen == Seen.APPROACHING || seen == Seen.ELSEWHERE ? "contradicts" : "undecided";
            case DIVERGED -> verdict = "contradicts";
            default -> verdict = "undecided";
        }
        return new Result(startStep, steps, seen, dEnd, foundCanon, foundDistance, env, exp, samples, verdict, what, last);
    }

    private static String describe(Seen seen, double dEnd, double foundDistance, BurstEnvelope env, Lyapunov.Estimate exp,
                                   Cycle found) {
        List<String> parts = new ArrayList<>();
        switch (seen) {
            case SETTLED -> parts.add(String.format("plain GD settled on the reported orbit (%.2g from it)", dEnd));
            case APPROACHING -> parts.add(String.format("plain GD approaches the reported orbit (%.3g from it, falling; Newton from"
                    + " its last iterate reaches it to %.2g)", dEnd, foundDistance));
            case CIRCLING -> parts.add(String.format("plain GD circles the reported orbit without settling (%.3g from it at the end)", dEnd));
            case ELSEWHERE -> parts.add(found != null
                    ? String.format("plain GD is on another %d-cycle (%.3g from the reported orbit)", found.period(), foundDistance)
                    : String.format("plain GD is %.3g from the reported orbit and on no cycle Newton finds", dEnd));
            case NO_CYCLE -> parts.add("plain GD is on no cycle Newton finds from its last iterate");
            default -> parts.add(seen.label());
        }
        if (env != null && env.bursts() > 0) parts.add(env.describe());
        if (exp != null && exp.windows() > 0) parts.add("largest Lyapunov exponent " + exp.describe());
        return String.join("; ", parts);
    }

    /** The distance at the last sample is below the one at the middle of the run (log-spaced: the middle sample). */
    private static boolean fellOverLastHalf(List<Sample> samples) {
        if (samples.size() < 4) return false;
        long lastStep = samples.get(samples.size() - 1).step();
        long firstStep = samples.get(0).step();
        double mid = Double.NaN;
        for (Sample s : samples) if (s.step() >= firstStep + (lastStep - firstStep) / 2) {
            mid = s.distance();
            break;
        }
        return samples.get(samples.size() - 1).distance() < mid;
    }

    /** The reported orbit as a cycle of the map (canonical points are an orbit: the multipliers are recomputed there). */
    static Cycle canonicalCycle(GdMap map, double[][] points) {
        int k = points.length;
        Multipliers mu = Multipliers.of(map.jacobianOfPower(map.iterates(points[0], k), k));
        return new Cycle(points, mu, Vectors.distance(map.iterates(points[0], k)[k], points[0]));
    }
}
