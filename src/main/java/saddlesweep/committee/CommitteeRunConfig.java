package saddlesweep.committee;

import saddlesweep.analysis.AnalysisSettings;
import saddlesweep.model.NormalStream;

/**
 * One run of a committee machine: the teacher θ* = (W* row by row, v*) in d dimensions, the data (generated from
 * the seed, or given), the student width, the initial point (drawn from the seed, or given) and plain GD's settings.
 *
 * @param activation g of the teacher and the student (tanh or erf)
 * @param tail  {@code flow}: plain GD hands over to the flow it follows, up to horizonSteps; {@code gd}: plain GD only
 * @param data  the training set, or null for {@link CommitteeData#generate} from the data seed
 * @param init  θ_0, or null for {@link #theta0()}'s draw
 */
public record CommitteeRunConfig(int dim, Activation activation, double[] teacher, int n, double sigma2, int hidden, long dataSeed,
                                 long initSeed, double inputStd, double eta, double initScale, long maxSteps,
                                 double gradTol, int recordsPerDecade, String tail, long horizonSteps,
                                 AnalysisSettings analysis, CommitteeData data, double[] init) {

    public CommitteeRunConfig {
        int teacherUnits = CommitteeNetwork.units(teacher, dim);
        if (teacherUnits < 1) throw new IllegalArgumentException("the teacher needs at least one unit");
        if (hidden < 1) throw new IllegalArgumentException("hidden must be >= 1, got " + hidden);
        if (data != null && data.dim() != dim) {
            throw new IllegalArgumentException("the data have d = " + data.dim() + " but the teacher's rows " + dim);
        }
        if (init != null && init.length != hidden * (dim + 1)) {
            throw new IllegalArgumentException("init must have H·(d + 1) = " + hidden * (dim + 1) + " values (W row by row, then v), got "
                    + init.length);
        }
        teacher = teacher.clone();
        init = init == null ? null : init.clone();
    }

    /** The teacher's units H*. */
    public int teacherUnits() {
        return teacher.length / (dim + 1);
    }

    /** The training set: the given one, or drawn from the data seed. */
    public CommitteeData dataSet() {
        return data != null ? data : CommitteeData.generate(teacher, dim, n, sigma2, inputStd, dataSeed, activation);
    }

    /**
     * θ_0: the given one, or H·(d + 1) normals from the init stream times init_scale, W row by row, then v (at d = 1
     * {@link saddlesweep.run.InitialPoint}'s draw).
     */
    public double[] theta0() {
        if (init != null) return init.clone();
        NormalStream rng = new NormalStream(initSeed, NormalStream.INIT);
        double[] theta = new double[hidden * (dim + 1)];
        for (int i = 0; i < theta.length; i++) theta[i] = initScale * rng.nextNormal();
        return theta;
    }

    /** L_N on this run's data. */
    public CommitteeLoss loss() {
        return new CommitteeLoss(dataSet(), activation);
    }

    /** The population excess E against this run's teacher. */
    public CommitteeExcess excess() {
        double[] w = java.util.Arrays.copyOf(teacher, teacherUnits() * dim);
        double[] v = java.util.Arrays.copyOfRange(teacher, teacherUnits() * dim, teacher.length);
        return new CommitteeExcess(w, v, dim, inputStd, activation);
    }

    /**
     * θ*, the population optimum E = 0 for H ≥ H*: the teacher's units, then H − H* idle units (w = 0, v = 0); null for
     * H &lt; H* (the best narrower fit is not computed in d &gt; 1).
     */
    public double[] optimum() {
        int hs = teacherUnits();
        if (hidden < hs) return null;
        double[] t = new double[hidden * (dim + 1)];
        System.arraycopy(teacher, 0, t, 0, hs * dim);
        System.arraycopy(teacher, hs * dim, t, hidden * dim, hs);
        return t;
    }
}
