package saddlesweep.run;

import saddlesweep.model.NormalStream;

/** The random initial point θ_0 ~ N(0, initScale²) of a run: 2H normals from the init stream, w first, then v. */
public final class InitialPoint {

    private InitialPoint() {
    }

    public static double[] draw(int hidden, double initScale, long initSeed) {
        NormalStream rng = new NormalStream(initSeed, NormalStream.INIT);
        double[] theta = new double[2 * hidden];
        for (int i = 0; i < theta.length; i++) theta[i] = initScale * rng.nextNormal();
        return theta;
    }
}
