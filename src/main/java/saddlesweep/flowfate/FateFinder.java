package saddlesweep.flowfate;

import java.util.List;
import java.util.StringJoiner;

import saddlesweep.analysis.AnalysisSettings;
import saddlesweep.analysis.CriticalPointSolver;
import saddlesweep.analysis.NewtonPolish;
import saddlesweep.analysis.Spectrum;
import saddlesweep.model.ClosureNetwork;
import saddlesweep.model.PopulationExcess;
import saddlesweep.model.Singularity;
import saddlesweep.model.SquaredLoss;
import saddlesweep.model.Vectors;
import saddlesweep.train.TrainingRecord;

/**
 * Certifies where a run goes, from its records (GD and flow tail) and, when the run was polished onto an
 * isolated minimum, that minimum.
 *
 * <p>Order of the checks at the last record θ_T:
 * <ol>
 *   <li>{@code finite}: a strict Newton polish from θ_T (as during GD, {@link AttractorFinder}); for a run that
 *       has settled off the singular sets, also onto an ill-conditioned minimum.</li>
 *   <li>{@code saddle}: the Hessian has negative eigenvalues and Levenberg–Marquardt on ½‖∇L_N‖² finds a
 *       critical point within {@value #SADDLE_RADIUS}·(1 + ‖θ_T‖) of θ_T.</li>
 *   <li>{@code degenerate}: a degenerate Newton polish of the full network that lands on a singular set, its
 *       limit the minimum of the {@link ReducedNetwork};</li>
 *   <li>closure limits: the {@link LimitCandidates} of the last decade's {@link DecadeTrends}, each minimised
 *       over its own model ({@link ClosureMinimiser}, which also finds the ill-conditioned minima of nearly
 *       collinear terms: {@link SoftCurvature}).</li>
 * </ol>
 * Each limit is checked against the records ({@link LimitCheck}: reached to gap_tol, or approached as a power law
 * that extrapolates onto it, {@link PowerLawLimit}). Of the certified candidates the one with
 * the largest L_N(limit) is taken: the run's L_N falls to its limit from above, so a smaller candidate
 * value is a limit the run does not reach. No certified candidate: {@code unresolved}, with the reasons.
 */
public final class FateFinder {

    /** Default largest relative gap at which a limit approached algebraically counts as reached. */
    public static final double GAP_TOL = 1e-3;
    static final double SADDLE_RADIUS = 1e-3;
    /** A run whose gradient is this small has settled: its limit is within ‖∇L_N‖/λ_min of it. */
    static final double SETTLED_GRAD = 1e-11;

    private final SquaredLoss loss;
    private final AttractorFinder finder;
    private final AnalysisSettings settings;
    private final double inputStd;
    private final ClosureMinimiser minimiser;
    private final LimitCheck limits;

    /**
     * @param gapTol  largest relative gap (L_N(θ_T) − L_N(limit)) / L_N(limit) at which a limit reached
     *                algebraically counts as reached
     */
    public FateFinder(SquaredLoss loss, PopulationExcess pop, double eta, AnalysisSettings settings,
                      double inputStd, double gapTol) {
        this.loss = loss;
        this.finder = new AttractorFinder(loss, eta, settings);
        this.settings = settings;
        this.inputStd = inputStd;
        this.minimiser = new ClosureMinimiser(loss, settings.eigenRelTol());
        this.limits = new LimitCheck(loss, pop, gapTol);
    }

