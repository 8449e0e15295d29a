package saddlesweep.model;

/** Small dense-vector helpers on double[] (lengths are 2H, a handful of entries). */
public final class Vectors {

    private Vectors() {
    }

    /** ‖a‖₂. */
    public static double norm(double[] a) {
        double s = 0;
        for (double v : a) s += v * v;
        return Math.sqrt(s);
    }

    /** ‖a − b‖₂. */
    public static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /** a + α b, a new array. */
    public static double[] addScaled(double[] a, double alpha, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) r[i] = a[i] + alpha * b[i];
        return r;
    }

    /** aᵀb. */
    public static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    public static boolean allFinite(double[] a) {
        for (double v : a) if (!Double.isFinite(v)) return false;
        return true;
    }
}
