package saddlesweep.committee;

import static saddlesweep.committee.GaussianPairMoments.M00;
import static saddlesweep.committee.GaussianPairMoments.M11;
import static saddlesweep.committee.GaussianPairMoments.M13;
import static saddlesweep.committee.GaussianPairMoments.M20;
import static saddlesweep.committee.GaussianPairMoments.M22;
import static saddlesweep.committee.GaussianPairMoments.M31;
import static saddlesweep.committee.GaussianPairMoments.M40;

import org.ejml.data.DMatrixRMaj;

import saddlesweep.model.Objective;

/**
 * The population excess of a committee machine, {@code E(θ) = ½ E_x[(f(x; θ) − f*(x))²]} with x ~ N(0, s² I_d),
 * with its gradient and Hessian, from the Gram matrix of the rows alone.
 *
 * <p>Write the student's and the teacher's rows together as u_a with coefficients c_a (v_i for the student,
 * −v*_k for the teacher) and a_a = u_a · x, so that r = f − f* = Σ_a c_a g(a_a). Every pair (a_a, a_b) is a centred
 * Gaussian with covariance s² [[|u_a|², u_a·u_b], [u_a·u_b, |u_b|²]], whose moments M_pq(a, b) = E[g^(p)(a_a)
 * g^(q)(a_b)] {@link GaussianPairMoments} gives; Stein's lemma, E[h x] = s² Σ_a u_a E[∂_a h], turns every x in
 * the derivatives into moments:
 * <pre>
 * E          = ½ Σ_ab c_a c_b M00(a, b)
 * ∂E/∂v_i    = Σ_b c_b M00(i, b)
 * ∂E/∂w_i    = v_i ρ_i,  ρ_i = E[r g'(a_i) x] = s² Σ_b c_b (w_i M20(i, b) + u_b M11(i, b))
 * ∂²E/∂v_i∂v_j = M00(i, j)
 * ∂²E/∂w_i∂v_j = v_i s² (w_i M20(i, j) + w_j M11(i, j))                        + δ_ij ρ_i
 * ∂²E/∂w_i∂w_j = v_i v_j [s² I M11 + s⁴ (w_i w_iᵀ M31 + (w_i w_jᵀ + w_j w_iᵀ) M22 + w_j w_jᵀ M13)](i, j)
 *              + δ_ij v_i Σ_b c_b [s² I M20 + s⁴ (w_i w_iᵀ M40 + (w_i u_bᵀ + u_b w_iᵀ) M31 + u_b u_bᵀ M22)](i, b)
 * </pre>
 * (the first terms E[J Jᵀ], the δ terms E[r ∇²f]). θ = (W row by row, v): w_i = θ[i·d .. i·d + d), v_i = θ[H·d + i].
 */
public final class CommitteeExcess implements Objective {

    private final double[] teacherW;
    private final double[] teacherV;
    private final int dim;
    private final double var;
    private final Activation g;
    /** ½ Σ_kl v*_k v*_l M00(k, l): E at θ with v = 0. */
    private final double teacherPart;

    /**
     * @param teacherW the teacher's rows w*_k, row by row (H* · d entries)
     * @param teacherV v*_1..v*_H*
     * @param dim      the input dimension d
     * @param inputStd s: x ~ N(0, s² I_d)
     */
    public CommitteeExcess(double[] teacherW, double[] teacherV, int dim, double inputStd, Activation g) {
        if (dim < 1 || teacherW.length != teacherV.length * dim || teacherV.length == 0) {
            throw new IllegalArgumentException("teacher needs H* ≥ 1 rows of d = " + dim + " entries and H* values v*");
        }
        this.teacherW = teacherW.clone();
        this.teacherV = teacherV.clone();
        this.dim = dim;
        this.var = inputStd * inputStd;
        this.g = g;
        double e = 0;
        for (int k = 0; k < teacherV.length; k++) {
            for (int l = 0; l < teacherV.length; l++) {
                e += teacherV[k] * teacherV[l] * moments(teacherW, k, teacherW, l)[M00];
            }
        }
        this.teacherPart = 0.5 * e;
    }

    public int dim() {
        return dim;
    }

    /** Student units H of θ = (W, v): θ has H (d + 1) entries. */
    public int units(double[] theta) {
        if (theta.length % (dim + 1) != 0) {
            throw new IllegalArgumentException("θ must have H·(d + 1) entries with d = " + dim + ", got " + theta.length);
        }
        return theta.length / (dim + 1);
    }

    @Override
    public double value(double[] theta) {
        return new Pairs(theta).value();
    }

    @Override
    public double gradient(double[] theta, double[] grad) {
        Pairs p = new Pairs(theta);
        p.gradient(grad);
        return p.value();
    }

