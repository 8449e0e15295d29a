package saddlesweep.run;

import java.util.List;

import saddlesweep.analysis.AnalysisSettings;
import saddlesweep.flowfate.Attractor;
import saddlesweep.flowfate.AttractorFinder;
import saddlesweep.flowfate.Fate;
import saddlesweep.flowfate.FateFinder;
import saddlesweep.model.DataSet;
import saddlesweep.model.PopulationExcess;
import saddlesweep.model.SquaredLoss;
import saddlesweep.train.EdgeHandover;
import saddlesweep.train.GdMap;
import saddlesweep.train.GradientKernel;
import saddlesweep.train.Kernels;
import saddlesweep.train.TrainingRecord;

/** GD's fate problem of a scalar-input run: its kernels, its modified flow, its flow fates (limits at infinity too). */
record ScalarGdProblem(RunConfig c, DataSet data, SquaredLoss lossN, PopulationExcess pop) implements GdProblem {

    @Override
    public double eta() {
        return c.training().eta();
    }

    @Override
    public AnalysisSettings analysis() {
        return c.analysis();
    }

    @Override
    public double[] initialTheta() {
        return c.initialTheta();
    }

    @Override
    public double workPerStep() {
        return (double) data.size() * c.hidden();
    }

    @Override
    public GdMap map() {
        return new GdMap(lossN, eta());
    }

    @Override
    public GradientKernel kernel() {
        return Kernels.forData(data);
    }

    @Override
    public double genExcess(double[] theta) {
        return pop.value(theta);
    }

    @Override
    public EdgeHandover.Point edgeBefore(double[] thetaA, long stepA, long stepB) {
        return EdgeHandover.before(lossN, eta(), thetaA, stepA, stepB);
    }

    @Override
    public TrainingTail.Flow flow(double[] theta, long step, List<TrainingRecord> records) {
        return TrainingTail.flow(c, lossN, pop, new AttractorFinder(lossN, eta(), c.analysis()), theta, step, records);
    }

    @Override
    public Fate flowFate(List<TrainingRecord> records, Attractor polished) {
        return new FateFinder(lossN, pop, eta(), c.analysis(), c.inputStd(), FateFinder.GAP_TOL).of(records, polished);
    }
}
