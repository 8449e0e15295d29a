package saddlesweep.model;

import java.util.Arrays;
import java.util.StringJoiner;

/**
 * A network of the closure of the model: a sum of terms of the {@link ClosureForm}s, parameters packed term
 * after term (TANH: w, v; SIGN: v; LINEAR: c; DERIV: w, u, c; CUBIC: d). Every form is an odd function of x, so
 * E and distances over the Gaussian input integrate over x ≥ 0 only (the sign term is smooth there).
 * Notation below: t = tanh(w x), s = sech²(w x) = 1 − t².
 */
public record ClosureNetwork(ClosureForm[] forms, double[] params) {

    public ClosureNetwork {
        int p = 0;
        for (ClosureForm f : forms) p += f.parameters();
        if (p != params.length) throw new IllegalArgumentException("forms take " + p + " parameters, got " + params.length);
        forms = forms.clone();
        params = params.clone();
    }

    /** The ordinary network θ = (w_1..w_H, v_1..v_H) as a closure network of H TANH terms. */
    public static ClosureNetwork ofMlp(double[] theta) {
        int h = Mlp.units(theta);
        ClosureForm[] f = new ClosureForm[h];
        double[] p = new double[2 * h];
        for (int i = 0; i < h; i++) {
            f[i] = ClosureForm.TANH;
            p[2 * i] = theta[i];
            p[2 * i + 1] = theta[h + i];
        }
        return new ClosureNetwork(f, p);
    }

    /** The network named by a {@link #label()} (e.g. {@code tanh,sign}) with these parameters. */
    public static ClosureNetwork parse(String label, double[] params) {
        String[] names = label.split(",");
        ClosureForm[] f = new ClosureForm[names.length];
        for (int i = 0; i < names.length; i++) {
            ClosureForm found = null;
            for (ClosureForm c : ClosureForm.values()) if (c.label().equals(names[i].trim())) found = c;
            if (found == null) throw new IllegalArgumentException("unknown closure form '" + names[i] + "' in " + label);
            f[i] = found;
        }
        return new ClosureNetwork(f, params);
    }

    @Override
    public ClosureForm[] forms() {
        return forms.clone();
    }

    @Override
    public double[] params() {
        return params.clone();
    }

    public ClosureNetwork withParams(double[] p) {
        return new ClosureNetwork(forms, p);
    }

    /** Number of parameters. */
    public int size() {
        return params.length;
    }

    /** Forms joined by commas, e.g. {@code tanh,tanh,sign}. */
    public String label() {
        StringJoiner j = new StringJoiner(",");
        for (ClosureForm f : forms) j.add(f.label());
        return j.toString();
    }

    /** True when every term is an ordinary TANH unit. */
    public boolean ordinary() {
        for (ClosureForm f : forms) if (f != ClosureForm.TANH) return false;
        return true;
    }

    /** The largest |w| of its TANH and DERIV terms (what the quadrature must resolve). */
    public double maxAbsW() {
        double m = 0;
        int k = 0;
        for (ClosureForm f : forms) {
            if (f == ClosureForm.TANH || f == ClosureForm.DERIV || f == ClosureForm.DERIV2) m = Math.max(m, Math.abs(params[k]));
            k += f.parameters();
        }
        return m;
    }

    /** f(x). */
    public double eval(double x) {
        return eval(params, x);
    }

    /** f(x) with parameters p. */
    public double eval(double[] p, double x) {
        double f = 0;
        int k = 0;
        for (ClosureForm form : forms) {
            switch (form) {
                case TANH -> f += p[k + 1] * Math.tanh(p[k] * x);
                case SIGN -> f += p[k] * Math.signum(x);
                case LINEAR -> f += p[k] * x;
                case CUBIC -> f += p[k] * x * x * x;
                case DERIV -> {
                    double t = Math.tanh(p[k] * x);
                    f += p[k + 1] * t + p[k + 2] * x * (1 - t * t);
                }
                case DERIV2 -> {
                    double t = Math.tanh(p[k] * x);
                    double s = 1 - t * t;
                    f += p[k + 1] * t + p[k + 2] * x * s - 2 * p[k + 3] * x * x * t * s;
                }
            }
            k += form.parameters();
        }
        return f;
    }

    /**
     * Writes ∂f(x)/∂p into jac and returns f(x).
     * TANH: ∂w = v x s, ∂v = t. SIGN: ∂v = sign x. LINEAR: ∂c = x. CUBIC: ∂d = x³.
     * DERIV: ∂w = u x s − 2 c x² t s, ∂u = t, ∂c = x s. DERIV2 (f = u D0 + c D1 + e D2, D_m = ∂^m t/∂w^m):
     * ∂w = u D1 + c D2 + e D3, ∂u = D0, ∂c = D1, ∂e = D2.
     */
    public double jacobian(double[] p, double x, double[] jac) {
        double f = 0;
        int k = 0;
        for (ClosureForm form : forms) {
            switch (form) {
                case TANH -> {
                    double t = Math.tanh(p[k] * x);
                    double s = 1 - t * t;
                    f += p[k + 1] * t;
                    jac[k] = p[k + 1] * x * s;
                    jac[k + 1] = t;
                }
                case SIGN -> {
                    double sg = Math.signum(x);
                    f += p[k] * sg;
                    jac[k] = sg;
                }
                case LINEAR -> {
                    f += p[k] * x;
                    jac[k] = x;
                }
                case CUBIC -> {
                    double x3 = x * x * x;
                    f += p[k] * x3;
                    jac[k] = x3;
                }
                case DERIV -> {
                    double t = Math.tanh(p[k] * x);
                    double s = 1 - t * t;
                    double u = p[k + 1];
                    double c = p[k + 2];
                    f += u * t + c * x * s;
                    jac[k] = u * x * s - 2 * c * x * x * t * s;
                    jac[k + 1] = t;
                    jac[k + 2] = x * s;
                }
                case DERIV2 -> {
                    double t = Math.tanh(p[k] * x);
                    double s = 1 - t * t;
                    double[] dm = tanhWDerivatives(x, t, s);
                    f += p[k + 1] * dm[0] + p[k + 2] * dm[1] + p[k + 3] * dm[2];
                    jac[k] = p[k + 1] * dm[1] + p[k + 2] * dm[2] + p[k + 3] * dm[3];
                    jac[k + 1] = dm[0];
                    jac[k + 2] = dm[1];
                    jac[k + 3] = dm[2];
                }
            }
            k += form.parameters();
        }
        return f;
    }

