package saddlesweep.report;

import java.util.List;

/**
 * One figure of the report: either drawn into {@code file} (a PNG name inside the output directory) with a
 * caption, or left out with the reason. Captions are HTML fragments.
 *
 * @param section  the heading the figure belongs under (e.g. "1. Dynamics of one run")
 * @param title    what the figure shows
 * @param file     PNG file name, or null when left out
 * @param caption  HTML caption (with key numbers), or null when left out
 * @param reason   why the figure was left out, or null when drawn
 */
public record FigureResult(String section, String title, String file, String caption, String reason) {

    public static FigureResult drawn(String section, String title, String file, String caption) {
        return new FigureResult(section, title, file, caption, null);
    }

    public static FigureResult leftOut(String section, String title, String reason) {
        return new FigureResult(section, title, null, null, reason);
    }

    public boolean isDrawn() {
        return file != null;
    }

    /** The files of the drawn figures among {@code results}. */
    public static List<String> files(List<FigureResult> results) {
        return results.stream().filter(FigureResult::isDrawn).map(FigureResult::file).toList();
    }
}
