#include "harness.h"

/* 200x200 random matrices (column-major), C = A*B with plain loops; checksum: sum of C's entries. */
static double run(void) {
    int n = (int)bench_size(200);
    double *A = malloc(n * n * sizeof(double)), *B = malloc(n * n * sizeof(double)), *C = malloc(n * n * sizeof(double));
    LCG g = {42};
    for (int k = 0; k < n * n; k++) A[k] = lcg_float(&g);
    for (int k = 0; k < n * n; k++) B[k] = lcg_float(&g);
    for (int j = 0; j < n; j++)
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < n; k++) s += A[i + k * n] * B[k + j * n];
            C[i + j * n] = s;
        }
    double sum = 0;
    for (int k = 0; k < n * n; k++) sum += C[k];
    free(A); free(B); free(C);
    return sum;
}

BENCH_MAIN(bench_float, "matmul", run)
