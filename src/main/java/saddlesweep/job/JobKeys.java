package saddlesweep.job;

import java.util.List;
import java.util.Map;

/** The vocabulary of a job file: the keys each section accepts, in the order canonical renderings use. */
final class JobKeys {

    private JobKeys() {
    }

    static final String NAME = "name";
    static final String TEACHER = "teacher";
    static final String TEACHERS = "teachers";
    static final String INPUT_STD = "input_std";
    static final String INPUT_DIM = "input_dim";
    static final String N = "n";
    static final String SIGMA2 = "sigma2";
    static final String HIDDEN = "hidden";
    static final String DATA_SEED = "data_seed";
    static final String INIT_SEED = "init_seed";
    static final String TRAINING = "training";
    static final String ANALYSIS = "analysis";
    static final String CHUNK_SIZE = "chunk_size";

    /** Top-level keys. */
    static final List<String> TOP = List.of(NAME, TEACHER, TEACHERS, INPUT_DIM, INPUT_STD, N, SIGMA2, HIDDEN, DATA_SEED, INIT_SEED,
            TRAINING, ANALYSIS, CHUNK_SIZE);

    /** Top-level keys without a default ({@code teacher} may be replaced by {@code teachers}). */
    static final List<String> REQUIRED = List.of(NAME, TEACHER, N, SIGMA2, HIDDEN, DATA_SEED, INIT_SEED);

    static final List<String> TEACHER_KEYS = List.of("name", "w", "v");

    /** Keys of an integer range {@code {from, count, step}}. */
    static final List<String> RANGE_KEYS = List.of("from", "count", "step");

    /** Keys of a geometric range {@code {from, factor, count}} of a real axis. */
    static final List<String> GEOMETRIC_KEYS = List.of("from", "factor", "count");

    /** Most values a geometric range may have. */
    static final int MAX_GEOMETRIC_COUNT = 100_000;

    /** Keys of {@code training}, in the order of {@code TrainingSettings}' components. */
    static final List<String> TRAINING_KEYS = List.of("eta", "init_scale", "max_steps", "grad_tol",
            "records_per_decade", "polish", "tail", "horizon_steps");

    /** Keys of {@code analysis}, in the order of {@code AnalysisSettings}' components. */
    static final List<String> ANALYSIS_KEYS = List.of("dip_factor", "near_optimal_ratio", "near_optimal_abs",
            "eigen_rel_tol", "singular_tol", "refine_max_distance", "cluster_tol", "fn_cluster_tol", "gd_fate_work",
            "gd_theta0_work");

    /**
     * Retired keys, by section, with why: still accepted (a one-line warning, not an error) and ignored. The
     * task ids and definition hash carry their old defaults, so a job keeps its ids with or without them.
     */
    static final Map<String, Map<String, String>> RETIRED = Map.of(ANALYSIS, Map.of("drift_min_growth",
            "no longer used (a run's fate is certified from its limit, see docs/analysis.md); ignored, "
                    + "the task ids are those of the job without it: remove the key"));

    /** Sections with their keys, for "`eta` belongs under `training`" hints. */
    static final Map<String, List<String>> SECTIONS = Map.of(TEACHER, TEACHER_KEYS, TRAINING, TRAINING_KEYS,
            ANALYSIS, ANALYSIS_KEYS);
}
