#include "harness.h"

/* The n-th prime with a closure (a function pointer and its environment, which holds the array of primes found so
   far by reference, as a boxed captured variable): the closure builds the array of tests k % p > 0 over every
   prime, then checks that all are true. Checksum: the n-th prime. */
typedef struct { long *data; long len, cap; } Vec;
typedef struct { Vec **primes; } Env;
typedef int (*Closure)(const Env *, long);

static int is_prime(const Env *env, long k) {
    const Vec *primes = *env->primes;
    char *tests = malloc(primes->len + 1);
    for (long j = 0; j < primes->len; j++) tests[j] = k % primes->data[j] > 0;
    int all = 1;
    for (long j = 0; j < primes->len; j++)
        if (!tests[j]) { all = 0; break; }
    free(tests);
    return all;
}

static int64_t run(void) {
    long n = bench_size(10001);
    Vec *primes = NULL;
    Env env = { &primes };
    Closure test = is_prime;
    Vec v = { malloc(16 * sizeof(long)), 0, 16 };
    primes = &v;
    for (long k = 2; primes->len < n; k++) {
        if (test(&env, k)) {
            if (v.len == v.cap) v.data = realloc(v.data, (v.cap *= 2) * sizeof(long));
            v.data[v.len++] = k;
        }
    }
    int64_t p = v.data[v.len - 1];
    free(v.data);
    return p;
}

BENCH_MAIN(bench_int, "unstable_prime", run)
