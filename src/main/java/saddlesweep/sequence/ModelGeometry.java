package saddlesweep.sequence;

import java.util.List;

/**
 * What the saddle sequence needs to know of a model beyond its loss: distances modulo its symmetries, its
 * singular sets and the critical points embedded in them, and the escape law at the origin.
 */
public interface ModelGeometry {

    /** The distance between a and b modulo the symmetries (between canonical forms). */
    double distance(double[] a, double[] b);

    /** {@code elimination}, {@code overlap} or {@code none}: the singular set θ lies on within tol. */
    String singularity(double[] theta, double tol);

    /** The critical points of the singular sets next to θ (critical points of narrower networks, embedded). */
    List<double[]> embeddedNear(double[] theta);

    /** The escape law at θ = 0 for points of {@code length} parameters. */
    OriginLaw originLaw(int length);

    /**
     * At θ = 0 the Hessian couples each unit's (w_i, v_i) through m = mean(x y) only: its unstable directions grow
     * by (1 + η·rate) per GD step, rate = |m| (g'(0) = 1).
     */
    interface OriginLaw {

        /** |m|. */
        double rate();

        /** The amplitude of θ along the unstable directions. */
        double amplitude(double[] theta);
    }
}