    /**
     * The fate of a run.
     *
     * @param records   every record of the run, in step order
     * @param polished  the minimum the run was polished onto during training, or null
     */
    public Fate of(List<TrainingRecord> records, Attractor polished) {
        TrainingRecord last = records.get(records.size() - 1);
        double[] thetaT = last.theta();
        if (polished == null) polished = finder.polish(thetaT, 0.0, false);
        if (polished == null && last.gradNorm() <= SETTLED_GRAD) polished = nearlyDegenerate(thetaT);
        if (polished != null && polished.kind() == AttractorKind.FINITE) {
            ClosureNetwork limit = ClosureNetwork.ofMlp(polished.theta());
            return fate(AttractorKind.FINITE, null, polished.theta(), limit, limits.check(limit, records, true));
        }
        Fate saddle = saddle(thetaT, records);
        if (saddle != null) return saddle;

        List<LimitCandidate> candidates = LimitCandidates.of(records, inputStd);
        Attractor degenerate = finder.polish(thetaT, 0.0, true);
        Fate best = null;
        StringJoiner rejected = new StringJoiner("; ");
        // a degenerate minimum lies on a singular set; a flat direction elsewhere (a saturated unit) is a drift
        if (degenerate != null && degenerate.kind() == AttractorKind.DEGENERATE
                && Singularity.of(degenerate.theta(), settings.singularTol()) != Singularity.NONE) {
            ClosureNetwork limit = ReducedNetwork.limit(degenerate.theta(), settings.singularTol(), minimiser);
            LimitCheck.Result c = limits.check(limit, records, false);
            if (c.certified()) best = fate(AttractorKind.DEGENERATE, null, degenerate.theta(), limit, c);
            else rejected.add("degenerate polish: " + c.why());
        }
        for (LimitCandidate cand : candidates) {
            ClosureNetwork limit = minimiser.minimise(cand.shape());
            if (limit == null) {
                rejected.add(cand.shape().label() + ": no isolated minimum of the model nearby");
                continue;
            }
            LimitCheck.Result c = limits.check(limit, records, false);
            if (!c.certified()) {
                rejected.add(limit.label() + ": " + c.why());
                continue;
            }
            // the larger limit wins; a tie (within rounding) goes to the closure limit, which also explains the drift
            double tie = 64 * Math.ulp(c.limitLoss());
            boolean better = best == null || c.limitLoss() > best.limitTrainLoss() + tie
                    || (c.limitLoss() >= best.limitTrainLoss() - tie && cand.kind() == AttractorKind.AT_INFINITY
                    && best.kind() != AttractorKind.AT_INFINITY);
            if (better) {
                double[] point = cand.kind() == AttractorKind.AT_INFINITY ? thetaT : cand.embed(limit);
                best = fate(cand.kind(), cand.mechanisms(), point, limit, c);
            }
        }
        if (best != null) return best;
        return Fate.unresolved(thetaT, "no certified limit at step " + last.step() + (rejected.length() == 0 ? "" : " (" + rejected + ")"));
    }

    /**
     * A run that has settled (‖∇L_N‖ ≤ {@value #SETTLED_GRAD}) off the singular sets at a minimum whose smallest
     * eigenvalue is positive but below eigen_rel_tol·λ_max (an ill-conditioned isolated minimum: a near-realizable
     * fit with little noise): the strict polish with a zero tolerance at rounding level ({@value SoftCurvature#ROUNDING_REL_TOL})
     * and the usual radius; null unless it converges there.
     */
    private Attractor nearlyDegenerate(double[] thetaT) {
        if (Singularity.of(thetaT, settings.singularTol()) != Singularity.NONE) return null;
        NewtonPolish.Result r = new NewtonPolish(loss, SoftCurvature.ROUNDING_REL_TOL, AttractorFinder.POLISH_RADIUS * (1 + Vectors.norm(thetaT)))
                .polish(thetaT, NewtonPolish.Mode.STRICT);
        if (!r.ok() || !(r.gradNorm() <= AttractorFinder.POLISH_GRAD_TOL)) return null;
        Spectrum sp = Spectrum.of(loss.hessian(r.theta()));
        return sp.positiveDefinite(SoftCurvature.ROUNDING_REL_TOL) ? new Attractor(AttractorKind.FINITE, r.theta(), true, 0.0) : null;
    }

    /** A saddle the run is still on: a critical point of index ≥ 1 next to θ_T. */
    private Fate saddle(double[] thetaT, List<TrainingRecord> records) {
        double tol = settings.eigenRelTol();
        Spectrum at = Spectrum.of(loss.hessian(thetaT));
        if (at.morseIndex(tol) == 0) return null;
        CriticalPointSolver.Result cp = new CriticalPointSolver(loss, 1e-12, 300).solve(thetaT);
        if (!cp.converged() || Vectors.distance(cp.theta(), thetaT) > SADDLE_RADIUS * (1 + Vectors.norm(thetaT))) return null;
        Spectrum sp = Spectrum.of(loss.hessian(cp.theta()));
        if (sp.morseIndex(tol) == 0) return null;
        ClosureNetwork limit = ClosureNetwork.ofMlp(cp.theta());
        LimitCheck.Result c = limits.check(limit, records, true);
        return new Fate(AttractorKind.SADDLE, null, true, cp.theta(), limit.canonical(), c.limitLoss(), c.limitExcess(),
                c.approachKind(), c.approachRate(), sp.min(), null);
    }

    private static Fate fate(AttractorKind kind, String mechanisms, double[] theta, ClosureNetwork limit, LimitCheck.Result c) {
        return new Fate(kind, mechanisms, c.certified(), theta, limit.canonical(), c.limitLoss(), c.limitExcess(),
                c.approachKind(), c.approachRate(), Double.NaN, c.certified() ? null : c.why());
    }
}
