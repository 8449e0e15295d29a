package saddlesweep.run;

import java.util.function.UnaryOperator;

import saddlesweep.gdfate.BurstEnvelope;
import saddlesweep.gdfate.GdFate;
import saddlesweep.train.GdMap;

/**
 * GD's own fate as the {@code runs} table's columns of the same names (from {@code flow_evaluations} to
 * {@code gd_tangent_steps}): how the run was trained, GD's fate ({@link GdFateOfRun}) and its cycle's columns
 * ({@link GdColumns}). A committee machine's run carries it whole; a scalar run's summary holds the same columns.
 */
public record GdSummary(long flowEvaluations, Long gdUnstableStep, String gdFate, int gdPeriod, double[] gdOrbit,
                        double gdTrainLoss, double gdGenExcess, double gdAmplitude, double gdMultiplier,
                        double[] gdMultipliers, int gdNeutral, double[] gdNeutralDirections, double gdSharpness,
                        double gdLyapunov, Long gdStep, boolean gdCertified, Long gdHandoverStep, double gdMaxAbsV,
                        double[] gdBranch, long gdFateSteps, long gdFateEvaluations, long gdModeledSteps, String gdStart,
                        String gdEvidence, double gdLyapunovError, double gdSettlingSteps, int gdBursts,
                        double gdBurstSpan, double gdBurstSlope, double gdBurstSlopeError, long gdTangentSteps)
        implements GdFateView {

    /**
     * The columns of a run trained as {@code trained}, GD's fate {@code gd}; its cycle's columns with the model's GD
     * map, canonical form of orbits and θ's entries per unit (see {@link GdColumns}).
     */
    public static GdSummary of(TrainingTail.Result trained, GdFateOfRun.Outcome gd, GdMap map,
                               UnaryOperator<double[][]> canonicalOrbit, int perUnit) {
        return of(trained, gd, GdColumns.of(gd, map, canonicalOrbit, perUnit));
    }

    static GdSummary of(TrainingTail.Result trained, GdFateOfRun.Outcome gd, GdColumns gdc) {
        GdFate f = gd.fate();
        BurstEnvelope bursts = f.bursts();
        return new GdSummary(trained.flowEvaluations(), trained.unstableStep(), f.label(), f.period(), gdc.orbit(),
                f.meanTrainLoss(), f.meanGenExcess(), gdc.amplitude(), gdc.multiplier(), gdc.multipliers(), gdc.neutral(),
                gdc.neutralDirections(), f.sharpness(), f.lyapunov(), f.step(), f.certified(), gd.handoverStep(),
                gdc.maxAbsV(), f.branch(), gd.gdSteps(), gd.flowEvaluations(), 0L, gd.start(), f.evidence(),
                f.lyapunovError(), f.cycle() == null ? Double.NaN : f.cycle().settlingSteps(),
                bursts == null ? 0 : bursts.bursts(), bursts == null ? Double.NaN : bursts.span(),
                bursts == null ? Double.NaN : bursts.slope(), bursts == null ? Double.NaN : bursts.slopeError(),
                gd.tangentSteps());
    }
}
