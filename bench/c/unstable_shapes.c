#include "harness.h"

/* An array of pointers to three kinds of shape, each carrying its `area` function pointer (a virtual call).
   Checksum: the total area. */
typedef struct Shape { double (*area)(const struct Shape *); } Shape;
typedef struct { Shape h; double r; } Circle;
typedef struct { Shape h; double s; } Square;
typedef struct { Shape h; double w, hh; } Rect;

static double circle_area(const Shape *x) { const Circle *c = (const Circle *)x; return M_PI * (c->r * c->r); }
static double square_area(const Shape *x) { const Square *s = (const Square *)x; return s->s * s->s; }
static double rect_area(const Shape *x) { const Rect *r = (const Rect *)x; return r->w * r->hh; }

static Shape **shapes;
static long n;

static void make_shapes(void) {
    n = bench_size(100000);
    shapes = malloc(n * sizeof(Shape *));
    LCG g = { 42 };
    for (long i = 0; i < n; i++) {
        int kind = lcg_next(&g) % 3;
        double a = (lcg_next(&g) % 1000) / 100.0;
        if (kind == 0) {
            Circle *c = malloc(sizeof *c);
            *c = (Circle){ { circle_area }, a };
            shapes[i] = &c->h;
        } else if (kind == 1) {
            Square *s = malloc(sizeof *s);
            *s = (Square){ { square_area }, a };
            shapes[i] = &s->h;
        } else {
            Rect *r = malloc(sizeof *r);
            *r = (Rect){ { rect_area }, a, (lcg_next(&g) % 1000) / 100.0 };
            shapes[i] = &r->h;
        }
    }
}

static double run(void) {
    double s = 0;
    for (long i = 0; i < n; i++) s += shapes[i]->area(shapes[i]);
    return s;
}

int main(int argc, char **argv) {
    if (argc > 1) bench_arg = atol(argv[1]);
    make_shapes();
    bench_float("unstable_shapes", run);
    return 0;
}