    /**
     * Adds scale·∂²f(x)/∂p² into the row-major d×d matrix hess (upper and lower triangle).
     * TANH: ∂ww = −2 v x² t s, ∂wv = x s. DERIV: ∂ww = −2 u x² t s − 2 c x³ s (s − 2 t²), ∂wu = x s,
     * ∂wc = −2 x² t s. DERIV2: ∂ww = u D2 + c D3 + e D4, ∂wu = D1, ∂wc = D2, ∂we = D3. SIGN, LINEAR and CUBIC are
     * linear in their parameter.
     */
    public void addCurvature(double[] p, double x, double scale, double[] hess) {
        int d = params.length;
        int k = 0;
        for (ClosureForm form : forms) {
            switch (form) {
                case TANH -> {
                    double t = Math.tanh(p[k] * x);
                    double s = 1 - t * t;
                    hess[k * d + k] += scale * (-2 * p[k + 1] * x * x * t * s);
                    double wv = scale * x * s;
                    hess[k * d + k + 1] += wv;
                    hess[(k + 1) * d + k] += wv;
                }
                case DERIV -> {
                    double t = Math.tanh(p[k] * x);
                    double s = 1 - t * t;
                    double u = p[k + 1];
                    double c = p[k + 2];
                    hess[k * d + k] += scale * (-2 * u * x * x * t * s - 2 * c * x * x * x * s * (s - 2 * t * t));
                    double wu = scale * x * s;
                    double wc = scale * (-2 * x * x * t * s);
                    hess[k * d + k + 1] += wu;
                    hess[(k + 1) * d + k] += wu;
                    hess[k * d + k + 2] += wc;
                    hess[(k + 2) * d + k] += wc;
                }
                case DERIV2 -> {
                    double t = Math.tanh(p[k] * x);
                    double s = 1 - t * t;
                    double[] dm = tanhWDerivatives(x, t, s);
                    hess[k * d + k] += scale * (p[k + 1] * dm[2] + p[k + 2] * dm[3] + p[k + 3] * dm[4]);
                    for (int j = 1; j <= 3; j++) {                   // ∂w∂u = D1, ∂w∂c = D2, ∂w∂e = D3
                        double wj = scale * dm[j];
                        hess[k * d + k + j] += wj;
                        hess[(k + j) * d + k] += wj;
                    }
                }
                default -> {
                }
            }
            k += form.parameters();
        }
    }

    /**
     * D_m = ∂^m tanh(w x)/∂w^m for m = 0..4, from t = tanh(w x), s = sech²(w x) (∂t/∂w = x s, ∂s/∂w = −2 x t s):
     * D0 = t, D1 = x s, D2 = −2 x² t s, D3 = −2 x³ s (s − 2 t²), D4 = x⁴ (16 t s² − 8 t³ s).
     */
    static double[] tanhWDerivatives(double x, double t, double s) {
        double x2 = x * x;
        return new double[] {t, x * s, -2 * x2 * t * s, -2 * x2 * x * s * (s - 2 * t * t),
                x2 * x2 * (16 * t * s * s - 8 * t * t * t * s)};
    }

    /**
     * A canonical parameter vector: TANH and DERIV terms flipped so that w ≥ 0 (tanh and x·sech² are odd
     * and even in w: (w, v) → (−w, −v) and (w, u, c) → (−w, −u, c)), then terms of each form sorted by
     * their parameters, forms in enum order. Two networks with the same canonical form are the same function.
     */
    public ClosureNetwork canonical() {
        record Term(ClosureForm form, double[] p) {
        }
        Term[] terms = new Term[forms.length];
        int k = 0;
        for (int i = 0; i < forms.length; i++) {
            double[] p = Arrays.copyOfRange(params, k, k + forms[i].parameters());
            if ((forms[i] == ClosureForm.TANH || forms[i] == ClosureForm.DERIV || forms[i] == ClosureForm.DERIV2) && p[0] < 0) {
                p[0] = -p[0];
                p[1] = -p[1];
                if (forms[i] == ClosureForm.DERIV2) p[3] = -p[3];     // ∂²tanh(wx)/∂w² is odd in w, like tanh
            }
            terms[i] = new Term(forms[i], p);
            k += forms[i].parameters();
        }
        Arrays.sort(terms, (a, b) -> {
            int c = a.form().compareTo(b.form());
            return c != 0 ? c : Arrays.compare(a.p(), b.p());
        });
        ClosureForm[] f = new ClosureForm[terms.length];
        double[] p = new double[params.length];
        k = 0;
        for (int i = 0; i < terms.length; i++) {
            f[i] = terms[i].form();
            System.arraycopy(terms[i].p(), 0, p, k, terms[i].p().length);
            k += terms[i].p().length;
        }
        return new ClosureNetwork(f, p);
    }
}
