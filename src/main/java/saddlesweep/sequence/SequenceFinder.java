package saddlesweep.sequence;

import java.util.ArrayList;
import java.util.List;

import saddlesweep.analysis.AnalysisSettings;
import saddlesweep.analysis.CriticalPointSolver;
import saddlesweep.analysis.Spectrum;
import saddlesweep.model.Objective;
import saddlesweep.model.Vectors;
import saddlesweep.train.TrainingRecord;

/**
 * The saddle sequence of one run, from its records: where it visits critical points on its way to the attractor.
 * <ol>
 *   <li><b>Origin plateau.</b> θ = 0 is a critical point; per unit its Hessian block on (w_i, v_i) is
 *       [[0, −m], [−m, 0]], m = mean(x·y), so the amplitude A(t) of θ along the unstable directions
 *       (w_i + sign(m)·v_i)/√2 grows as A(0)·(1 + η|m|)^t. A run that starts with ‖θ_0‖ below
 *       {@value #ORIGIN_RADIUS} visits it; it exits at the first record with A(t) ≥ {@value #ORIGIN_RADIUS}, and the
 *       law predicts t = ln({@value #ORIGIN_RADIUS}/A(0)) / ln(1 + η|m|).</li>
 *   <li><b>Slow passages</b> found by a dip of ‖∇L_N‖ ({@link SlowPassageDetector}): a visit when the dip
 *       refines to a critical point within refine_max_distance (otherwise the motion slows without visiting
 *       one, as the drift towards a limit at infinity does). They are {@code plateau}s, except when no critical
 *       point refines next to the minimum of E: then the first dip {@link PassageLabel} calls near-optimal is
 *       the near-optimal visit.</li>
 *   <li><b>The near-optimal point</b>: the record of minimum E, refined to the nearest critical point,
 *       whatever its index (saddle, degenerate or minimum); the visit is the stretch of records around it within
 *       {@value #VISIT_RADIUS}·(1 + ‖point‖) of the point. A dip passage that refines to the same point is merged
 *       into it.</li>
 * </ol>
 * At a saddle with escape eigenvalue λ &lt; 0, GD leaves along its eigenvector u: the component δ = uᵀ(θ − p)
 * grows as (1 + η|λ|) per step, so from the dip the exit from the visit radius R is predicted at
 * step_dip + ln(R/|δ_dip|)/ln(1 + η|λ|).
 */
public final class SequenceFinder {

    public static final double ORIGIN_RADIUS = 0.5;
    public static final double VISIT_RADIUS = 0.05;
    static final double SAME_POINT = 1e-6;

    private final Objective loss;
    private final double eta;
    private final AnalysisSettings settings;
    private final CriticalPointSolver solver;
    private final ModelGeometry geometry;

    /** The sequence of runs on {@code loss} (L_N), with the model's symmetries and singular sets in {@code geometry}. */
    public SequenceFinder(Objective loss, double eta, AnalysisSettings settings, CriticalPointSolver solver,
                          ModelGeometry geometry) {
        this.loss = loss;
        this.eta = eta;
        this.settings = settings;
        this.solver = solver;
        this.geometry = geometry;
    }

    /** The visits of a run in step order; {@code finalGenExcess} is E at the attractor (NaN if none). */
    public List<Visit> visits(List<TrainingRecord> records, double finalGenExcess) {
        List<Visit> out = new ArrayList<>();
        if (records.isEmpty()) return out;
        Visit origin = origin(records);
        if (origin != null) out.add(origin);
        // the near-optimal point: the record of minimum E
        int minE = 0;
        for (int i = 1; i < records.size(); i++) if (records.get(i).genExcess() < records.get(minE).genExcess()) minE = i;
        Visit near = around(records, minE, PassageLabel.NEAR_OPTIMAL, "min_gen_excess");
        // gradient dips
        double[] g = new double[records.size()];
        for (int i = 0; i < g.length; i++) g[i] = records.get(i).gradNorm();
        boolean dipNear = false;
        for (SlowPassage p : new SlowPassageDetector(settings.dipFactor()).detect(g)) {
            TrainingRecord dip = records.get(p.dipIndex());
            double minLater = Double.isNaN(finalGenExcess) ? Double.POSITIVE_INFINITY : finalGenExcess;
            for (int i = p.enterIndex(); i < records.size(); i++) minLater = Math.min(minLater, records.get(i).genExcess());
            // one near-optimal visit per run: the minimum-E one when it refined, else the first dip the rule labels so
            String label = PassageLabel.of(dip.genExcess(), minLater, settings);
            String kind = near != null || dipNear ? PassageLabel.PLATEAU : label;
            Visit v = refine(records, p.dipIndex(), p.enterIndex(), p.exitIndex(), kind, "gradient_dip");
            if (!v.refined()) continue;      // no critical point next to the dip: the motion slowing, not a visit
            if (near != null && near.refined() && v.refined() && geometry.distance(v.point(), near.point()) <= SAME_POINT) {
                near = new Visit(near.kind(), near.detector(), Math.min(near.enterIndex(), v.enterIndex()), near.dipIndex(),
                        Math.max(near.exitIndex(), v.exitIndex()), true, near.point(), near.spectrum(), near.singularity(),
                        near.escapeEigenvalue(), Math.min(near.distance(), v.distance()), near.predictedExit());
                continue;
            }
            if (origin != null && p.dipIndex() <= origin.exitIndex()) continue;      // the origin plateau itself
            dipNear |= PassageLabel.NEAR_OPTIMAL.equals(kind);
            out.add(v);
        }
        if (near != null) out.add(near);
        out.sort((a, b) -> Integer.compare(a.dipIndex(), b.dipIndex()));
        return out;
    }

