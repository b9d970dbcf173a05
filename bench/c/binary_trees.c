#include "harness.h"

/* Allocation-heavy: build complete binary trees, count their nodes, free them. */
typedef struct Node { struct Node *left, *right; } Node;

static Node *make(int d) {
    Node *n = malloc(sizeof(Node));
    if (d == 0) { n->left = n->right = NULL; }
    else { n->left = make(d - 1); n->right = make(d - 1); }
    return n;
}

static int64_t check(const Node *n) { return n->left ? 1 + check(n->left) + check(n->right) : 1; }

static void release(Node *n) {
    if (n->left) { release(n->left); release(n->right); }
    free(n);
}

/* Stretch tree of depth max+1, a long-lived tree of depth max, and 2^(max-d+4) trees of each depth d = 4, 6, ..., max.
   Checksum: the sum of all node counts. */
static int64_t run(void) {
    int maxd = (int)bench_size(14), mind = 4;
    int64_t total = 0;
    Node *s = make(maxd + 1);
    total += check(s);
    release(s);
    Node *longlived = make(maxd);
    for (int d = mind; d <= maxd; d += 2) {
        long iters = 1L << (maxd - d + mind);
        for (long i = 0; i < iters; i++) {
            Node *t = make(d);
            total += check(t);
            release(t);
        }
    }
    total += check(longlived);
    release(longlived);
    return total;
}

BENCH_MAIN(bench_int, "binary_trees", run)
