package saddlesweep.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes {@code index.html}: the key numbers, then each figure under its section with its caption, or why it is left out. */
final class IndexPage {

    static final String FILE = "index.html";

    private static final String STYLE = """
            body { font-family: 'DejaVu Sans', Helvetica, Arial, sans-serif; max-width: 1240px; margin: 2em auto; color: #222; line-height: 1.45; }
            h1 { font-size: 1.7em; } h2 { margin-top: 1.8em; border-bottom: 1px solid #ccc; } h3 { margin-bottom: 0.3em; }
            table { border-collapse: collapse; margin: 0.4em 0 1em; } td, th { border: 1px solid #ccc; padding: 3px 10px; text-align: right; }
            th { background: #f3f3f3; } tr.total td { font-weight: bold; } .share { color: #777; font-size: 0.9em; }
            figure { margin: 1em 0 2em; } figure img { width: 100%; max-width: 1200px; border: 1px solid #ddd; }
            figcaption { margin-top: 0.4em; } p.left-out { color: #8a5a00; background: #fff7e6; padding: 0.4em 0.8em; border-left: 4px solid #f0b040; }
            """;

    private IndexPage() {
    }

    static void write(Path dir, ReportSource source, String keyNumbers, List<FigureResult> figures) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>saddlesweep report: ")
                .append(Numbers.html(source.sweep())).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        sb.append("<h1>saddlesweep report: sweep <code>").append(Numbers.html(source.sweep())).append("</code></h1>\n");
        sb.append("<p>Results root <code>").append(Numbers.html(source.location())).append("</code>. Figures: ")
                .append(FigureResult.files(figures).size()).append(" drawn, ")
                .append(figures.stream().filter(f -> !f.isDrawn()).count()).append(" left out (reasons below).</p>\n");
        sb.append("<h2>Key numbers</h2>\n").append(keyNumbers);
        String section = null;
        for (FigureResult f : figures) {
            if (!f.section().equals(section)) {
                section = f.section();
                sb.append("<h2>").append(Numbers.html(section)).append("</h2>\n");
            }
            if (f.isDrawn()) {
                sb.append("<figure>\n<img src=\"").append(Numbers.html(f.file())).append("\" width=\"1200\" height=\"800\" alt=\"")
                        .append(Numbers.html(f.title())).append("\">\n<figcaption><b>").append(Numbers.html(f.title()))
                        .append(".</b> ").append(f.caption()).append("</figcaption>\n</figure>\n");
            } else {
                sb.append("<p class=\"left-out\">Left out: <b>").append(Numbers.html(f.title())).append("</b>: ")
                        .append(Numbers.html(f.reason())).append(".</p>\n");
            }
        }
        sb.append("</body>\n</html>\n");
        try {
            Files.writeString(dir.resolve(FILE), sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(FILE), e);
        }
    }
}
