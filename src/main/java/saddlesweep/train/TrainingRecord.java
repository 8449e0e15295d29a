package saddlesweep.train;

/** The state of a run at one step of the record grid: L_N, ‖∇L_N‖, E and θ (as trained, not canonical). */
public record TrainingRecord(long step, double trainLoss, double gradNorm, double genExcess, double[] theta) {
}
