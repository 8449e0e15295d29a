package saddlesweep.job;

import java.util.List;
import java.util.Map;

import saddlesweep.analysis.AnalysisSettings;
import saddlesweep.error.UserError;
import saddlesweep.train.TrainingSettings;

/**
 * The {@code training} and {@code analysis} sections of a job file: every key optional, a missing one taking
 * the settings record's default ({@link TrainingSettings#defaults()}, {@link AnalysisSettings#defaults()}).
 */
final class SettingsReader {

    private final String source;
    private final ScalarReader scalars;
    private final AxisReader axes;
    private final KeyChecker keys;

    SettingsReader(String source, ScalarReader scalars, AxisReader axes, KeyChecker keys) {
        this.source = source;
        this.scalars = scalars;
        this.axes = axes;
        this.keys = keys;
    }

    /**
     * The {@code training} section: the settings shared by every task, and the eta and init_scale axes
     * ({@code settings} holds their first values).
     */
    record TrainingSection(TrainingSettings settings, DoubleAxis eta, DoubleAxis initScale) {
    }

    TrainingSection training(YamlNode node) {
        String section = JobKeys.TRAINING;
        TrainingSettings d = TrainingSettings.defaults();
        Map<String, YamlNode> e = sectionEntries(node, section, JobKeys.TRAINING_KEYS);
        DoubleAxis etaAxis = settingAxis(e, section, "eta", Bound.above(0), d.eta());
        DoubleAxis initScaleAxis = settingAxis(e, section, "init_scale", Bound.atLeast(0), d.initScale());
        double eta = etaAxis.get(0);
        double initScale = initScaleAxis.get(0);
        long maxSteps = e.containsKey("max_steps")
                ? scalars.integer(e.get("max_steps"), section + ".max_steps", 1, Long.MAX_VALUE, "must be > 0") : d.maxSteps();
        double gradTol = e.containsKey("grad_tol") ? scalars.real(e.get("grad_tol"), section + ".grad_tol", Bound.atLeast(0)) : d.gradTol();
        int recordsPerDecade = e.containsKey("records_per_decade")
                ? (int) scalars.integer(e.get("records_per_decade"), section + ".records_per_decade", 50, 1_000_000,
                "must be in 50..1000000") : d.recordsPerDecade();
        boolean polish = e.containsKey("polish") ? scalars.bool(e.get("polish"), section + ".polish") : d.polish();
        String tail = e.containsKey("tail") ? tail(e.get("tail"), section + ".tail") : d.tail();
        long horizon = e.containsKey("horizon_steps")
                ? scalars.integer(e.get("horizon_steps"), section + ".horizon_steps", 1, Long.MAX_VALUE, "must be > 0") : d.horizonSteps();
        try {
            return new TrainingSection(new TrainingSettings(eta, initScale, maxSteps, gradTol, recordsPerDecade, polish,
                    tail, horizon), etaAxis, initScaleAxis);
        } catch (IllegalArgumentException ex) {
            throw settingsError(node, section, e, ex);
        }
    }

    AnalysisSettings analysis(YamlNode node) {
        String section = JobKeys.ANALYSIS;
        AnalysisSettings d = AnalysisSettings.defaults();
        Map<String, YamlNode> e = sectionEntries(node, section, JobKeys.ANALYSIS_KEYS);
        double dipFactor = setting(e, section, "dip_factor", Bound.above(1), d.dipFactor());
        double nearOptimalRatio = setting(e, section, "near_optimal_ratio", Bound.atLeast(1), d.nearOptimalRatio());
        double nearOptimalAbs = setting(e, section, "near_optimal_abs", Bound.atLeast(0), d.nearOptimalAbs());
        double eigenRelTol = setting(e, section, "eigen_rel_tol", Bound.OPEN_UNIT, d.eigenRelTol());
        double singularTol = setting(e, section, "singular_tol", Bound.above(0), d.singularTol());
        double refineMaxDistance = setting(e, section, "refine_max_distance", Bound.above(0), d.refineMaxDistance());
        double clusterTol = setting(e, section, "cluster_tol", Bound.above(0), d.clusterTol());
        double fnClusterTol = setting(e, section, "fn_cluster_tol", Bound.above(0), d.fnClusterTol());
        double gdFateWork = setting(e, section, "gd_fate_work", Bound.atLeast(0), d.gdFateWork());
        double gdTheta0Work = setting(e, section, "gd_theta0_work", Bound.atLeast(0), d.gdTheta0Work());
        try {
            return new AnalysisSettings(dipFactor, nearOptimalRatio, nearOptimalAbs, eigenRelTol, singularTol,
                    refineMaxDistance, clusterTol, fnClusterTol, gdFateWork, gdTheta0Work);
        } catch (IllegalArgumentException ex) {
            throw settingsError(node, section, e, ex);
        }
    }

    /** A setting that may be a grid axis (a number, a list or a geometric range); absent: the one value {@code fallback}. */
    private DoubleAxis settingAxis(Map<String, YamlNode> entries, String section, String key, Bound bound, double fallback) {
        return entries.containsKey(key) ? axes.doubleAxis(entries.get(key), section + "." + key, bound, true) : DoubleAxis.of(fallback);
    }

    private double setting(Map<String, YamlNode> entries, String section, String key, Bound bound, double fallback) {
        return entries.containsKey(key) ? scalars.real(entries.get(key), section + "." + key, bound) : fallback;
    }

    /** The entries of an optional section (absent or empty: none), after checking its keys. */
    private Map<String, YamlNode> sectionEntries(YamlNode node, String section, List<String> allowed) {
        if (node == null || node instanceof YamlNode.Scalar s && s.kind() == YamlNode.ScalarKind.NULL) return Map.of();
        if (!(node instanceof YamlNode.Mapping m)) {
            throw ErrorLine.of(source, node.line(), section, node, "must be a mapping of " + String.join(", ", allowed)
                    + ", got " + node.typeName());
        }
        keys.check(m, section, allowed);
        return m.entries();
    }

    /**
     * Turns a settings record's IllegalArgumentException ("eta must be > 0, got 0.0") into a job-file error
     * naming the key and the value as written.
     */
    private UserError settingsError(YamlNode section, String sectionName, Map<String, YamlNode> entries,
                                            IllegalArgumentException ex) {
        String msg = ex.getMessage() == null ? "invalid" : ex.getMessage();
        int space = msg.indexOf(' ');
        String key = space > 0 ? msg.substring(0, space) : "";
        if (entries.containsKey(key)) {
            String problem = msg.substring(space + 1).replaceFirst(", got .*$", "");
            YamlNode value = entries.get(key);
            return ErrorLine.of(source, value.line(), sectionName + "." + key, value, problem);
        }
        return ErrorLine.of(source, section == null ? 0 : section.line(), sectionName, msg);
    }

    /** {@code flow} or {@code gd}. */
    private String tail(YamlNode node, String path) {
        if (node instanceof YamlNode.Scalar s && (TrainingSettings.TAIL_FLOW.equals(s.text()) || TrainingSettings.TAIL_GD.equals(s.text()))) {
            return s.text();
        }
        throw ErrorLine.of(source, node.line(), path, node, "must be flow or gd");
    }
}
