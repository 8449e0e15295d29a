package saddlesweep.run;

/**
 * The columns that say what GD at the run's η does, as the {@code runs} table and {@code train} name them: read
 * from a {@link RunSummary} (a scalar input) or a {@link GdSummary} (a committee machine's run).
 */
public interface GdFateView {

    Long gdUnstableStep();

    String gdFate();

    int gdPeriod();

    double[] gdOrbit();

    double gdTrainLoss();

    double gdGenExcess();

    double gdAmplitude();

    double gdMultiplier();

    int gdNeutral();

    double gdSharpness();

    double gdLyapunov();

    Long gdStep();

    boolean gdCertified();

    Long gdHandoverStep();

    String gdStart();

    String gdEvidence();

    double gdLyapunovError();

    double gdSettlingSteps();
}
