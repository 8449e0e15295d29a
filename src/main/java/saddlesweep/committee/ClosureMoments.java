package saddlesweep.committee;

import static saddlesweep.committee.GaussianPairMoments.M00;
import static saddlesweep.committee.GaussianPairMoments.M02;
import static saddlesweep.committee.GaussianPairMoments.M11;
import static saddlesweep.committee.GaussianPairMoments.M13;
import static saddlesweep.committee.GaussianPairMoments.M22;
import static saddlesweep.committee.GaussianPairMoments.M31;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.special.Erf;


/**
 * Population moments of closure functions in d inputs, x ~ N(0, s² I_d): the mean square E_x[h(x)²] of a sum of
 * atoms h = Σ_a c_a φ_a, each atom a function of one or two projections of x:
 * <pre>
 * G(w)     = g(w·x)            (an ordinary unit, a teacher unit, a deriv term's a-part)
 * S(u)     = sign(u·x)         (a saturating unit)
 * L(c)     = c·x               (units turning linear)
 * D(δ, w)  = (δ·x) g'(w·x)     (a deriv term's δ-part)
 * </pre>
 * Every pair moment E[φ_a φ_b] reduces, by Stein's lemma E[(δ·x) h(x)] = s² E[δ·∇h(x)] (with ∇ sign(u·x) =
 * 2 u δ_Dirac(u·x)), to moments of a centred Gaussian pair: {@link GaussianPairMoments} M_pq = E[g^(p)(a) g^(q)(b)],
 * the one-dimensional E[g'(a)] and E[g'''(a)], arcsin's law E[sign(a) sign(b)] = (2/π) arcsin(ρ), and
 * T_k = E[g^(k)(a) sign(b)] by quadrature ({@link #signMoment}). With K(p, q) = s² p·q:
 * <pre>
 * G(w)·L(c)        = K(c, w) E[g'(a)]
 * G(w)·D(δ', w')   = K(δ', w) M11 + K(δ', w') M02                          (a = w·x, b = w'·x)
 * S(u)·L(c)        = K(c, u) √(2/(π K(u, u)))
 * S(u)·D(δ, w)     = K(δ, u) √(2/(π B)) E[g'(a) | b = 0] + K(δ, w) T_2      (a = w·x, b = u·x)
 * L(c)·L(c')       = K(c, c')
 * L(c)·D(δ, w)     = K(c, δ) E[g'(a)] + K(c, w) K(δ, w) E[g'''(a)]
 * D(δ, w)·D(δ', w') = K(δ, δ') M11 + K(δ, w)[K(δ', w) M31 + K(δ', w') M22] + K(δ, w')[K(δ', w) M22 + K(δ', w') M13]
 * </pre>
 */
public final class ClosureMoments {

    private static final double TWO_PHI0 = 2.0 / Math.sqrt(2 * Math.PI);

    /** The kinds of atom. */
    enum Kind { G, S, L, D }

    /** One atom c·φ(x): for G and S the direction w (u), for L the vector c (coef 1), for D δ and w. */
    record Atom(Kind kind, double coef, double[] w, double[] delta) {
    }

    private final double var;
    private final Activation g;
    private final List<Atom> atoms = new ArrayList<>();

    /** An empty sum for inputs of standard deviation s (x ~ N(0, s² I_d)). */
    public ClosureMoments(double inputStd, Activation g) {
        this.var = inputStd * inputStd;
        this.g = g;
    }

    /** Adds sign · (the committee machine θ = (W row by row, v)). */
    public ClosureMoments addNetwork(double[] theta, int d, double sign) {
        int h = CommitteeNetwork.units(theta, d);
        for (int i = 0; i < h; i++) {
            atoms.add(new Atom(Kind.G, sign * theta[h * d + i], java.util.Arrays.copyOfRange(theta, i * d, i * d + d), null));
        }
        return this;
    }

