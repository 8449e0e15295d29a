/*
 * A plain vectorised C reference of saddlesweep's GD step, timed: ns per sample·unit·step.
 *
 * The same problem as saddlesweep.bench.BenchProblem and scripts/bench_numpy.py: teacher w* = (0.5, 3),
 * v* = (1, 1), N inputs x ~ N(0, 1) (here from this program's own generator), noise 0.1; start
 * w_i = 0.4 + 0.6 i, v_i = 0.8 (i even) or -0.6 (i odd); eta = 0.05. One step, float64, straightforward:
 *
 *     t_i(n) = tanh(w_i x_n),  r_n = sum_i v_i t_i(n) - y_n
 *     dL/dv_i = sum_n r_n t_i(n) / N,  dL/dw_i = v_i sum_n r_n x_n (1 - t_i(n)^2) / N
 *     theta <- theta - eta * grad
 *
 * with the sample loops vectorised by the compiler (#pragma omp simd; glibc's libmvec supplies the vector
 * tanh). Build and run (bench --c-reference does this):
 *
 *     gcc -O3 -march=native -ffast-math -fopenmp-simd -o gd_reference scripts/gd_reference.c -lm
 *     ./gd_reference --n 50,100,200,1000 --hidden 1,2,3,4 --reps 5 --min-rep-ms 50 --warmup-ms 300 --clock cpu
 *
 * One line per (N, H), after a warm-up, the median over the repetitions, each of at least --min-rep-ms:
 *
 *     c n=1000 hidden=4 reps=5 steps=24000 ns_per_sample_unit_step=2.256
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int parse_list(const char *s, int *out, int max) {
    int k = 0;
    while (*s && k < max) {
        out[k++] = atoi(s);
        while (*s && *s != ',') s++;
        if (*s == ',') s++;
    }
    return k;
}

static uint64_t rng = 0x5EEDBE4C4ULL;
static double uniform(void) {            /* splitmix64 */
    uint64_t z = (rng += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return ((z ^ (z >> 31)) >> 11) * 0x1.0p-53;
}
static double normal(void) {
    double u1 = 1.0 - uniform(), u2 = uniform();
    return sqrt(-2.0 * log(u1)) * cos(2.0 * M_PI * u2);
}

static int use_cpu_clock = 1;
static double now_ns(void) {
    struct timespec t;
    clock_gettime(use_cpu_clock ? CLOCK_THREAD_CPUTIME_ID : CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e9 + t.tv_nsec;
}

typedef struct { int n, h; double *x, *y, *t, *r, th[64], g[64]; } problem;

static void gd_steps(problem *p, long steps) {
    int n = p->n, h = p->h;
    double *x = p->x, *y = p->y, *r = p->r;
    for (long s = 0; s < steps; s++) {
        for (int k = 0; k < n; k++) r[k] = -y[k];
        for (int i = 0; i < h; i++) {
            double w = p->th[i], v = p->th[h + i];
            double *ti = p->t + (long)i * n;
#pragma omp simd
            for (int k = 0; k < n; k++) {
                ti[k] = tanh(w * x[k]);
                r[k] += v * ti[k];
            }
        }
        for (int i = 0; i < h; i++) {
            double gw = 0, gv = 0;
            double *ti = p->t + (long)i * n;
#pragma omp simd reduction(+ : gw, gv)
            for (int k = 0; k < n; k++) {
                gw += r[k] * x[k] * (1 - ti[k] * ti[k]);
                gv += r[k] * ti[k];
            }
            p->g[i] = p->th[h + i] * gw / n;
            p->g[h + i] = gv / n;
        }
        for (int a = 0; a < 2 * h; a++) p->th[a] -= 0.05 * p->g[a];
    }
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
    int sizes[64], hidden[64], ns = 0, nh = 0, reps = 5;
    double min_rep_ms = 50, warmup_ms = 300;
    for (int a = 1; a + 1 < argc; a += 2) {
        if (!strcmp(argv[a], "--n")) ns = parse_list(argv[a + 1], sizes, 64);
        else if (!strcmp(argv[a], "--hidden")) nh = parse_list(argv[a + 1], hidden, 64);
        else if (!strcmp(argv[a], "--reps")) reps = atoi(argv[a + 1]);
        else if (!strcmp(argv[a], "--min-rep-ms")) min_rep_ms = atof(argv[a + 1]);
        else if (!strcmp(argv[a], "--warmup-ms")) warmup_ms = atof(argv[a + 1]);
        else if (!strcmp(argv[a], "--clock")) use_cpu_clock = strcmp(argv[a + 1], "wall") != 0;
        else { fprintf(stdout, "unknown option %s\n", argv[a]); return 2; }
    }
    if (ns == 0 || nh == 0 || reps < 1 || reps > 1000) { fprintf(stdout, "usage: --n N,.. --hidden H,..\n"); return 2; }
    for (int a = 0; a < ns; a++) {
        for (int b = 0; b < nh; b++) {
            problem p;
            p.n = sizes[a];
            p.h = hidden[b];
            if (p.h > 32 || p.n < 1) { fprintf(stdout, "bad size\n"); return 2; }
            size_t pad = ((size_t)p.n + 7) / 8 * 8;
            p.x = aligned_alloc(64, pad * 8);
            p.y = aligned_alloc(64, pad * 8);
            p.r = aligned_alloc(64, pad * 8);
            p.t = aligned_alloc(64, pad * 8 * p.h);
            for (int k = 0; k < p.n; k++) p.x[k] = normal();
            for (int k = 0; k < p.n; k++) p.y[k] = tanh(0.5 * p.x[k]) + tanh(3 * p.x[k]) + 0.1 * normal();
            for (int i = 0; i < p.h; i++) {
                p.th[i] = 0.4 + 0.6 * i;
                p.th[p.h + i] = i % 2 == 0 ? 0.8 : -0.6;
            }
            long batch = 1 + (long)(2e5 / ((double)p.n * p.h));
            double t0 = now_ns();
            while (now_ns() - t0 < warmup_ms * 1e6) gd_steps(&p, batch);
            double med[1000];
            long steps = 0;
            for (int r = 0; r < reps; r++) {
                double s0 = now_ns(), el;
                long k = 0;
                do {
                    gd_steps(&p, batch);
                    k += batch;
                    el = now_ns() - s0;
                } while (el < min_rep_ms * 1e6);
                med[r] = el / ((double)k * p.n * p.h);
                steps = k;
            }
            qsort(med, reps, sizeof(double), cmp);
            if (!isfinite(p.th[0])) { fprintf(stdout, "diverged\n"); return 3; }
            printf("c n=%d hidden=%d reps=%d steps=%ld ns_per_sample_unit_step=%.4f\n", p.n, p.h, reps, steps, med[reps / 2]);
            fflush(stdout);
            free(p.x); free(p.y); free(p.r); free(p.t);
        }
    }
    return 0;
}
