package saddlesweep.flowfate;

import java.util.List;

import saddlesweep.train.TrainingRecord;

/** The last recorded decade of a run, T/10 → T: the window over which trends and approaches are read. */
public final class LastDecade {

    private LastDecade() {
    }

    /** Index of the first record of the last recorded decade (step ≥ last step / 10, integer division). */
    public static int start(List<TrainingRecord> records) {
        int a = records.size() - 1;
        long last = records.get(a).step();
        while (a > 0 && records.get(a - 1).step() >= last / 10) a--;
        return a;
    }
}
