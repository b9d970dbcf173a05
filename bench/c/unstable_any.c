#include "harness.h"
#include <string.h>

/* Type-unstable code: an array of tagged values (integers, doubles, strings), each passed to a function that
   switches on the tag. Checksum: the sum (exact: every double is a half-integer, the total far below 2^53). */
enum { INT, FLOAT, STR };
typedef struct { int tag; union { long i; double d; const char *s; } u; } Value;

static double f(const Value *x) {
    switch (x->tag) {
    case INT: return (double)(x->u.i + 1);
    case FLOAT: return 2 * x->u.d;
    default: return (double)strlen(x->u.s);
    }
}

static Value *data;
static long n;

static void make_data(void) {
    static char strs[16][16];
    for (int k = 0; k < 16; k++) { memset(strs[k], 's', k); strs[k][k] = 0; }
    n = bench_size(100000);
    data = malloc(n * sizeof(Value));
    LCG g = { 42 };
    for (long i = 0; i < n; i++) {
        int kind = lcg_next(&g) % 3;
        long k = lcg_next(&g) % 1000;
        if (kind == 0) data[i] = (Value){ INT, { .i = k } };
        else if (kind == 1) data[i] = (Value){ FLOAT, { .d = k + 0.5 } };
        else data[i] = (Value){ STR, { .s = strs[k % 16] } };
    }
}

static double run(void) {
    double s = 0;
    for (long i = 0; i < n; i++) s += f(&data[i]);
    return s;
}

int main(int argc, char **argv) {
    if (argc > 1) bench_arg = atol(argv[1]);
    make_data();
    bench_float("unstable_any", run);
    return 0;
}
