package saddlesweep.spark;

/**
 * The marker {@code _sweeps/S/attractors.done}: the name of the current attractors file on its first line and,
 * since content hashes exist, {@code sha256 HEX} of that file on the second (null when absent: a marker
 * written before).
 */
public record AttractorsMarker(String file, String sha256) {

    private static final String SHA256 = "sha256 ";

    public String toText() {
        return file + "\n" + (sha256 == null ? "" : SHA256 + sha256 + "\n");
    }

    /** The marker in {@code text}, or null when the text is null (no marker). */
    public static AttractorsMarker parse(String text) {
        if (text == null) return null;
        String[] lines = text.strip().split("\n");
        String hash = null;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].startsWith(SHA256)) hash = lines[i].substring(SHA256.length()).strip();
        }
        return new AttractorsMarker(lines[0].strip(), hash);
    }
}
