package saddlesweep.analysis;

import java.io.Serializable;

/**
 * How a run's trajectory is analysed.
 *
 * @param dipFactor          a slow passage is a local minimum of ‖∇L_N‖ at least this factor below the
 *                           gradient maxima on both sides (log-step time)
 * @param nearOptimalRatio   a slow passage is {@code near_optimal} when E(dip) ≤ nearOptimalRatio·(min of E from the
 *                           passage's entry to the end) + nearOptimalAbs
 * @param nearOptimalAbs     absolute slack of that rule (useful when min E is at rounding level)
 * @param eigenRelTol        an eigenvalue λ counts as zero when |λ| ≤ eigenRelTol·max|λ|; negative beyond that
 * @param singularTol        a unit is eliminated when |w_i| or |v_i| ≤ singularTol; two units overlap when
 *                           ||w_i| − |w_j|| ≤ singularTol
 * @param refineMaxDistance  a refined critical point further than this (canonical distance) from the dip is
 *                           reported as not refined
 * @param clusterTol         attractors closer than this (canonical distance) are the same attractor
 * @param fnClusterTol       certified limit functions closer than this in population L² distance are one attractor
 * @param gdFateWork         real GD work GD's own fate may take per run, in sample·unit·steps (0: GD's fate is not
 *                           followed: runs that turn unstable get gd_fate {@code unresolved})
 * @param gdTheta0Work       plain GD from θ_0 is GD's fate's start when the flow meets the edge of stability within
 *                           this many sample·unit·steps of GD (edge step × N × H); beyond it, the flow's state just
 *                           before the edge (0: always the latter)
 */
