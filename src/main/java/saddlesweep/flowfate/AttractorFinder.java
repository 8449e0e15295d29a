package saddlesweep.flowfate;

import java.util.List;

import org.ejml.data.DMatrixRMaj;

import saddlesweep.analysis.AnalysisSettings;
import saddlesweep.analysis.NewtonPolish;
import saddlesweep.analysis.Spectrum;
import saddlesweep.model.Objective;
import saddlesweep.model.Vectors;
import saddlesweep.train.TrainingRecord;

/**
 * Decides where a run ends, during gradient descent (to stop it as soon as the attractor is certain) and
 * after it.
 *
 * <p>During GD, at a record where ‖∇L_N‖ is falling: if the Hessian is positive definite and GD is stable
 * there (η·λ_max &lt; 2), a strict Newton polish is tried. It is accepted when it reaches ‖∇L_N‖ ≤
 * {@value #POLISH_GRAD_TOL} within {@code 0.05·(1 + ‖θ‖)} of the iterate with curvature of the same kind all
 * the way (at the iterate, along the Newton path, at the midpoint and at the end): the iterate is then in
 * the basin of that minimum and plain GD would converge to it. A drifting iterate has gradient along its
 * null directions that no such polish removes, so it is never polished onto a far point.
 *
 * Near a degenerate minimum GD is left to converge by itself: where it lands on the critical manifold
 * depends on its path, which a polish on the Hessian's range reproduces only to second order.
 *
 * <p>After training, {@link FateFinder} uses the same polish (also on the Hessian's range, for degenerate
 * minima) among its certified fates.
 */
public final class AttractorFinder {

    /** Gradient norm a polished point must reach. */
    public static final double POLISH_GRAD_TOL = 1e-11;
    /** Relative radius a polish may move. */
    public static final double POLISH_RADIUS = 0.05;

    private final Objective loss;
    private final double eta;
    private final AnalysisSettings settings;
    private TrainingRecord previous;

    public AttractorFinder(Objective loss, double eta, AnalysisSettings settings) {
        this.loss = loss;
        this.eta = eta;
        this.settings = settings;
    }

    /** Called at every record during GD: the attractor if the run can stop here, else null. */
    public Attractor tryFinish(TrainingRecord r) {
        TrainingRecord prev = previous;
        previous = r;
        if (prev == null || !(r.gradNorm() < prev.gradNorm())) return null;
        return polish(r.theta(), 0.0, false);
    }

    /**
     * The minimum θ lies in the basin of, polished and certified as above (strict, or with {@code allowDegenerate}
     * on a critical manifold), where GD at η is stable, or null.
     */
    public Attractor polish(double[] theta, double drift, boolean allowDegenerate) {
        return certify(theta, drift, allowDegenerate, true);
    }

    /**
     * The minimum θ lies in the basin of, as {@link #polish} certifies it but whatever η·λ_max there: the limit of
     * the flow (η → 0), where GD at η may be unstable; or null.
     */
    public Attractor polishLimit(double[] theta, boolean allowDegenerate) {
        return certify(theta, 0.0, allowDegenerate, false);
    }

    private Attractor certify(double[] theta, double drift, boolean allowDegenerate, boolean gdStable) {
        double tol = settings.eigenRelTol();
        DMatrixRMaj h = loss.hessian(theta);
        Spectrum sp = Spectrum.of(h);
        if (sp.morseIndex(tol) > 0 || (gdStable && eta * sp.maxAbs() >= 2)) return null;
        boolean strict = sp.isolatedMinimum(h, tol);
        if (!strict && !allowDegenerate) return null;
        NewtonPolish.Mode mode = strict ? NewtonPolish.Mode.STRICT : NewtonPolish.Mode.DEGENERATE;
        double radius = POLISH_RADIUS * (1 + Vectors.norm(theta));
        NewtonPolish.Result p = new NewtonPolish(loss, tol, radius).polish(theta, mode, sp);
        if (!p.ok() || !(p.gradNorm() <= POLISH_GRAD_TOL)) return null;
        double[] mid = Vectors.addScaled(theta, 0.5, Vectors.addScaled(p.theta(), -1, theta));
        for (double[] point : new double[][] {mid, p.theta()}) {
            DMatrixRMaj hp = loss.hessian(point);
            Spectrum s = Spectrum.of(hp);
            if (s.morseIndex(tol) > 0 || (strict && !s.isolatedMinimum(hp, tol))) return null;
        }
        return new Attractor(strict ? AttractorKind.FINITE : AttractorKind.DEGENERATE, p.theta(), true, drift);
    }

    /** Records of the last decade of steps (at least the last two). */
    private static List<TrainingRecord> lastDecade(List<TrainingRecord> records) {
        long lastStep = records.get(records.size() - 1).step();
        int from = records.size() - 1;
        while (from > 0 && records.get(from - 1).step() >= lastStep / 10.0) from--;
        return records.subList(Math.min(from, Math.max(0, records.size() - 2)), records.size());
    }

    /** d‖θ‖/d log10(step) over the last decade. */
    public static double drift(List<TrainingRecord> records) {
        List<TrainingRecord> d = lastDecade(records);
        TrainingRecord a = d.get(0);
        TrainingRecord b = d.get(d.size() - 1);
        if (a.step() <= 0 || b.step() <= a.step()) return 0.0;
        return (Vectors.norm(b.theta()) - Vectors.norm(a.theta())) / Math.log10((double) b.step() / a.step());
    }
}
