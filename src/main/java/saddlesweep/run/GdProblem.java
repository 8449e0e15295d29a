package saddlesweep.run;

import java.util.List;

import saddlesweep.analysis.AnalysisSettings;
import saddlesweep.flowfate.Attractor;
import saddlesweep.flowfate.Fate;
import saddlesweep.train.EdgeHandover;
import saddlesweep.train.GdMap;
import saddlesweep.train.GradientKernel;
import saddlesweep.train.TrainingRecord;

/**
 * What {@link GdFateOfRun} needs of a run to follow GD at its η to its own fate, whatever the model: the GD map and
 * a fast kernel for its iterates, E, the flow GD follows (to hand it back to GD before the edge, and after a
 * catapult to its limit), and what that flow's limit is. Implemented for a scalar input ({@link ScalarGdProblem})
 * and for the committee machine ({@link saddlesweep.committee.CommitteeGdProblem}).
 */
public interface GdProblem {

    double eta();

    AnalysisSettings analysis();

    /** θ_0, where plain GD is rerun from. */
    double[] initialTheta();

    /** Sample·unit·steps one GD step costs (N·H; the budgets {@code analysis.gd_*_work} are in these). */
    double workPerStep();

    /** The accurate GD map G(θ) = θ − η∇L_N(θ) (its loss is L_N). */
    GdMap map();

    /** A fresh fast kernel for GD's iterates (the one training used: the same bits from θ_0). */
    GradientKernel kernel();

    /** E(θ). */
    double genExcess(double[] theta);

    /** The flow's state shortly before η·λ_max reaches 2, between a stable step a and an unstable step b. */
    EdgeHandover.Point edgeBefore(double[] thetaA, long stepA, long stepB);

    /**
     * The flow from θ at GD step {@code step} to the run's horizon, its records appended to {@code records} (whose
     * first is θ's): where it first meets the edge, if it does, and the certified minimum a record's polish found.
     */
    TrainingTail.Flow flow(double[] theta, long step, List<TrainingRecord> records);

    /** The fate of a flow so recorded (its limit, certified or not). */
    Fate flowFate(List<TrainingRecord> records, Attractor polished);
}
