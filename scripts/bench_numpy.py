#!/usr/bin/env python3
"""The saddlesweep GD step, vectorised in numpy, timed: ns per sample·unit·step.

Same problem as saddlesweep.bench.BenchProblem: x ~ N(0, 1), y = f*(x) + 0.1·noise with teacher
w* = (0.5, 3), v* = (1, 1); start w_i = 0.4 + 0.6 i, v_i = 0.8 (i even) / -0.6 (i odd); eta = 0.05.
One step, float64, (H, N) arrays:

    T = tanh(w x^T)                 (H, N)
    r = v^T T - y                   (N,)       residuals
    L = r.r / 2N
    dL/dv = T r / N,  dL/dw = v * ((1 - T*T) (r*x)) / N
    theta <- theta - eta * grad

Two ways to take T = tanh(w x^T) are timed, and the better one is reported (the best numpy step):
    tanh:  np.tanh                           (SIMD only where numpy has it for float64, e.g. AVX-512;
                                              elsewhere a scalar libm call per element)
    exp:   T = 1 - 2/(exp(2 w x) + 1)        (np.exp, vectorised on more machines; absolute error ~2e-16)

Each repetition runs batches of steps until it lasts at least --min-rep-ms (or exactly --steps steps),
timed with time.perf_counter (or, with --clock cpu, time.thread_time); repetitions of the two variants
alternate. The median over --reps repetitions after a warm-up is taken per variant, and the better median is
printed, one parseable line per (N, H), followed by one line with both medians:

    numpy n=1000 hidden=4 reps=5 steps=2400 ns_per_sample_unit_step=16.21
    numpy-variants n=1000 hidden=4 tanh=16.21 exp=9.80

Run it single-threaded for a one-core comparison (saddlesweep bench sets OPENBLAS_NUM_THREADS=1 etc.).
"""
import argparse
import statistics
import sys
import time

try:
    import numpy as np
except ImportError:  # reported as one line, read by the bench command
    print("numpy unavailable: cannot import numpy")
    sys.exit(3)

ETA = 0.05


def problem(n, hidden, seed=12345):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(n)
    y = 1.0 * np.tanh(0.5 * x) + 1.0 * np.tanh(3.0 * x) + 0.1 * rng.standard_normal(n)
    i = np.arange(hidden)
    w = 0.4 + 0.6 * i
    v = np.where(i % 2 == 0, 0.8, -0.6)
    return x, y, w.astype(np.float64), v.astype(np.float64)


class Stepper:
    """Preallocated buffers; step() does one full GD step in place."""

    def __init__(self, x, y, w, v, variant="tanh"):
        self.x, self.y, self.w, self.v = x, y, w.copy(), v.copy()
        self.exp = variant == "exp"
        h, n = len(w), len(x)
        self.T = np.empty((h, n))
        self.S = np.empty((h, n))
        self.r = np.empty(n)
        self.rx = np.empty(n)
        self.inv = 1.0 / n

    def step(self):
        T, S, r, rx = self.T, self.S, self.r, self.rx
        np.multiply(self.w[:, None], self.x[None, :], out=T)
        if self.exp:                               # T = 1 - 2/(exp(2 w x) + 1)
            T *= 2.0
            np.exp(T, out=T)
            T += 1.0
            np.divide(2.0, T, out=T)
            np.subtract(1.0, T, out=T)
        else:
            np.tanh(T, out=T)                      # T = tanh(w x)
        np.dot(self.v, T, out=r)
        r -= self.y                                # r = f - y
        loss = 0.5 * self.inv * np.dot(r, r)
        np.multiply(r, self.x, out=rx)             # r x
        gv = (T @ r) * self.inv                    # dL/dv
        np.multiply(T, T, out=S)
        np.subtract(1.0, S, out=S)                 # 1 - T^2
        gw = self.v * (S @ rx) * self.inv          # dL/dw
        self.w -= ETA * gw
        self.v -= ETA * gv
        return loss


VARIANTS = ("tanh", "exp")


def bench(n, hidden, reps, min_rep_ms, steps, warmup_ms, clock=time.perf_counter):
    """Median ns per sample·unit·step and steps per repetition, for each variant."""
    batch = max(1, 200_000 // (n * hidden))
    for variant in VARIANTS:
        st = Stepper(*problem(n, hidden), variant)
        end = time.perf_counter() + warmup_ms / 1000.0
        while time.perf_counter() < end:
            for _ in range(batch):
                st.step()
    figures = {v: [] for v in VARIANTS}
    counts = {v: [] for v in VARIANTS}
    for _ in range(reps):
        for variant in VARIANTS:
            st = Stepper(*problem(n, hidden), variant)
            t0 = clock()
            done = 0
            while True:
                k = batch if steps is None else steps
                for _ in range(k):
                    st.step()
                done += k
                elapsed = clock() - t0
                if steps is not None or elapsed * 1000.0 >= min_rep_ms:
                    break
            figures[variant].append(elapsed * 1e9 / (done * n * hidden))
            counts[variant].append(done)
    return {v: (statistics.median(figures[v]), int(statistics.median(counts[v]))) for v in VARIANTS}


def int_list(s):
    return [int(t) for t in s.split(",") if t.strip()]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int_list, default=[100, 1000, 10000], help="comma-separated N values")
    ap.add_argument("--hidden", type=int_list, default=[1, 2, 4, 8], help="comma-separated H values")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--min-rep-ms", type=float, default=50.0)
    ap.add_argument("--steps", type=int, default=None, help="fixed steps per repetition (instead of --min-rep-ms)")
    ap.add_argument("--warmup-ms", type=float, default=200.0)
    ap.add_argument("--clock", choices=["wall", "cpu"], default="wall",
                    help="wall: time.perf_counter (default); cpu: time.thread_time (robust on a shared machine)")
    a = ap.parse_args()
    clock = time.perf_counter if a.clock == "wall" else time.thread_time
    for n in a.n:
        for h in a.hidden:
            res = bench(n, h, a.reps, a.min_rep_ms, a.steps, a.warmup_ms, clock)
            ns, steps = min(res.values())
            print(f"numpy n={n} hidden={h} reps={a.reps} steps={steps} ns_per_sample_unit_step={ns:.4f}")
            print(f"numpy-variants n={n} hidden={h} " + " ".join(f"{v}={res[v][0]:.4f}" for v in VARIANTS), flush=True)


if __name__ == "__main__":
    main()