    /** The origin plateau, or null when the run does not start within ORIGIN_RADIUS of θ = 0. */
    Visit origin(List<TrainingRecord> records) {
        double[] t0 = records.get(0).theta();
        if (Vectors.norm(t0) >= ORIGIN_RADIUS) return null;
        ModelGeometry.OriginLaw law = geometry.originLaw(t0.length);
        double a0 = law.amplitude(t0);
        int exit = records.size() - 1;
        for (int i = 0; i < records.size(); i++) {
            if (law.amplitude(records.get(i).theta()) >= ORIGIN_RADIUS) {
                exit = i;
                break;
            }
        }
        double[] zero = new double[t0.length];
        Spectrum sp = Spectrum.of(loss.hessian(zero));
        double rate = Math.log1p(eta * law.rate());
        Long predicted = a0 > 0 && rate > 0 ? Math.round(Math.log(ORIGIN_RADIUS / a0) / rate) : null;
        double dist = Vectors.norm(t0);
        for (int i = 0; i <= exit; i++) dist = Math.min(dist, Vectors.norm(records.get(i).theta()));
        return new Visit(PassageLabel.PLATEAU, "origin", 0, 0, exit, true, zero, sp, "origin", sp.min(), dist, predicted);
    }

    /**
     * The critical point next to record k and the stretch of records around k that stays near it: the
     * {@link #nearest} one to record k; if there is none, the first that Levenberg–Marquardt finds within
     * refine_max_distance of record k from the slowest record (least ‖∇L_N‖) where E is within
     * near_optimal_ratio of E(k), then from records 5, 10, 20 and 40 places either side of k.
     */
    private Visit around(List<TrainingRecord> records, int k, String kind, String detector) {
        double[] at = records.get(k).theta();
        // the slowest record where E is within near_optimal_ratio of its minimum: the run's closest approach
        int slowest = k;
        double limitE = settings.nearOptimalRatio() * records.get(k).genExcess() + settings.nearOptimalAbs();
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).genExcess() <= limitE && records.get(i).gradNorm() < records.get(slowest).gradNorm()) slowest = i;
        }
        double[] cp = nearest(at);
        for (int off : new int[] {Integer.MIN_VALUE, -5, 5, -10, 10, -20, 20, -40, 40}) {
            if (cp != null) break;
            int i = off == Integer.MIN_VALUE ? slowest : k + off;
            if (i < 0 || i >= records.size()) continue;
            CriticalPointSolver.Result r = solver.solve(records.get(i).theta());
            if (r.converged() && geometry.distance(r.theta(), at) <= settings.refineMaxDistance()) cp = r.theta();
        }
        if (cp == null) return null;
        double r = VISIT_RADIUS * (1 + Vectors.norm(cp));
        int enter = k;
        while (enter > 0 && geometry.distance(records.get(enter - 1).theta(), cp) <= r) enter--;
        int exit = k;
        while (exit + 1 < records.size() && geometry.distance(records.get(exit + 1).theta(), cp) <= r) exit++;
        return visit(records, cp, true, k, enter, exit, kind, detector);
    }

    private Visit refine(List<TrainingRecord> records, int dip, int enter, int exit, String kind, String detector) {
        double[] at = records.get(dip).theta();
        // Levenberg–Marquardt from the dip only: an embedded point a drifting run merely passes within
        // refine_max_distance of (a narrower fit, far in L_N) is no visit
        CriticalPointSolver.Result cp = solver.solve(at);
        boolean refined = cp.converged() && geometry.distance(cp.theta(), at) <= settings.refineMaxDistance();
        return visit(records, refined ? cp.theta() : at, refined, dip, enter, exit, kind, detector);
    }

    /**
     * The critical point nearest to θ within refine_max_distance, or null: among the critical points of the
     * singular sets next to θ ({@link ModelGeometry#embeddedNear}) and Levenberg–Marquardt's from θ.
     */
    private double[] nearest(double[] at) {
        double[] cp = null;
        double best = settings.refineMaxDistance();
        List<double[]> candidates = new ArrayList<>(geometry.embeddedNear(at));
        CriticalPointSolver.Result lm = solver.solve(at);
        if (lm.converged()) candidates.add(lm.theta());
        for (double[] c : candidates) {
            double d = geometry.distance(c, at);
            if (d <= best) {
                best = d;
                cp = c;
            }
        }
        return cp;
    }

    private Visit visit(List<TrainingRecord> records, double[] point, boolean refined, int dip, int enter, int exit,
                        String kind, String detector) {
        Spectrum sp = Spectrum.of(loss.hessian(point));
        double tol = settings.eigenRelTol();
        double escape = sp.morseIndex(tol) > 0 ? sp.min() : Double.NaN;
        double dist = Double.POSITIVE_INFINITY;
        for (int i = enter; i <= exit; i++) dist = Math.min(dist, geometry.distance(records.get(i).theta(), point));
        Long predicted = null;
        if (refined && !Double.isNaN(escape)) {
            // δ along the escape eigenvector at the dip (the point is refined from the dip record: same orbit member)
            double[] u = sp.vector(0);
            double delta = Math.abs(Vectors.dot(u, Vectors.addScaled(records.get(dip).theta(), -1, point)));
            double r = VISIT_RADIUS * (1 + Vectors.norm(point));
            if (delta > 0 && delta < r) {
                predicted = records.get(dip).step() + Math.round(Math.log(r / delta) / Math.log1p(eta * Math.abs(escape)));
            }
        }
        return new Visit(kind, detector, enter, dip, exit, refined, point, sp,
                geometry.singularity(point, settings.singularTol()), escape, dist, predicted);
    }
}
