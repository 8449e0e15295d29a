package saddlesweep.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import saddlesweep.committee.CommitteeData;
import saddlesweep.error.UserError;
import saddlesweep.model.DataSet;

/**
 * Reads a data set from a CSV file with a header naming columns {@code x} and {@code y}, or {@code x1, …, xd}
 * and {@code y} (any order, other columns ignored). Every value must be a finite number and there must be at least 2 rows; anything else is
 * a {@link UserError} naming the file, line and value.
 */
public final class CsvDataReader {

    private CsvDataReader() {
    }

    /** The data {@link #readColumns} read from {@code file}, as a data set of one input {@code x}. */
    static DataSet scalar(Path file, CommitteeData d) {
        if (d.dim() != 1) throw new UserError(file + ": expected columns x,y, got " + d.dim() + " input columns x1..x" + d.dim());
        return new DataSet(d.x(), d.y());
    }

    /**
     * A data set with inputs in R^d: columns {@code x1, …, xd} (d from the header) and {@code y}, or {@code x} and
     * {@code y} (d = 1); any order, other columns ignored.
     */
    public static CommitteeData readColumns(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read data file (" + e.getClass().getSimpleName() + ")");
        }
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) first++;
        if (first == lines.size()) throw new UserError(file + ": empty data file, expected a header x,y or x1,…,xd,y");
        String[] header = split(lines.get(first));
        int iy = -1;
        int ix = -1;
        java.util.Map<Integer, Integer> numbered = new java.util.TreeMap<>();   // k → column of xk
        for (int i = 0; i < header.length; i++) {
            String h = header[i].trim().toLowerCase();
            if (h.equals("y")) iy = i;
            if (h.equals("x")) ix = i;
            if (h.matches("x[1-9][0-9]*")) numbered.put(Integer.parseInt(h.substring(1)), i);
        }
        int dim = ix >= 0 ? 1 : numbered.size();
        boolean consecutive = numbered.isEmpty() || numbered.keySet().equals(range(numbered.size()));
        if (iy < 0 || dim == 0 || (ix >= 0 && !numbered.isEmpty()) || !consecutive) {
            throw new UserError(file + ":" + (first + 1) + ": header must name columns x and y, or x1,…,xd and y, got '"
                    + lines.get(first).trim() + "'");
        }
        int[] xs = new int[dim];
        if (ix >= 0) {
            xs[0] = ix;
        } else {
            for (int k = 0; k < dim; k++) xs[k] = numbered.get(k + 1);
        }
        String[] names = new String[dim];
        for (int k = 0; k < dim; k++) names[k] = ix >= 0 ? "x" : "x" + (k + 1);
        int needed = iy;
        for (int c : xs) needed = Math.max(needed, c);
        List<double[]> rows = new ArrayList<>();
        for (int ln = first + 1; ln < lines.size(); ln++) {
            String line = lines.get(ln);
            if (line.isBlank()) continue;
            String[] cells = split(line);
            if (cells.length <= needed) {
                throw new UserError(file + ":" + (ln + 1) + ": expected " + header.length + " columns, got " + cells.length);
            }
            double[] row = new double[dim + 1];
            for (int k = 0; k < dim; k++) row[k] = number(file, ln, names[k], cells[xs[k]]);
            row[dim] = number(file, ln, "y", cells[iy]);
            rows.add(row);
        }
        if (rows.size() < 2) throw new UserError(file + ": need at least 2 data rows, got " + rows.size());
        double[] x = new double[rows.size() * dim];
        double[] y = new double[rows.size()];
        for (int i = 0; i < y.length; i++) {
            System.arraycopy(rows.get(i), 0, x, i * dim, dim);
            y[i] = rows.get(i)[dim];
        }
        return new CommitteeData(dim, x, y);
    }

    private static java.util.Set<Integer> range(int d) {
        java.util.Set<Integer> s = new java.util.TreeSet<>();
        for (int k = 1; k <= d; k++) s.add(k);
        return s;
    }

    private static String[] split(String line) {
        return line.split(",", -1);
    }

    private static double number(Path file, int ln, String column, String cell) {
        String s = cell.trim();
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new UserError(file + ":" + (ln + 1) + ": " + column + " = '" + s + "' is not a number");
        }
        if (!Double.isFinite(v)) throw new UserError(file + ":" + (ln + 1) + ": " + column + " = " + s + " is not finite");
        return v;
    }
}
