package saddlesweep.sequence;

/**
 * A slow passage of a run: a prominent local minimum of ‖∇L_N‖ in log-step time.
 *
 * @param dipIndex    index of the gradient minimum in the record list
 * @param enterIndex  first index of the contiguous range where ‖∇L_N‖ ≤ 10·(dip value)
 * @param exitIndex   last index of that range
 */
public record SlowPassage(int dipIndex, int enterIndex, int exitIndex) {
}
