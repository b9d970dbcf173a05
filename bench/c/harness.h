/* Timing harness shared by the C kernels: warm-up runs until 0.5 s has passed since the first began (at least one,
   at most 20: a JIT reaches its steady state meanwhile), then up to 5 timed runs (stopping once 1 s has been spent,
   after at least one), and one result line: kernel=NAME time_ms=MIN checksum=VALUE runs=N.
   An optional first argument replaces the default problem size. The size is read through a volatile so the
   compiler cannot fold a kernel into a constant. */
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <math.h>
#include <time.h>

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static volatile long bench_size_v;
static long bench_arg = -1;
static long bench_size(long n) { bench_size_v = bench_arg > 0 ? bench_arg : n; return bench_size_v; }

#define BENCH_MAIN(kind, name, run) \
    int main(int argc, char **argv) { if (argc > 1) bench_arg = atol(argv[1]); kind(name, run); return 0; }

/* The deterministic generator every language uses: state = (state*1664525 + 1013904223) mod 2^32. */
typedef struct { uint32_t state; } LCG;
static inline uint32_t lcg_next(LCG *g) { g->state = g->state * 1664525u + 1013904223u; return g->state; }
static inline double lcg_float(LCG *g) { return lcg_next(g) / 4294967296.0; }

#define BENCH_LOOP(RESULT_T, f, c)                                       \
    double w0 = now_ms();                                                \
    RESULT_T c = f();                                                    \
    for (int w = 1; w < 20 && now_ms() - w0 < 500.0; w++) c = f();       \
    double best = INFINITY, total = 0;                                   \
    int runs = 0;                                                        \
    while (runs < 5 && (runs == 0 || total < 1000.0)) {                  \
        double t0 = now_ms();                                            \
        c = f();                                                         \
        double t = now_ms() - t0;                                        \
        if (t < best) best = t;                                          \
        total += t;                                                      \
        runs++;                                                          \
    }

__attribute__((unused)) static void bench_int(const char *name, int64_t (*f)(void)) {
    BENCH_LOOP(int64_t, f, c)
    printf("kernel=%s time_ms=%.3f checksum=%lld runs=%d\n", name, best, (long long)c, runs);
}

__attribute__((unused)) static void bench_float(const char *name, double (*f)(void)) {
    BENCH_LOOP(double, f, c)
    printf("kernel=%s time_ms=%.3f checksum=%.17g runs=%d\n", name, best, c, runs);
}
