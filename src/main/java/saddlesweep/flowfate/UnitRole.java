package saddlesweep.flowfate;

/** What a unit of the network is turning into over the last recorded decade (see {@link DecadeTrends}). */
enum UnitRole {
    /** An ordinary unit, v tanh(w x). */
    TANH,
    /** Saturating: |w| → ∞, v tanh(w x) → v sign(w) sign(x). */
    SIGN,
    /** Turning linear: w → 0, |v| → ∞, v tanh(w x) → v w x. */
    LINEAR,
    /** Fading out: its size |v|·min(1, |w| s_x) falls towards zero; the limit has no such unit. */
    REMOVED
}