    @Override
    public DMatrixRMaj hessian(double[] theta) {
        return new Pairs(theta).hessian();
    }

    /** The moments of (u_a · x, u_b · x) for row a of {@code ra} and row b of {@code rb}. */
    private double[] moments(double[] ra, int a, double[] rb, int b) {
        return g.pairMoments(var * dot(ra, a, ra, a), var * dot(rb, b, rb, b), var * dot(ra, a, rb, b));
    }

    private double dot(double[] ra, int a, double[] rb, int b) {
        double s = 0;
        for (int k = 0; k < dim; k++) s += ra[a * dim + k] * rb[b * dim + k];
        return s;
    }

    /** The moments of every (student, row) pair at one θ; rows are the H student rows, then the H* teacher rows. */
    private final class Pairs {
        final double[] theta;
        final int h;
        final int n;
        /** m[i][b]: moments of (a_i, a_b), i a student, b any row. */
        final double[][][] m;

        Pairs(double[] theta) {
            this.theta = theta;
            this.h = units(theta);
            this.n = h + teacherV.length;
            this.m = new double[h][n][];
            for (int i = 0; i < h; i++) {
                for (int b = i; b < n; b++) {
                    m[i][b] = b < h ? moments(theta, i, theta, b) : moments(theta, i, teacherW, b - h);
                    if (b < h && b != i) m[b][i] = GaussianPairMoments.swapped(m[i][b]);
                }
            }
        }

        double c(int b) {
            return b < h ? theta[h * dim + b] : -teacherV[b - h];
        }

        /** Component k of row b. */
        double u(int b, int k) {
            return b < h ? theta[b * dim + k] : teacherW[(b - h) * dim + k];
        }

        double value() {
            double e = teacherPart;
            for (int i = 0; i < h; i++) {
                double vi = c(i);
                e += 0.5 * vi * vi * m[i][i][M00];
                for (int b = i + 1; b < n; b++) e += vi * c(b) * m[i][b][M00];
            }
            return e;
        }

        /** ρ_i = E[r g'(a_i) x] = s² Σ_b c_b (w_i M20(i, b) + u_b M11(i, b)). */
        double[] rho(int i) {
            double[] r = new double[dim];
            for (int b = 0; b < n; b++) {
                double cb = c(b);
                for (int k = 0; k < dim; k++) r[k] += var * cb * (u(i, k) * m[i][b][M20] + u(b, k) * m[i][b][M11]);
            }
            return r;
        }

        void gradient(double[] grad) {
            for (int i = 0; i < h; i++) {
                double gv = 0;
                for (int b = 0; b < n; b++) gv += c(b) * m[i][b][M00];
                grad[h * dim + i] = gv;
                double[] r = rho(i);
                for (int k = 0; k < dim; k++) grad[i * dim + k] = c(i) * r[k];
            }
        }

        DMatrixRMaj hessian() {
            int p = h * (dim + 1);
            DMatrixRMaj hess = new DMatrixRMaj(p, p);
            double var2 = var * var;
            for (int i = 0; i < h; i++) {
                double vi = c(i);
                double[] r = rho(i);
                for (int j = 0; j < h; j++) {
                    double vj = c(j);
                    double[] mij = m[i][j];
                    hess.set(h * dim + i, h * dim + j, mij[M00]);
                    for (int k = 0; k < dim; k++) {
                        // ∂²E/∂w_ik ∂v_j
                        double wv = vi * var * (u(i, k) * mij[M20] + u(j, k) * mij[M11]) + (i == j ? r[k] : 0);
                        hess.set(i * dim + k, h * dim + j, wv);
                        hess.set(h * dim + j, i * dim + k, wv);
                        for (int l = 0; l < dim; l++) {
                            double ww = (k == l ? var * mij[M11] : 0)
                                    + var2 * (u(i, k) * u(i, l) * mij[M31] + (u(i, k) * u(j, l) + u(j, k) * u(i, l)) * mij[M22]
                                    + u(j, k) * u(j, l) * mij[M13]);
                            hess.set(i * dim + k, j * dim + l, vi * vj * ww);
                        }
                    }
                }
                for (int b = 0; b < n; b++) {
                    double[] mib = m[i][b];
                    double cb = vi * c(b);
                    for (int k = 0; k < dim; k++) {
                        for (int l = 0; l < dim; l++) {
                            double rr = (k == l ? var * mib[M20] : 0)
                                    + var2 * (u(i, k) * u(i, l) * mib[M40] + (u(i, k) * u(b, l) + u(b, k) * u(i, l)) * mib[M31]
                                    + u(b, k) * u(b, l) * mib[M22]);
                            hess.add(i * dim + k, i * dim + l, cb * rr);
                        }
                    }
                }
            }
            return hess;
        }
    }
}
