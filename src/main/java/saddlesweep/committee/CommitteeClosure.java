package saddlesweep.committee;

import java.util.Arrays;
import java.util.StringJoiner;

/**
 * A function in the closure of the committee machine in d inputs, the limit of a run whose units leave every bounded
 * set: a sum of terms, each with its parameters (in this order in {@link #params}):
 * <ul>
 *   <li>{@link Term#TANH} (w ∈ R^d, v): v g(w·x), an ordinary unit;</li>
 *   <li>{@link Term#SIGN} (v, s_1 … s_k): v sign(u·x), a unit saturating along the fixed unit direction u (|w| → ∞,
 *       w/|w| → u). L_N depends on u only through the signs of u·x_n, so u is not a parameter: the limit is the
 *       one of the cell of the data's hyperplane arrangement the run sits in. In d ≥ 2 the hyperplane may pass
 *       through up to d − 1 data points, the unit's {@code pinned} points, where w·x_n stays bounded while |w| → ∞:
 *       there the term keeps a value s_j of its own (|s_j| &lt; |v|), a free parameter of L_N; measure zero for
 *       E;</li>
 *   <li>{@link Term#LINEAR} (c ∈ R^d): c·x, units turning linear (w → 0, |v| → ∞, Σ v w → c);</li>
 *   <li>{@link Term#DERIV} (w ∈ R^d, a, δ ∈ R^d): a g(w·x) + (δ·x) g'(w·x), a derivative pair (two units
 *       meeting at w with |v| → ∞: a = v_i + v_j, δ = ½(v_j − v_i)(w_j − w_i)).</li>
 * </ul>
 *
 * @param dim        the input dimension d
 * @param terms      the terms, in order
 * @param directions for each SIGN term its unit direction u; null for the others
 * @param pinned     for each SIGN term the indices of the data points on its hyperplane (empty if none); null for
 *                   the others
 * @param params     the terms' parameters, term after term
 */
public record CommitteeClosure(int dim, Term[] terms, double[][] directions, int[][] pinned, double[] params) {

    /** A term of a closure function. */
    public enum Term {
        TANH("tanh"), SIGN("sign"), LINEAR("linear"), DERIV("deriv");

        private final String label;

        Term(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Number of parameters of this term in d inputs (a sign term without pinned points). */
        public int size(int d) {
            return switch (this) {
                case TANH -> d + 1;
                case SIGN -> 1;
                case LINEAR -> d;
                case DERIV -> 2 * d + 1;
            };
        }
    }

    public CommitteeClosure {
        int p = 0;
        for (int k = 0; k < terms.length; k++) {
            if ((terms[k] == Term.SIGN) != (directions[k] != null) || (terms[k] == Term.SIGN) != (pinned[k] != null)) {
                throw new IllegalArgumentException("a direction and pinned points for each sign term, and only for those");
            }
            p += terms[k].size(dim) + (pinned[k] == null ? 0 : pinned[k].length);
        }
        if (p != params.length) throw new IllegalArgumentException("closure needs " + p + " parameters, got " + params.length);
    }

    /** A closure whose sign terms have no pinned points. */
    public CommitteeClosure(int dim, Term[] terms, double[][] directions, double[] params) {
        this(dim, terms, directions, noPins(terms), params);
    }

    private static int[][] noPins(Term[] terms) {
        int[][] out = new int[terms.length][];
        for (int k = 0; k < terms.length; k++) if (terms[k] == Term.SIGN) out[k] = new int[0];
        return out;
    }

    /** Number of parameters of term k. */
    public int size(int k) {
        return terms[k].size(dim) + (pinned[k] == null ? 0 : pinned[k].length);
    }

    /** The committee machine θ = (W row by row, v) as a closure function: one tanh term per unit. */
    public static CommitteeClosure ofNetwork(double[] theta, int d) {
        int h = CommitteeNetwork.units(theta, d);
        Term[] terms = new Term[h];
        java.util.Arrays.fill(terms, Term.TANH);
        double[] p = new double[h * (d + 1)];
        for (int i = 0; i < h; i++) {
            System.arraycopy(theta, i * d, p, i * (d + 1), d);
            p[i * (d + 1) + d] = theta[h * d + i];
        }
        return new CommitteeClosure(d, terms, new double[h][], p);
    }

