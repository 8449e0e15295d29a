package saddlesweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import javax.imageio.ImageIO;

/** Checks on the report's PNG files: they decode, are 1200×800 and are not blank. */
final class Pngs {

    private Pngs() {
    }

    /** Asserts {@code file} is a 1200×800 PNG with real content (luminance variance and several colours). */
    static void assertFigure(Path file) {
        assertTrue(Files.isRegularFile(file), file + " missing");
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertNotNull(img, file + " does not decode as an image");
        assertEquals(1200, img.getWidth(), file + " width");
        assertEquals(800, img.getHeight(), file + " height");
        double sum = 0;
        double sum2 = 0;
        long count = 0;
        long nonWhite = 0;
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                double lum = 0.299 * (rgb >> 16 & 0xff) + 0.587 * (rgb >> 8 & 0xff) + 0.114 * (rgb & 0xff);
                sum += lum;
                sum2 += lum * lum;
                count++;
                if (rgb != 0xffffff) nonWhite++;
            }
        }
        double variance = sum2 / count - (sum / count) * (sum / count);
        assertTrue(variance > 100, file + " looks blank: luminance variance " + variance);
        assertTrue(colours.size() >= 20, file + " has only " + colours.size() + " colours");
        assertTrue(nonWhite > count / 50, file + " is almost all white");
    }
}
