#include "harness.h"

static long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

static int64_t run(void) { return fib(bench_size(32)); }

BENCH_MAIN(bench_int, "fib", run)