    /** The closure function a {@code limit_model} label and its {@code limit_params} ({@link #canonicalParams}) name. */
    public static CommitteeClosure parse(String label, double[] canonical, int d) {
        String[] names = label.split(",(?![^\\[]*\\])");
        Term[] terms = new Term[names.length];
        double[][] dirs = new double[names.length][];
        int[][] pins = new int[names.length][];
        double[] p = new double[canonical.length];
        int k = 0;
        int o = 0;
        for (int t = 0; t < names.length; t++) {
            String name = names[t].trim();
            int bracket = name.indexOf('[');
            terms[t] = Term.valueOf((bracket < 0 ? name : name.substring(0, bracket)).toUpperCase(java.util.Locale.ROOT));
            if (terms[t] == Term.SIGN) {
                pins[t] = bracket < 0 ? new int[0] : java.util.Arrays.stream(name.substring(bracket + 1, name.length() - 1)
                        .split(",")).mapToInt(Integer::parseInt).toArray();
                dirs[t] = d == 1 ? new double[] {1} : java.util.Arrays.copyOfRange(canonical, k, k + d);
                if (d > 1) k += d;
            }
            int n = terms[t].size(d) + (pins[t] == null ? 0 : pins[t].length);
            System.arraycopy(canonical, k, p, o, n);
            k += n;
            o += n;
        }
        if (k != canonical.length) throw new IllegalArgumentException(label + " in d = " + d + " has " + k + " parameters, not " + canonical.length);
        return new CommitteeClosure(d, terms, dirs, pins, java.util.Arrays.copyOf(p, o));
    }

    /** The same terms with other parameters. */
    public CommitteeClosure withParams(double[] p) {
        return new CommitteeClosure(dim, terms, directions, pinned, p.clone());
    }

    /**
     * The terms' names joined by commas (the {@code limit_model} column), e.g. {@code tanh,tanh,sign}; a sign term
     * with pinned points names them, {@code sign[95,175]} (data indices from 0).
     */
    public String label() {
        StringJoiner j = new StringJoiner(",");
        for (int k = 0; k < terms.length; k++) {
            String pins = pinned[k] == null || pinned[k].length == 0 ? ""
                    : java.util.Arrays.toString(pinned[k]).replace(" ", "");
            j.add(terms[k].label() + pins);
        }
        return j.toString();
    }

    /** Index of term k's first parameter. */
    public int offset(int k) {
        int o = 0;
        for (int i = 0; i < k; i++) o += size(i);
        return o;
    }

    /**
     * The parameters as the {@code limit_params} column holds them, term after term: tanh w, v; sign u, v, then its
     * values at its pinned points (the direction first, none at d = 1, where u = 1: the scalar model's layout); linear
     * c; deriv w, a, δ — each tanh, sign and deriv term flipped so that its w (u) has its first non-zero entry positive ((w, v) ≡ (−w, −v), (u, v) ≡ (−u, −v), (w, a, δ) ≡ (−w, −a, δ), g odd).
     */
    public double[] canonicalParams() {
        int d = dim;
        double[] out = new double[params.length + (d > 1 ? d : 0) * count(Term.SIGN)];
        int o = 0;
        int k = 0;
        for (int t = 0; t < terms.length; t++) {
            int n = size(t);
            double[] block = Arrays.copyOfRange(params, o, o + n);
            if (terms[t] == Term.SIGN) {
                double[] u = directions[t];
                double s = firstSign(u, 0, d);
                if (d > 1) for (int i = 0; i < d; i++) out[k++] = s * u[i];      // d = 1: u = 1, the scalar layout
                for (double b : block) out[k++] = s * b;                         // v, then the pinned values
            } else {
                if (terms[t] != Term.LINEAR) {
                    double s = firstSign(block, 0, d);
                    for (int i = 0; i <= d; i++) block[i] *= s;           // w and v (tanh) or w and a (deriv)
                }
                System.arraycopy(block, 0, out, k, n);
                k += n;
            }
            o += n;
        }
        return out;
    }

    /** How many terms of this kind. */
    public int count(Term kind) {
        int c = 0;
        for (Term t : terms) if (t == kind) c++;
        return c;
    }

    private static double firstSign(double[] a, int from, int len) {
        for (int i = from; i < from + len; i++) if (a[i] != 0) return Math.signum(a[i]);
        return 1;
    }

    private static double dot(double[] a, int ao, double[] b, int bo, int d) {
        double s = 0;
        for (int i = 0; i < d; i++) s += a[ao + i] * b[bo + i];
        return s;
    }

