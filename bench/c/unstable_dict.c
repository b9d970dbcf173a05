#include "harness.h"
#include <string.h>

/* A hash table (open addressing, FNV-1a) from strings to tagged values (integers, doubles, strings); a generic
   function switches on each value's tag. Checksum: the sum (integers and half-integers far below 2^53, so the
   iteration order does not change it). */
enum { INT, FLOAT, STR };
typedef struct { int tag; union { long i; double d; const char *s; } u; } Value;
typedef struct { char *key; Value val; } Slot;

static Slot *slots;
static unsigned long cap;

static unsigned long hash(const char *s) {
    uint32_t h = 2166136261u;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static void put(const char *key, Value v) {
    unsigned long i = hash(key) & (cap - 1);
    while (slots[i].key && strcmp(slots[i].key, key) != 0) i = (i + 1) & (cap - 1);
    if (!slots[i].key) slots[i].key = strdup(key);
    slots[i].val = v;
}

static double weight(const Value *x) {
    switch (x->tag) {
    case INT: return (double)x->u.i;
    case FLOAT: return x->u.d;
    default: return (double)strlen(x->u.s);
    }
}

static void make_dict(void) {
    static char strs[16][16];
    for (int k = 0; k < 16; k++) { memset(strs[k], 's', k); strs[k][k] = 0; }
    long n = bench_size(100000);
    for (cap = 16; cap < 2 * (unsigned long)n; cap *= 2) {}
    slots = calloc(cap, sizeof(Slot));
    LCG g = { 42 };
    char key[32];
    for (long i = 1; i <= n; i++) {
        int kind = lcg_next(&g) % 3;
        long k = lcg_next(&g) % 1000;
        snprintf(key, sizeof key, "k%ld", i);
        if (kind == 0) put(key, (Value){ INT, { .i = k } });
        else if (kind == 1) put(key, (Value){ FLOAT, { .d = k + 0.5 } });
        else put(key, (Value){ STR, { .s = strs[k % 16] } });
    }
}

static double run(void) {
    double s = 0;
    for (unsigned long i = 0; i < cap; i++)
        if (slots[i].key) s += weight(&slots[i].val);
    return s;
}

int main(int argc, char **argv) {
    if (argc > 1) bench_arg = atol(argv[1]);
    make_dict();
    bench_float("unstable_dict", run);
    return 0;
}