    /** Adds sign · (the closure function with its parameters). */
    public ClosureMoments addClosure(CommitteeClosure f, double sign) {
        int d = f.dim();
        double[] p = f.params();
        int o = 0;
        for (int t = 0; t < f.terms().length; t++) {
            switch (f.terms()[t]) {
                case TANH -> atoms.add(new Atom(Kind.G, sign * p[o + d], java.util.Arrays.copyOfRange(p, o, o + d), null));
                case SIGN -> atoms.add(new Atom(Kind.S, sign * p[o], f.directions()[t].clone(), null));
                case LINEAR -> atoms.add(new Atom(Kind.L, sign, java.util.Arrays.copyOfRange(p, o, o + d), null));
                case DERIV -> {
                    double[] w = java.util.Arrays.copyOfRange(p, o, o + d);
                    atoms.add(new Atom(Kind.G, sign * p[o + d], w, null));
                    atoms.add(new Atom(Kind.D, sign, w, java.util.Arrays.copyOfRange(p, o + d + 1, o + 2 * d + 1)));
                }
            }
            o += f.size(t);
        }
        return this;
    }

    /** E_x[h(x)²] of the sum. */
    public double meanSquare() {
        double s = 0;
        for (int a = 0; a < atoms.size(); a++) {
            Atom x = atoms.get(a);
            if (x.coef() == 0) continue;
            s += x.coef() * x.coef() * pair(x, x);
            for (int b = a + 1; b < atoms.size(); b++) {
                Atom y = atoms.get(b);
                if (y.coef() != 0) s += 2 * x.coef() * y.coef() * pair(x, y);
            }
        }
        return Math.max(s, 0.0);
    }

    /** E = ½ E_x[(f − f*)²] of a closure function against the teacher. */
    public static double excess(CommitteeClosure f, double[] teacherW, double[] teacherV, double inputStd, Activation g) {
        return excess(f, CommitteeNetwork.pack(teacherW, teacherV, f.dim()), inputStd, g);
    }

    /** The same, with the teacher θ* = (W* row by row, v*). */
    public static double excess(CommitteeClosure f, double[] teacher, double inputStd, Activation g) {
        return 0.5 * new ClosureMoments(inputStd, g).addClosure(f, 1).addNetwork(teacher, f.dim(), -1).meanSquare();
    }

    /** The population L² distance √(E_x[(f_θ − f)²]) from the committee machine θ to the closure function f. */
    public static double distance(double[] theta, CommitteeClosure f, double inputStd, Activation g) {
        return Math.sqrt(new ClosureMoments(inputStd, g).addNetwork(theta, f.dim(), 1).addClosure(f, -1).meanSquare());
    }

    /** The population L² distance √(E_x[(f − f')²]) between two closure functions. */
    public static double distance(CommitteeClosure f, CommitteeClosure other, double inputStd, Activation g) {
        return Math.sqrt(new ClosureMoments(inputStd, g).addClosure(f, 1).addClosure(other, -1).meanSquare());
    }

    private double k(double[] p, double[] q) {
        double s = 0;
        for (int i = 0; i < p.length; i++) s += p[i] * q[i];
        return var * s;
    }