    /** f(x) at the input x[xo .. xo + d) with these parameters p (a point off the data: no pinned values). */
    public double eval(double[] p, double[] x, int xo, Activation g) {
        return evaluate(p, x, xo, -1, g, null, null, 0);
    }

    /**
     * f(x) at the input x[xo .. xo + d), the data point {@code point} (−1: none); with jac non-null, also J = ∂f/∂p
     * into jac (overwritten), and with hess non-null, adds scale·∂²f/∂p² into hess (P × P, row-major). Per term, with
     * z = w·x, e = δ·x:
     * <pre>
     * tanh:   ∂f/∂w = v g'(z) x,                 ∂f/∂v = g(z);    ∂²f/∂w² = v g''(z) x xᵀ,  ∂²f/∂w∂v = g'(z) x
     * sign:   ∂f/∂v = sign(u·x); at its j-th pinned data point the term is s_j instead: ∂f/∂s_j = 1
     * linear: ∂f/∂c = x
     * deriv:  ∂f/∂w = (a g'(z) + e g''(z)) x,   ∂f/∂a = g(z),     ∂f/∂δ = g'(z) x;
     *         ∂²f/∂w² = (a g''(z) + e g'''(z)) x xᵀ,  ∂²f/∂w∂a = g'(z) x,  ∂²f/∂w∂δ = g''(z) x xᵀ
     * </pre>
     */
    double evaluate(double[] p, double[] x, int xo, int point, Activation g, double[] jac, double[] hess, double scale) {
        int d = dim;
        int np = params.length;
        double[] gd = new double[5];
        double f = 0;
        int o = 0;
        for (int t = 0; t < terms.length; t++) {
            switch (terms[t]) {
                case TANH -> {
                    double v = p[o + d];
                    g.derivatives(dot(p, o, x, xo, d), gd);
                    f += v * gd[0];
                    if (jac != null) {
                        for (int i = 0; i < d; i++) jac[o + i] = v * gd[1] * x[xo + i];
                        jac[o + d] = gd[0];
                    }
                    if (hess != null) {
                        for (int i = 0; i < d; i++) {
                            for (int j = 0; j < d; j++) hess[(o + i) * np + o + j] += scale * v * gd[2] * x[xo + i] * x[xo + j];
                            double c = scale * gd[1] * x[xo + i];
                            hess[(o + i) * np + o + d] += c;
                            hess[(o + d) * np + o + i] += c;
                        }
                    }
                }
                case SIGN -> {
                    int pin = -1;
                    for (int j = 0; j < pinned[t].length; j++) if (pinned[t][j] == point) pin = j;
                    double s = pin >= 0 ? 0 : Math.signum(dot(directions[t], 0, x, xo, d));
                    f += pin >= 0 ? p[o + 1 + pin] : p[o] * s;
                    if (jac != null) {
                        for (int j = 0; j <= pinned[t].length; j++) jac[o + j] = 0;
                        jac[pin >= 0 ? o + 1 + pin : o] = pin >= 0 ? 1 : s;
                    }
                }
                case LINEAR -> {
                    f += dot(p, o, x, xo, d);
                    if (jac != null) for (int i = 0; i < d; i++) jac[o + i] = x[xo + i];
                }
                case DERIV -> {
                    double a = p[o + d];
                    int od = o + d + 1;
                    double e = dot(p, od, x, xo, d);
                    g.derivatives(dot(p, o, x, xo, d), gd);
                    f += a * gd[0] + e * gd[1];
                    if (jac != null) {
                        double cw = a * gd[1] + e * gd[2];
                        for (int i = 0; i < d; i++) {
                            jac[o + i] = cw * x[xo + i];
                            jac[od + i] = gd[1] * x[xo + i];
                        }
                        jac[o + d] = gd[0];
                    }
                    if (hess != null) {
                        double cww = scale * (a * gd[2] + e * gd[3]);
                        for (int i = 0; i < d; i++) {
                            double xi = x[xo + i];
                            for (int j = 0; j < d; j++) {
                                double xx = xi * x[xo + j];
                                hess[(o + i) * np + o + j] += cww * xx;
                                hess[(o + i) * np + od + j] += scale * gd[2] * xx;
                                hess[(od + j) * np + o + i] += scale * gd[2] * xx;
                            }
                            double c = scale * gd[1] * xi;
                            hess[(o + i) * np + o + d] += c;
                            hess[(o + d) * np + o + i] += c;
                        }
                    }
                }
            }
            o += size(t);
        }
        return f;
    }
}
