#include "harness.h"
#include <string.h>

/* FNV-1a (32 bits) over the bytes of a string: UInt8 and UInt32 arithmetic, wrapping, in a byte loop. */
static char *text;
static size_t text_len;

static uint32_t fnv1a(const char *s, size_t n, uint32_t h) {
    for (size_t i = 0; i < n; i++) h = (h ^ (uint8_t)s[i]) * 16777619u;
    return h;
}

/* 20 passes, each starting from the last one's hash */
static int64_t run(void) {
    if (!text) {
        /* the numbers 1..n joined by commas, in every language */
        long n = bench_size(100000);
        text = malloc((size_t)n * 12 + 1);
        for (long i = 1; i <= n; i++) text_len += (size_t)sprintf(text + text_len, i == 1 ? "%ld" : ",%ld", i);
    }
    uint32_t h = 2166136261u;
    for (int r = 1; r <= 20; r++) h = fnv1a(text, text_len, h);
    return (int64_t)h;
}

BENCH_MAIN(bench_int, "byte_hash", run)
