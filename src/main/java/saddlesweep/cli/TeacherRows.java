package saddlesweep.cli;

import java.util.ArrayList;
import java.util.List;

import saddlesweep.error.UserError;

/**
 * The teacher's input weights as {@code --teacher-w} gives them: one value per unit ({@code 1.2,0.5}: two units of
 * a scalar input), or rows of d values separated by {@code ;} ({@code 1.2,0,0.3;-0.2,0.9,0}: two units in d = 3;
 * {@code 1,0,0;} one unit in d = 3).
 *
 * @param flat the rows one after another (units · dim values)
 */
record TeacherRows(int units, int dim, double[] flat) {

    static TeacherRows parse(String text) {
        String t = text.trim();
        if (!t.contains(";")) {
            double[] w = values(t);
            return new TeacherRows(w.length, 1, w);
        }
        List<double[]> rows = new ArrayList<>();
        for (String row : t.split(";", -1)) {
            if (!row.isBlank()) rows.add(values(row));
        }
        if (rows.isEmpty()) throw new UserError("--teacher-w '" + text + "': no rows");
        int d = rows.get(0).length;
        double[] flat = new double[rows.size() * d];
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).length != d) {
                throw new UserError("--teacher-w '" + text + "': row " + (i + 1) + " has " + rows.get(i).length
                        + " values but row 1 has " + d);
            }
            System.arraycopy(rows.get(i), 0, flat, i * d, d);
        }
        return new TeacherRows(rows.size(), d, flat);
    }

    private static double[] values(String csv) {
        String[] cells = csv.split(",", -1);
        double[] out = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i].trim();
            try {
                out[i] = Double.parseDouble(c);
            } catch (NumberFormatException e) {
                throw new UserError("--teacher-w: '" + c + "' is not a number");
            }
            if (!Double.isFinite(out[i])) throw new UserError("--teacher-w = " + c + ": values must be finite");
        }
        return out;
    }
}
