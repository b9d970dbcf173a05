#include "harness.h"

static double run(void) {
    long reps = bench_size(500);
    double sum = 0;
    for (long j = 1; j <= reps; j++) {
        sum = 0;
        for (long k = 1; k <= 10000; k++) sum += 1.0 / (double)(k * k);
    }
    return sum;
}

BENCH_MAIN(bench_float, "pisum", run)
