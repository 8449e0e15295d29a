package saddlesweep.sequence;

import java.util.List;

import saddlesweep.train.TrainingRecord;

/** The counts of a run's visits: plateaus and the steps they took, near-optimal visits and the first one's dip step. */
public final class VisitTally {

    private int plateaus;
    private long plateauSteps;
    private int nearOptimal;
    private Long nearOptimalStep;

    /** Counts visit v (its steps from the records' steps); returns whether it is a plateau. */
    public boolean add(Visit v, List<TrainingRecord> records) {
        if (PassageLabel.PLATEAU.equals(v.kind())) {
            plateaus++;
            plateauSteps += steps(v, records);
            return true;
        }
        nearOptimal++;
        if (nearOptimalStep == null) nearOptimalStep = records.get(v.dipIndex()).step();
        return false;
    }

    /** The steps from the visit's first record to its last. */
    public static long steps(Visit v, List<TrainingRecord> records) {
        return records.get(v.exitIndex()).step() - records.get(v.enterIndex()).step();
    }

    public int plateaus() {
        return plateaus;
    }

    public long plateauSteps() {
        return plateauSteps;
    }

    public int nearOptimal() {
        return nearOptimal;
    }

    /** The dip step of the first near-optimal visit, or null. */
    public Long nearOptimalStep() {
        return nearOptimalStep;
    }
}
