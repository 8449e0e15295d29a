package saddlesweep.model;

/**
 * The Fukumizu–Amari singular sets: <b>elimination</b> (a unit does nothing: v_i = 0 or w_i = 0) and
 * <b>overlap</b> (two units act as one: |w_i| = |w_j|). A point is labelled by the first that holds within
 * a tolerance, elimination before overlap, else {@code none}.
 */
public enum Singularity {
    ELIMINATION("elimination"), OVERLAP("overlap"), NONE("none");

    private final String label;

    Singularity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The singular set θ lies on, within tol. */
    public static Singularity of(double[] theta, double tol) {
        int h = Mlp.units(theta);
        for (int i = 0; i < h; i++) {
            if (Math.abs(theta[i]) <= tol || Math.abs(theta[h + i]) <= tol) return ELIMINATION;
        }
        for (int i = 0; i < h; i++) {
            for (int j = i + 1; j < h; j++) {
                if (Math.abs(Math.abs(theta[i]) - Math.abs(theta[j])) <= tol) return OVERLAP;
            }
        }
        return NONE;
    }
}
