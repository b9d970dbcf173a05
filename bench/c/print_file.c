#include "harness.h"
#include <sys/stat.h>

/* 10^5 lines "i i*i" written to a file; checksum: the file's size in bytes. */
static int64_t run(void) {
    long n = bench_size(100000);
    const char *path = "bench/out/print_file_c.txt";
    FILE *f = fopen(path, "w");
    if (!f) { perror(path); exit(1); }
    for (long i = 1; i <= n; i++) fprintf(f, "%ld %ld\n", i, i * i);
    fclose(f);
    struct stat st;
    stat(path, &st);
    return (int64_t)st.st_size;
}

BENCH_MAIN(bench_int, "print_file", run)
