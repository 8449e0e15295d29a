package saddlesweep.run;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import saddlesweep.analysis.AnalysisSettings;
import saddlesweep.committee.Activation;
import saddlesweep.committee.CommitteePipeline;
import saddlesweep.committee.CommitteeRunConfig;
import saddlesweep.model.DataSet;
import saddlesweep.model.Teacher;
import saddlesweep.train.TrainingSettings;

/**
 * Everything that determines one run: the teacher, the data set (generated from {@code dataSeed}, or given),
 * the student width, the initial point (drawn from {@code initSeed}, or given), training and analysis settings.
 *
 * @param data  explicit data set replacing the generated one (null: generate N points from dataSeed)
 * @param init  explicit initial θ_0 (null: draw from initSeed)
 */
public record RunConfig(Teacher teacher, int n, double sigma2, int hidden, long dataSeed, long initSeed,
                        double inputStd, TrainingSettings training, AnalysisSettings analysis,
                        DataSet data, double[] init) implements Serializable {

    public static final double DEFAULT_INPUT_STD = 1.0;

    public RunConfig {
        if (n <= 0) throw new IllegalArgumentException("n must be > 0, got " + n);
        if (!(sigma2 >= 0) || !Double.isFinite(sigma2)) throw new IllegalArgumentException("sigma2 must be >= 0 and finite, got " + sigma2);
        if (hidden < 1) throw new IllegalArgumentException("hidden must be >= 1, got " + hidden);
        if (!(inputStd > 0) || !Double.isFinite(inputStd)) throw new IllegalArgumentException("input_std must be > 0, got " + inputStd);
        int perUnit = teacher.dim() + 1;
        if (init != null && init.length != perUnit * hidden) {
            throw new IllegalArgumentException(teacher.dim() == 1
                    ? "init must have 2*hidden = " + 2 * hidden + " values, got " + init.length
                    : "init must have hidden*(d + 1) = " + perUnit * hidden + " values, got " + init.length);
        }
        if (data != null && teacher.dim() > 1) throw new IllegalArgumentException("explicit data are scalar-input data");
        if (data != null && data.size() != n) {
            throw new IllegalArgumentException("n = " + n + " but the data set has " + data.size() + " rows");
        }
        init = init == null ? null : init.clone();
    }

    /** A generated-data, random-init run with default settings. */
    public static RunConfig of(Teacher teacher, int n, double sigma2, int hidden, long dataSeed, long initSeed) {
        return new RunConfig(teacher, n, sigma2, hidden, dataSeed, initSeed, DEFAULT_INPUT_STD,
                TrainingSettings.defaults(), AnalysisSettings.defaults(), null, null);
    }

    public RunConfig withTraining(TrainingSettings t) {
        return new RunConfig(teacher, n, sigma2, hidden, dataSeed, initSeed, inputStd, t, analysis, data, init);
    }

    public RunConfig withAnalysis(AnalysisSettings a) {
        return new RunConfig(teacher, n, sigma2, hidden, dataSeed, initSeed, inputStd, training, a, data, init);
    }

    public RunConfig withData(DataSet d) {
        return new RunConfig(teacher, d.size(), sigma2, hidden, dataSeed, initSeed, inputStd, training, analysis, d, init);
    }

    public RunConfig withInit(double[] theta0) {
        return new RunConfig(teacher, n, sigma2, hidden, dataSeed, initSeed, inputStd, training, analysis, data, theta0);
    }

    /** Whether the run is the committee machine's (d &gt; 1 inputs), run by {@link CommitteePipeline}. */
    public boolean committee() {
        return teacher.dim() > 1;
    }

    /** This run as the committee machine's pipeline takes it (tanh; generated data). */
    public CommitteeRunConfig committeeConfig() {
        return new CommitteeRunConfig(teacher.dim(), Activation.TANH, teacher.theta(), n, sigma2, hidden, dataSeed, initSeed,
                inputStd, training.eta(), training.initScale(), training.maxSteps(), training.gradTol(),
                training.recordsPerDecade(), training.tail(), training.horizonSteps(), analysis, null, init);
    }

    /** The data set of this run: the given one, or N points generated from dataSeed. */
    public DataSet dataSet() {
        return data != null ? data : DataSet.generate(teacher, n, sigma2, inputStd, dataSeed);
    }

    /** The initial point θ_0: the given one, or N(0, initScale²) entries drawn from initSeed. */
    public double[] initialTheta() {
        return init != null ? init.clone() : InitialPoint.draw(hidden, training.initScale(), initSeed);
    }

    /**
     * A stable identifier of the task: the first 16 hex digits of SHA-256 over every parameter that
     * determines the run's result (teacher, N, σ², H, seeds, input std, training and analysis settings).
     * Explicit data or init points enter through their values.
     */
    public String taskId() {
        StringBuilder s = new StringBuilder();
        s.append("w=").append(Arrays.toString(teacher.w()));
        if (teacher.dim() > 1) s.append(";dim=").append(teacher.dim());     // absent at d = 1: the task ids stay as they were
        s.append(";v=").append(Arrays.toString(teacher.v()))
                .append(";n=").append(n)
                .append(";sigma2=").append(Double.toString(sigma2))
                .append(";hidden=").append(hidden)
                .append(";data_seed=").append(dataSeed)
                .append(";init_seed=").append(initSeed)
                .append(";input_std=").append(Double.toString(inputStd))
                .append(";training=").append(training)
                .append(";analysis=").append(analysis);
        if (data != null) s.append(";data=").append(Arrays.hashCode(data.x())).append('/').append(Arrays.hashCode(data.y()));
        if (init != null) s.append(";init=").append(Arrays.toString(init));
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunConfig r && taskId().equals(r.taskId());
    }

    @Override
    public int hashCode() {
        return taskId().hashCode();
    }
}
