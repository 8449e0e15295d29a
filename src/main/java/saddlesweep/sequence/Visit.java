package saddlesweep.sequence;

import saddlesweep.analysis.Spectrum;

/**
 * A stretch of a run spent next to a critical point: the origin plateau, a slow passage found by a dip of
 * ‖∇L_N‖, or the near-optimal point (the record of minimum E).
 *
 * @param kind              {@code plateau} or {@code near_optimal}
 * @param detector          {@code origin}, {@code gradient_dip} or {@code min_gen_excess}
 * @param enterIndex        first record of the visit
 * @param dipIndex          the record closest to the point (for the near-optimal visit: minimum of E)
 * @param exitIndex         last record of the visit
 * @param refined           whether the critical point was found (Levenberg–Marquardt on ½‖∇L_N‖²)
 * @param point             the critical point (θ = 0 for the origin), or the dip record when not refined
 * @param spectrum          Hessian of L_N at the point
 * @param singularity       {@code origin}, {@code overlap}, {@code elimination} or {@code none}
 * @param escapeEigenvalue  the most negative eigenvalue at the point (NaN when none is negative)
 * @param distance          smallest canonical distance from the visit's records to the point
 * @param predictedExit     step at which the linear escape law puts the exit (null when it does not apply)
 */
public record Visit(String kind, String detector, int enterIndex, int dipIndex, int exitIndex, boolean refined,
                    double[] point, Spectrum spectrum, String singularity, double escapeEigenvalue, double distance,
                    Long predictedExit) {
}
