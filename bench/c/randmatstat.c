#include "harness.h"

/* Matrices are column-major arrays; C = A*B for n x n, every entry a dot product in k order. */
static void matmul(double *C, const double *A, const double *B, int n) {
    for (int j = 0; j < n; j++)
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < n; k++) s += A[i + k * n] * B[k + j * n];
            C[i + j * n] = s;
        }
}

/* trace((X'X)^4) for an r x c matrix X, using the work arrays G, G2, G4 of size c*c. */
static double trace_gram4(const double *X, int r, int c, double *G, double *G2, double *G4) {
    for (int j = 0; j < c; j++)
        for (int i = 0; i < c; i++) {
            double s = 0;
            for (int k = 0; k < r; k++) s += X[k + i * r] * X[k + j * r];
            G[i + j * c] = s;
        }
    matmul(G2, G, G, c);
    matmul(G4, G2, G2, c);
    double t = 0;
    for (int i = 0; i < c; i++) t += G4[i + i * c];
    return t;
}

/* Sample standard deviation over mean. */
static double cv(const double *x, long n) {
    double m = 0;
    for (long i = 0; i < n; i++) m += x[i];
    m /= n;
    double v = 0;
    for (long i = 0; i < n; i++) v += (x[i] - m) * (x[i] - m);
    return sqrt(v / (n - 1)) / m;
}

/* Four random 5x5 blocks a b c d; P = [a b c d] (5x20), Q = [a b; c d] (10x10). */
static double run(void) {
    long t = bench_size(1000);
    LCG g = {42};
    double *v = malloc(t * sizeof(double)), *w = malloc(t * sizeof(double));
    double blk[4][25], P[100], Q[100], G[400], G2[400], G4[400];
    for (long it = 0; it < t; it++) {
        for (int b = 0; b < 4; b++)
            for (int k = 0; k < 25; k++) blk[b][k] = lcg_float(&g) - 0.5;
        for (int j = 0; j < 20; j++)
            for (int i = 0; i < 5; i++) P[i + j * 5] = blk[j / 5][i + (j % 5) * 5];
        for (int j = 0; j < 10; j++)
            for (int i = 0; i < 10; i++) Q[i + j * 10] = blk[(i / 5) * 2 + j / 5][i % 5 + (j % 5) * 5];
        v[it] = trace_gram4(P, 5, 20, G, G2, G4);
        w[it] = trace_gram4(Q, 10, 10, G, G2, G4);
    }
    double r = cv(v, t) + cv(w, t);
    free(v); free(w);
    return r;
}

BENCH_MAIN(bench_float, "randmatstat", run)
