package saddlesweep.committee;

import java.util.List;

import saddlesweep.sequence.ModelGeometry;

/**
 * The committee machine's geometry for the saddle sequence: {@link CommitteeSymmetry}, {@link CommitteeEmbedding},
 * and the origin's escape law with m = mean(y x) ∈ R^d: per unit the Hessian block at 0 on (w_i, v_i) is
 * [[0, −g'(0) m], [−g'(0) mᵀ, 0]], whose unstable eigenvector is (m̂, 1)/√2 with eigenvalue −g'(0)|m|.
 */
public final class CommitteeGeometry implements ModelGeometry {

    private final CommitteeLoss loss;
    private final CommitteeEmbedding embedding;
    private final int dim;

    public CommitteeGeometry(CommitteeLoss loss, CommitteeEmbedding embedding) {
        this.loss = loss;
        this.embedding = embedding;
        this.dim = loss.data().dim();
    }

    @Override
    public double distance(double[] a, double[] b) {
        return CommitteeSymmetry.distance(a, b, dim);
    }

    @Override
    public String singularity(double[] theta, double tol) {
        return CommitteeSymmetry.singularity(theta, dim, tol);
    }

    @Override
    public List<double[]> embeddedNear(double[] theta) {
        return embedding.near(theta);
    }

    /**
     * Rate g'(0)·|m| (the block is [[0, −g'(0) m], [−g'(0) mᵀ, 0]]: 1 for tanh, √(2/π) for erf);
     * A(θ) = ‖((w_i · m̂ + v_i)/√2)_i‖ (m̂ = m/|m|; any unit vector when m = 0).
     */
    @Override
    public OriginLaw originLaw(int length) {
        double[] m = loss.data().meanYx();
        double norm = saddlesweep.model.Vectors.norm(m);
        double[] slope = new double[4];
        loss.activation().lossTerms(0.0, slope);
        double rate = slope[1] * norm;
        double[] unit = new double[dim];
        for (int k = 0; k < dim; k++) unit[k] = norm > 0 ? m[k] / norm : (k == 0 ? 1 : 0);
        return new OriginLaw() {
            @Override
            public double rate() {
                return rate;
            }

            @Override
            public double amplitude(double[] theta) {
                int h = CommitteeNetwork.units(theta, dim);
                double a = 0;
                for (int i = 0; i < h; i++) {
                    double c = theta[h * dim + i];
                    for (int k = 0; k < dim; k++) c += theta[i * dim + k] * unit[k];
                    c /= Math.sqrt(2);
                    a += c * c;
                }
                return Math.sqrt(a);
            }
        };
    }
}