    /** E[φ_x φ_y] of two atoms without their coefficients. */
    private double pair(Atom x, Atom y) {
        if (x.kind().ordinal() > y.kind().ordinal()) return pair(y, x);
        return switch (x.kind()) {
            case G -> switch (y.kind()) {
                case G -> moments(x.w(), y.w())[M00];
                case S -> signMoment(k(x.w(), x.w()), k(y.w(), y.w()), k(x.w(), y.w()), 0);
                case L -> k(y.w(), x.w()) * firstDerivativeMean(k(x.w(), x.w()), 1);
                case D -> {
                    double[] m = moments(x.w(), y.w());
                    yield k(y.delta(), x.w()) * m[M11] + k(y.delta(), y.w()) * m[M02];
                }
            };
            case S -> switch (y.kind()) {
                case S -> {
                    double a = k(x.w(), x.w());
                    double b = k(y.w(), y.w());
                    yield a == 0 || b == 0 ? 0 : 2 / Math.PI * Math.asin(Math.max(-1, Math.min(1, k(x.w(), y.w()) / Math.sqrt(a * b))));
                }
                case L -> {
                    double b = k(x.w(), x.w());
                    yield b == 0 ? 0 : k(y.w(), x.w()) * Math.sqrt(2 / (Math.PI * b));
                }
                case D -> {
                    double a = k(y.w(), y.w());
                    double b = k(x.w(), x.w());
                    double c = k(y.w(), x.w());
                    if (b == 0) yield 0;
                    double atZero = firstDerivativeMean(Math.max(0, a - c * c / b), 1);   // E[g'(a) | b = 0]
                    yield k(y.delta(), x.w()) * Math.sqrt(2 / (Math.PI * b)) * atZero + k(y.delta(), y.w()) * signMoment(a, b, c, 2);
                }
                default -> throw new IllegalStateException();
            };
            case L -> switch (y.kind()) {
                case L -> k(x.w(), y.w());
                case D -> {
                    double a = k(y.w(), y.w());
                    yield k(x.w(), y.delta()) * firstDerivativeMean(a, 1) + k(x.w(), y.w()) * k(y.delta(), y.w()) * firstDerivativeMean(a, 3);
                }
                default -> throw new IllegalStateException();
            };
            case D -> {
                double[] m = moments(x.w(), y.w());
                double dw = k(x.delta(), x.w());
                double dwp = k(x.delta(), y.w());
                double dpw = k(y.delta(), x.w());
                double dpwp = k(y.delta(), y.w());
                yield k(x.delta(), y.delta()) * m[M11] + dw * (dpw * m[M31] + dpwp * m[M22]) + dwp * (dpw * m[M22] + dpwp * m[M13]);
            }
        };
    }

    private double[] moments(double[] w, double[] wp) {
        return g.pairMoments(k(w, w), k(wp, wp), k(w, wp));
    }

    /** E[g^(p)(a)], a ~ N(0, A), for p = 1 or 3: M_p1 of (a, 0) divided by g'(0). */
    private double firstDerivativeMean(double a, int p) {
        double[] d0 = new double[5];
        g.derivatives(0, d0);
        double[] m = GaussianPairMoments.of(g, a, 0, 0);
        return (p == 1 ? m[M11] : m[M31]) / d0[1];
    }

    /**
     * T_k = E[g^(k)(a) sign(b)] for (a, b) ~ N(0, [[A, C], [C, B]]), k = 0 or 2 (g^(k) odd). With a = √A ξ and
     * b = βξ + γη (β = C/√A, γ² = B − β²), E[sign(b) | ξ] = erf(βξ/(γ√2)) (sign(βξ) when γ = 0), so
     * T_k = 2 ∫_0^Z g^(k)(√A ξ) erf(κξ) φ(ξ) dξ, κ = β/(γ√2), by composite 16-point Gauss–Legendre graded towards
     * ξ = 0 to the smaller of tanh's pole height π/(2√A) and erf's scale 1/|κ| ({@link GaussianPairMoments#nodes}).
     */
    double signMoment(double a, double b, double c, int order) {
        if (a == 0 || b == 0) return 0;
        double sa = Math.sqrt(a);
        double beta = c / sa;
        double gamma2 = b - beta * beta;
        double gamma = gamma2 > 0 ? Math.sqrt(gamma2) : 0;
        double kappa = gamma == 0 ? Double.POSITIVE_INFINITY : beta / (gamma * Math.sqrt(2));
        double height = gamma == 0 || kappa == 0 ? Math.PI / (2 * sa) : Math.min(Math.PI / (2 * sa), 1 / Math.abs(kappa));
        double[] nodes = GaussianPairMoments.nodes(GaussianPairMoments.Z_MAX, height);
        double[] gd = new double[5];
        double s = 0;
        for (int i = 0; i < nodes.length; i += 2) {
            double xi = nodes[i];
            g.derivatives(sa * xi, gd);
            double e = gamma == 0 ? Math.signum(beta) : Erf.erf(kappa * xi);
            s += nodes[i + 1] * TWO_PHI0 * Math.exp(-0.5 * xi * xi) * gd[order] * e;
        }
        return s;
    }
}
