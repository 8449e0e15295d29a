package saddlesweep.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import saddlesweep.error.UserError;
import saddlesweep.model.DataSet;

/**
 * Reads a data set from a CSV file with a header naming columns {@code x} and {@code y} (any order, other
 * columns ignored). Every value must be a finite number and there must be at least 2 rows; anything else is
 * a {@link UserError} naming the file, line and value.
 */
public final class CsvDataReader {

    private CsvDataReader() {
    }

    public static DataSet read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read data file (" + e.getClass().getSimpleName() + ")");
        }
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) first++;
        if (first == lines.size()) throw new UserError(file + ": empty data file, expected a header x,y");
        String[] header = split(lines.get(first));
        int ix = -1;
        int iy = -1;
        for (int i = 0; i < header.length; i++) {
            String h = header[i].trim().toLowerCase();
            if (h.equals("x")) ix = i;
            if (h.equals("y")) iy = i;
        }
        if (ix < 0 || iy < 0) {
            throw new UserError(file + ":" + (first + 1) + ": header must name columns x and y, got '" + lines.get(first).trim() + "'");
        }
        List<double[]> rows = new ArrayList<>();
        for (int ln = first + 1; ln < lines.size(); ln++) {
            String line = lines.get(ln);
            if (line.isBlank()) continue;
            String[] cells = split(line);
            if (cells.length <= Math.max(ix, iy)) {
                throw new UserError(file + ":" + (ln + 1) + ": expected " + header.length + " columns, got " + cells.length);
            }
            rows.add(new double[] {number(file, ln, "x", cells[ix]), number(file, ln, "y", cells[iy])});
        }
        if (rows.size() < 2) throw new UserError(file + ": need at least 2 data rows, got " + rows.size());
        double[] x = new double[rows.size()];
        double[] y = new double[rows.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = rows.get(i)[0];
            y[i] = rows.get(i)[1];
        }
        return new DataSet(x, y);
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
