package saddlesweep.job;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import saddlesweep.committee.CommitteeSymmetry;
import saddlesweep.model.Symmetry;
import saddlesweep.model.Teacher;

/** The teachers of a job file: one {@code teacher} or a list {@code teachers} (an axis), distinct in name and function. */
final class TeacherReader {

    private final String source;
    private final ScalarReader scalars;
    private final AxisReader axes;
    private final KeyChecker keys;

    TeacherReader(String source, ScalarReader scalars, AxisReader axes, KeyChecker keys) {
        this.source = source;
        this.scalars = scalars;
        this.axes = axes;
        this.keys = keys;
    }

    /**
     * The teacher axis: {@code teacher: {w, v}} (named {@value Teacher#DEFAULT_NAME} unless it has a
     * {@code name}) or {@code teachers: [{name, w, v}, ...]} with distinct names and distinct functions.
     */
    List<Teacher> read(YamlNode.Mapping top) {
        YamlNode single = top.entries().get(JobKeys.TEACHER);
        YamlNode list = top.entries().get(JobKeys.TEACHERS);
        if (single != null && list != null) {
            throw ErrorLine.of(source, top.keyLines().get(JobKeys.TEACHERS), JobKeys.TEACHERS,
                    "cannot be given together with `teacher`; write one teacher as `teacher:` or all of them under `teachers:`");
        }
        if (single != null) return List.of(teacher(single, JobKeys.TEACHER, false));
        if (!(list instanceof YamlNode.Sequence seq)) {
            throw ErrorLine.of(source, list.line(), JobKeys.TEACHERS, list,
                    "must be a list of teachers [{name: A, w: [...], v: [...]}, ...], got " + list.typeName());
        }
        if (seq.items().isEmpty()) {
            throw ErrorLine.of(source, list.line(), JobKeys.TEACHERS, list, "empty; give at least one teacher {name, w, v}");
        }
        List<Teacher> out = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
            YamlNode item = seq.items().get(i);
            String path = JobKeys.TEACHERS + "[" + i + "]";
            Teacher t = teacher(item, path, true);
            for (int j = 0; j < i; j++) {
                Teacher other = out.get(j);
                String otherPath = JobKeys.TEACHERS + "[" + j + "]";
                if (other.name().equals(t.name())) {
                    YamlNode nameNode = ((YamlNode.Mapping) item).entries().get("name");
                    throw ErrorLine.of(source, nameNode.line(), path + ".name", nameNode, "duplicate of " + otherPath + ".name");
                }
                if (sameFunction(other, t)) {
                    throw ErrorLine.of(source, item.line(), path, item, "the same teacher function as " + otherPath
                            + " (\"" + other.name() + "\")" + (Arrays.equals(other.theta(), t.theta()) ? ""
                            : " up to the order and signs of its units") + "; give each teacher once");
                }
            }
            out.add(t);
        }
        return out;
    }

    /** Whether two teachers are one function: equal modulo unit permutations and sign flips. */
    private static boolean sameFunction(Teacher a, Teacher b) {
        if (a.dim() != b.dim() || a.units() != b.units()) return false;
        return a.dim() == 1 ? Arrays.equals(Symmetry.canonical(a.theta()), Symmetry.canonical(b.theta()))
                : Arrays.equals(CommitteeSymmetry.canonical(a.theta(), a.dim()), CommitteeSymmetry.canonical(b.theta(), b.dim()));
    }

    /** One teacher {@code {name, w, v}} at {@code path}; {@code name} is required in a list, optional for {@code teacher:}. */
    private Teacher teacher(YamlNode node, String path, boolean nameRequired) {
        if (!(node instanceof YamlNode.Mapping m)) {
            throw ErrorLine.of(source, node.line(), path, node, "must be a mapping with keys " + (nameRequired ? "name, " : "")
                    + "w and v, got " + node.typeName());
        }
        keys.check(m, path, JobKeys.TEACHER_KEYS);
        for (String key : JobKeys.TEACHER_KEYS) {
            if (key.equals("name") && !nameRequired) continue;
            if (!m.entries().containsKey(key)) {
                throw ErrorLine.of(source, m.line(), path + "." + key, nameRequired
                        ? "missing; each teacher of the list needs a name, w and v (lists of equal length)"
                        : "missing; the teacher needs w and v (lists of equal length)");
            }
        }
        String name = m.entries().containsKey("name") ? scalars.name(m.entries().get("name"), path + ".name", "wide")
                : Teacher.DEFAULT_NAME;
        YamlNode wNode = m.entries().get("w");
        YamlNode vNode = m.entries().get("v");
        double[] v = numbers(vNode, path + ".v");
        if (wNode instanceof YamlNode.Sequence rows && !rows.items().isEmpty() && rows.items().get(0) instanceof YamlNode.Sequence) {
            return committeeTeacher(name, rows, vNode, v, path);
        }
        double[] w = numbers(wNode, path + ".w");
        if (w.length != v.length) {
            throw ErrorLine.of(source, vNode.line(), path + ".v", vNode, "has " + v.length + (v.length == 1 ? " value" : " values")
                    + " but " + path + ".w has " + w.length + "; they must have the same length");
        }
        return new Teacher(name, w, v);
    }

    /**
     * A committee machine's teacher: {@code w} a list of rows of d numbers each ({@code [[1, 0, 0], [0, 1, 0]]}), one
     * row per value of {@code v}.
     */
    private Teacher committeeTeacher(String name, YamlNode.Sequence rows, YamlNode vNode, double[] v, String path) {
        int units = rows.items().size();
        int dim = -1;
        double[] w = null;
        for (int j = 0; j < units; j++) {
            YamlNode row = rows.items().get(j);
            String rowPath = path + ".w[" + j + "]";
            if (!(row instanceof YamlNode.Sequence)) {
                throw ErrorLine.of(source, row.line(), rowPath, row, "must be a row [w_1, …, w_d] like " + path + ".w[0], got "
                        + row.typeName());
            }
            double[] r = numbers(row, rowPath);
            if (dim < 0) {
                dim = r.length;
                w = new double[units * dim];
            } else if (r.length != dim) {
                throw ErrorLine.of(source, row.line(), rowPath, row, "has " + r.length + " values but " + path + ".w[0] has " + dim
                        + "; every row has the input dimension d");
            }
            System.arraycopy(r, 0, w, j * dim, dim);
        }
        if (v.length != units) {
            throw ErrorLine.of(source, vNode.line(), path + ".v", vNode, "has " + v.length + (v.length == 1 ? " value" : " values")
                    + " but " + path + ".w has " + units + (units == 1 ? " row" : " rows") + "; one v per row");
        }
        return new Teacher(name, w, v, dim);
    }

    /** A non-empty list of finite numbers (a single number counts as a list of one). */
    private double[] numbers(YamlNode node, String path) {
        List<YamlNode> items = axes.items(node, path);
        if (items.isEmpty()) throw ErrorLine.of(source, node.line(), path, node, "must have at least one value");
        double[] out = new double[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = scalars.real(items.get(i), path + "[" + i + "]", Bound.ANY);
        }
        return out;
    }
}
