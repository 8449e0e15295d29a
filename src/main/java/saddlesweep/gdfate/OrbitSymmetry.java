package saddlesweep.gdfate;

import saddlesweep.model.Symmetry;

/**
 * A model's canonical forms, modulo the permutations and sign flips of its units: of a point, and of an orbit of the
 * GD map (one symmetry for all its points, the lexicographically first phase), so that plain GD's iterates can be
 * compared with a reported (canonical) orbit.
 */
public interface OrbitSymmetry {

    double[] canonical(double[] theta);

    double[][] canonicalOrbit(double[][] points);

    /** A scalar-input network's ({@link Symmetry}). */
    OrbitSymmetry SCALAR = new OrbitSymmetry() {
        @Override
        public double[] canonical(double[] theta) {
            return Symmetry.canonical(theta);
        }

        @Override
        public double[][] canonicalOrbit(double[][] points) {
            return Symmetry.canonicalOrbit(points);
        }
    };
}
