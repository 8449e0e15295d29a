package saddlesweep.model;

/**
 * The forms a unit (or a pair of units) of the network can take in the closure of the model: the limits of
 * {@code v tanh(w x)} as parameters leave every bounded set while the function converges.
 * <ul>
 *   <li>{@link #TANH}: {@code v tanh(w x)}, parameters (w, v) — an ordinary unit;</li>
 *   <li>{@link #SIGN}: {@code v sign(x)}, parameter v — a saturating unit, |w| → ∞;</li>
 *   <li>{@link #LINEAR}: {@code c x}, parameter c — a unit turning linear, w → 0, |v| → ∞, v·w → c;</li>
 *   <li>{@link #DERIV}: {@code u tanh(w x) + c x sech²(w x)}, parameters (w, u, c) — a derivative pair,
 *       |w_i| − |w_j| → 0 with v_i ≈ −v_j → ∞: u = v_i + v_j, c = lim (v_j − v_i)(w_j − w_i)/2.</li>
 *   <li>{@link #CUBIC}: {@code d x³}, parameter d — the second of two units turning linear together: with
 *       w_i, w_j → 0 at different rates, v_i tanh(w_i x) + v_j tanh(w_j x) = (v_i w_i + v_j w_j) x
 *       − (v_i w_i³ + v_j w_j³) x³/3 + O(v w⁵ x⁵), and both brackets can stay finite while each v_i w_i grows
 *       (the two linear parts cancel): the limit is c x + d x³, d = −lim (v_i w_i³ + v_j w_j³)/3.</li>
 *   <li>{@link #DERIV2}: {@code u tanh(w x) + c x sech²(w x) + e ∂²tanh(w x)/∂w²}, ∂²tanh(wx)/∂w² = −2 x² tanh sech²,
 *       parameters (w, u, c, e) — three units meeting, |w_i| → w with v_i → ∞ (v in the proportions 1 : −2 : 1):
 *       Σ v_i tanh(w_i x) = Σ v_i (T + δ_i T' + δ_i² T''/2 + …), δ_i = w_i − w, so u = Σ v_i, c = Σ v_i δ_i,
 *       e = Σ v_i δ_i²/2 (the third-order term Σ v_i δ_i³ → 0).</li>
 * </ul>
 */
public enum ClosureForm {
    TANH("tanh", 2, 1),
    SIGN("sign", 1, 1),
    LINEAR("linear", 1, 1),
    DERIV("deriv", 3, 2),
    CUBIC("cubic", 1, 1),
    DERIV2("deriv2", 4, 3);

    private final String label;
    private final int parameters;
    private final int units;

    ClosureForm(String label, int parameters, int units) {
        this.label = label;
        this.parameters = parameters;
        this.units = units;
    }

    /** The name used in {@code runs.limit_model}. */
    public String label() {
        return label;
    }

    /** Number of parameters of the form. */
    public int parameters() {
        return parameters;
    }

    /** Number of network units the form stands for (2 for a derivative pair). */
    public int units() {
        return units;
    }
}
