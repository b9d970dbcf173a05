#include "harness.h"
#include <string.h>

/* Hex round trip of random 32-bit numbers: format with base 16, parse back, check, and sum. */
static int64_t run(void) {
    long n = bench_size(100000);
    LCG g = {42};
    char buf[32];
    int64_t sum = 0;
    for (long i = 0; i < n; i++) {
        uint32_t x = lcg_next(&g);
        snprintf(buf, sizeof buf, "%x", x);
        uint32_t m = (uint32_t)strtoul(buf, NULL, 16);
        if (m != x) { fprintf(stderr, "parse mismatch\n"); exit(1); }
        sum += (int64_t)m + (int64_t)strlen(buf);
    }
    return sum;
}

BENCH_MAIN(bench_int, "parse_int", run)
