#include "harness.h"

/* Iterations until |z| > 2 for z -> z^2 + c, at most 80 (written with real and imaginary parts). */
static int mandel(double cr, double ci) {
    double zr = cr, zi = ci;
    for (int n = 1; n <= 80; n++) {
        if (hypot(zr, zi) > 2.0) return n - 1;
        double r = zr * zr - zi * zi + cr;
        double i = zr * zi + zi * zr + ci;
        zr = r; zi = i;
    }
    return 80;
}

/* The 26x21 grid re = -2.0:0.1:0.5, im = -1.0:0.1:1.0 (one grid sums to 14791), repeated. */
static int64_t run(void) {
    long reps = bench_size(100);
    int64_t sum = 0;
    for (long k = 0; k < reps; k++)
        for (int re = -20; re <= 5; re++)
            for (int im = -10; im <= 10; im++)
                sum += mandel(re / 10.0, im / 10.0);
    return sum;
}

BENCH_MAIN(bench_int, "mandel", run)
