package saddlesweep.spark;

import java.util.Map;

/**
 * What a sweep driver did.
 *
 * @param total     tasks in the grid
 * @param computed  tasks computed by this driver (0 for a rerun of a complete sweep)
 * @param done      tasks committed in total, including earlier drivers'
 * @param complete  whether every task is committed and the attractors table is built
 * @param statuses  runs per status over all committed chunks
 * @param seconds      wall time of this driver
 * @param utilisation  share of the executor slots' time spent in this driver's tasks (NaN when none ran)
 * @param jobSeconds   wall time from the first chunk job's start to the last one's end
 */
public record SweepOutcome(long total, long computed, long done, boolean complete, Map<String, Long> statuses,
                           double seconds, double utilisation, double jobSeconds) {
}
