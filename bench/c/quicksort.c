#include "harness.h"

/* In-place quicksort with the middle element as pivot; recursion on the left part, loop on the right. */
static void qsort_(double *a, long lo, long hi) {
    long i = lo, j = hi;
    while (i < hi) {
        double pivot = a[(lo + hi) / 2];
        while (i <= j) {
            while (a[i] < pivot) i++;
            while (a[j] > pivot) j--;
            if (i <= j) {
                double t = a[i]; a[i] = a[j]; a[j] = t;
                i++; j--;
            }
        }
        if (lo < j) qsort_(a, lo, j);
        lo = i; j = hi;
    }
}

/* Indices are 1-based as in the Julia version, so (lo+hi)/2 picks the same pivot. Checksum: sum of k*a[k]. */
static double run(void) {
    long n = bench_size(1000000);
    double *a = malloc((n + 1) * sizeof(double));
    LCG g = {42};
    for (long k = 1; k <= n; k++) a[k] = lcg_float(&g);
    qsort_(a, 1, n);
    double s = 0;
    for (long k = 1; k <= n; k++) {
        if (k > 1 && a[k - 1] > a[k]) { fprintf(stderr, "not sorted\n"); exit(1); }
        s += k * a[k];
    }
    free(a);
    return s;
}

BENCH_MAIN(bench_float, "quicksort", run)