public record AnalysisSettings(double dipFactor, double nearOptimalRatio, double nearOptimalAbs,
                               double eigenRelTol, double singularTol, double refineMaxDistance,
                               double clusterTol, double fnClusterTol, double gdFateWork, double gdTheta0Work) implements Serializable {

    // The defaults: the one source of the job parser's, train's options' and the docs' defaults (a test
    // compares them). dip_factor 3, not 10: a dip counts only when it refines to a critical point, and at 10
    // the overlap saddles of the ready jobs' runs (dips 3–7x deep) are missed (docs/analysis.md).
    public static final double DEFAULT_DIP_FACTOR = 3.0;
    public static final double DEFAULT_NEAR_OPTIMAL_RATIO = 2.0;
    public static final double DEFAULT_NEAR_OPTIMAL_ABS = 1e-14;
    public static final double DEFAULT_EIGEN_REL_TOL = 1e-7;
    public static final double DEFAULT_SINGULAR_TOL = 1e-4;
    public static final double DEFAULT_REFINE_MAX_DISTANCE = 1.0;
    public static final double DEFAULT_CLUSTER_TOL = 1e-4;
    public static final double DEFAULT_FN_CLUSTER_TOL = 1e-6;
    /** About 1.2 s of the GD kernel (1.2 ns per sample·unit·step) per run that turns unstable. */
    public static final double DEFAULT_GD_FATE_WORK = 1e9;
    /** Plain GD from θ_0 up to an edge of stability at most this far: about 2.4 s of the kernel per such run. */
    public static final double DEFAULT_GD_THETA0_WORK = 2e9;
    /**
     * drift_min_growth, retired (fates are certified from their limits): its default, which stays in the text
     * of every task id and definition hash so that they do not change.
     */
    public static final double RETIRED_DRIFT_MIN_GROWTH = 0.01;

    public AnalysisSettings {
        if (!(dipFactor > 1)) throw new IllegalArgumentException("dip_factor must be > 1, got " + dipFactor);
        if (!(nearOptimalRatio >= 1)) throw new IllegalArgumentException("near_optimal_ratio must be >= 1, got " + nearOptimalRatio);
        if (!(nearOptimalAbs >= 0)) throw new IllegalArgumentException("near_optimal_abs must be >= 0, got " + nearOptimalAbs);
        if (!(eigenRelTol > 0 && eigenRelTol < 1)) throw new IllegalArgumentException("eigen_rel_tol must be in (0,1), got " + eigenRelTol);
        if (!(singularTol > 0)) throw new IllegalArgumentException("singular_tol must be > 0, got " + singularTol);
        if (!(refineMaxDistance > 0)) throw new IllegalArgumentException("refine_max_distance must be > 0, got " + refineMaxDistance);
        if (!(clusterTol > 0)) throw new IllegalArgumentException("cluster_tol must be > 0, got " + clusterTol);
        if (!(fnClusterTol > 0)) throw new IllegalArgumentException("fn_cluster_tol must be > 0, got " + fnClusterTol);
        if (!(gdFateWork >= 0) || !Double.isFinite(gdFateWork)) throw new IllegalArgumentException("gd_fate_work must be >= 0, got " + gdFateWork);
        if (!(gdTheta0Work >= 0) || !Double.isFinite(gdTheta0Work)) throw new IllegalArgumentException("gd_theta0_work must be >= 0, got " + gdTheta0Work);
    }

    public static AnalysisSettings defaults() {
        return new AnalysisSettings(DEFAULT_DIP_FACTOR, DEFAULT_NEAR_OPTIMAL_RATIO, DEFAULT_NEAR_OPTIMAL_ABS,
                DEFAULT_EIGEN_REL_TOL, DEFAULT_SINGULAR_TOL, DEFAULT_REFINE_MAX_DISTANCE, DEFAULT_CLUSTER_TOL,
                DEFAULT_FN_CLUSTER_TOL, DEFAULT_GD_FATE_WORK, DEFAULT_GD_THETA0_WORK);
    }

    public AnalysisSettings withFnClusterTol(double tol) {
        return new AnalysisSettings(dipFactor, nearOptimalRatio, nearOptimalAbs, eigenRelTol, singularTol,
                refineMaxDistance, clusterTol, tol, gdFateWork, gdTheta0Work);
    }

    public AnalysisSettings withGdFateWork(double work) {
        return new AnalysisSettings(dipFactor, nearOptimalRatio, nearOptimalAbs, eigenRelTol, singularTol,
                refineMaxDistance, clusterTol, fnClusterTol, work, gdTheta0Work);
    }

    public AnalysisSettings withGdTheta0Work(double work) {
        return new AnalysisSettings(dipFactor, nearOptimalRatio, nearOptimalAbs, eigenRelTol, singularTol,
                refineMaxDistance, clusterTol, fnClusterTol, gdFateWork, work);
    }

    /**
     * The record's text as it was before fn_cluster_tol (it is part of every task id): fn_cluster_tol, which
     * changes no run (only the attractors table), gd_fate_work and gd_theta0_work appear only when not the default, and the retired
     * drift_min_growth at its old default ({@link #RETIRED_DRIFT_MIN_GROWTH}).
     */
    @Override
    public String toString() {
        return "AnalysisSettings[dipFactor=" + dipFactor + ", nearOptimalRatio=" + nearOptimalRatio
                + ", nearOptimalAbs=" + nearOptimalAbs + ", eigenRelTol=" + eigenRelTol + ", singularTol=" + singularTol
                + ", refineMaxDistance=" + refineMaxDistance + ", clusterTol=" + clusterTol
                + ", driftMinGrowth=" + RETIRED_DRIFT_MIN_GROWTH
                + (fnClusterTol == DEFAULT_FN_CLUSTER_TOL ? "" : ", fnClusterTol=" + fnClusterTol)
                + (gdFateWork == DEFAULT_GD_FATE_WORK ? "" : ", gdFateWork=" + gdFateWork)
                + (gdTheta0Work == DEFAULT_GD_THETA0_WORK ? "" : ", gdTheta0Work=" + gdTheta0Work) + "]";
    }
}
