package saddlesweep.run;

import java.io.Serializable;

/**
 * One row of the {@code events} table: a slow passage ({@code plateau} or {@code near_optimal}) with the
 * critical point it was refined to, or the run's {@code attractor}.
 *
 * @param seq          order of the event within the run, from 0
 * @param stepEnter    first recorded step where ‖∇L_N‖ is within one decade of the dip value
 * @param stepDip      step of the gradient minimum
 * @param stepExit     last such step
 * @param trainLoss    L_N at the dip (attractor: at the attractor)
 * @param genExcess    E at the dip
 * @param gradNorm     ‖∇L_N‖ at the dip
 * @param refined      whether the nearby critical point was found
 * @param point        canonical critical point (or the dip point when not refined)
 * @param eigenvalues  Hessian eigenvalues of L_N at that point, ascending
 * @param morseIndex   number of negative eigenvalues beyond the relative tolerance
 * @param nullDim      number of eigenvalues within the tolerance of zero
 * @param singularity  {@code origin}, {@code overlap}, {@code elimination} or {@code none}
 * @param detector     what found it: {@code origin}, {@code gradient_dip}, {@code min_gen_excess}; {@code fate} for the attractor
 * @param escapeEigenvalue  the most negative Hessian eigenvalue at the point (NaN when none is)
 * @param distance     smallest canonical distance from the visit's records to the point
 * @param predictedExit step at which the linear escape law puts the exit from the point (null when it does not apply)
 */
public record RunEvent(String sweep, String taskId, int seq, String kind, long stepEnter, long stepDip,
                       long stepExit, double trainLoss, double genExcess, double gradNorm, boolean refined,
                       double[] point, double[] eigenvalues, int morseIndex, int nullDim, String singularity,
                       double criticalTrainLoss, double criticalGenExcess, double criticalGradNorm,
                       String detector, double escapeEigenvalue, double distance, Long predictedExit)
        implements Serializable {

    public RunEvent withSweep(String name) {
        return new RunEvent(name, taskId, seq, kind, stepEnter, stepDip, stepExit, trainLoss, genExcess,
                gradNorm, refined, point, eigenvalues, morseIndex, nullDim, singularity, criticalTrainLoss,
                criticalGenExcess, criticalGradNorm, detector, escapeEigenvalue, distance, predictedExit);
    }
}
