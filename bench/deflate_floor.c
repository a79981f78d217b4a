/* The deflate floor (issue 20): how long zlib takes to deflate a set of PDF streams exactly as
 * Tailor's PDFs carry them, and what libdeflate would take for the same contents.
 *
 * Usage: deflate_floor ROUNDS RAW1 Z1 [RAW2 Z2 ...]
 *   RAWn is a stream's contents, Zn the deflated bytes the PDF holds for it. Each round deflates
 *   every RAWn once; the program prints the fastest and the median round in milliseconds. It
 *   first checks that zlib at its default level (what libharu uses) gives exactly each Zn, so
 *   the time is the time of the bytes Tailor writes.
 * Built by bench/deflate-floor.sh, with -DWITH_LIBDEFLATE when libdeflate-dev is installed. */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>
#ifdef WITH_LIBDEFLATE
#include <libdeflate.h>
#endif

struct blob {
  unsigned char* data;
  size_t size;
};

static struct blob slurp(const char* path) {
  struct blob b = {NULL, 0};
  FILE* f = fopen(path, "rb");
  if (!f) {
    perror(path);
    exit(2);
  }
  fseek(f, 0, SEEK_END);
  b.size = (size_t)ftell(f);
  fseek(f, 0, SEEK_SET);
  b.data = malloc(b.size ? b.size : 1);
  if (!b.data || fread(b.data, 1, b.size, f) != b.size) {
    fprintf(stderr, "%s: read failed\n", path);
    exit(2);
  }
  fclose(f);
  return b;
}

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int cmp_double(const void* a, const void* b) {
  double x = *(const double*)a, y = *(const double*)b;
  return (x > y) - (x < y);
}

static size_t n;
static struct blob *raw, *want;
static unsigned char* out;
static size_t out_cap;

/* zlib as libharu calls it: deflateInit at Z_DEFAULT_COMPRESSION, the zlib wrapper. */
static size_t zlib_all(int check) {
  size_t total = 0;
  for (size_t i = 0; i < n; ++i) {
    uLongf len = (uLongf)out_cap;
    if (compress2(out, &len, raw[i].data, (uLong)raw[i].size, Z_DEFAULT_COMPRESSION) != Z_OK) {
      fprintf(stderr, "zlib failed on stream %zu\n", i);
      exit(1);
    }
    if (check && (len != want[i].size || memcmp(out, want[i].data, len) != 0)) {
      fprintf(stderr, "stream %zu: zlib's bytes differ from the PDF's\n", i);
      exit(1);
    }
    total += len;
  }
  return total;
}

#ifdef WITH_LIBDEFLATE
static int ld_level;
static size_t libdeflate_all(int check) {
  (void)check;
  size_t total = 0;
  struct libdeflate_compressor* c = libdeflate_alloc_compressor(ld_level);
  for (size_t i = 0; i < n; ++i) {
    size_t len = libdeflate_zlib_compress(c, raw[i].data, raw[i].size, out, out_cap);
    if (len == 0) {
      fprintf(stderr, "libdeflate failed on stream %zu\n", i);
      exit(1);
    }
    total += len;
  }
  libdeflate_free_compressor(c);
  return total;
}
#endif

static void timed(const char* name, size_t (*fn)(int), int rounds) {
  size_t bytes = fn(1);
  double* t = malloc(sizeof(double) * (size_t)rounds);
  for (int r = 0; r < rounds; ++r) {
    double t0 = now_ms();
    fn(0);
    t[r] = now_ms() - t0;
  }
  qsort(t, (size_t)rounds, sizeof(double), cmp_double);
  printf("%-14s %8zu bytes   fastest %.3f ms   median %.3f ms\n", name, bytes, t[0], t[rounds / 2]);
  free(t);
}

int main(int argc, char** argv) {
  if (argc < 4 || (argc - 2) % 2 != 0) {
    fprintf(stderr, "usage: deflate_floor ROUNDS RAW1 Z1 [RAW2 Z2 ...]\n");
    return 2;
  }
  /* Tailor's heap settings (src/cli/heap.cpp): zlib's 256 KB of state comes from the heap and
   * is reused, not mapped and faulted in afresh for every stream, as Tailor keeps it per
   * thread. */
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
  int rounds = atoi(argv[1]);
  n = (size_t)(argc - 2) / 2;
  raw = calloc(n, sizeof *raw);
  want = calloc(n, sizeof *want);
  size_t raw_total = 0;
  for (size_t i = 0; i < n; ++i) {
    raw[i] = slurp(argv[2 + 2 * i]);
    want[i] = slurp(argv[3 + 2 * i]);
    raw_total += raw[i].size;
    size_t bound = compressBound((uLong)raw[i].size) + 1024;
    if (bound > out_cap) out_cap = bound;
  }
  out = malloc(out_cap);
  printf("%zu streams, %zu bytes of contents\n", n, raw_total);
  timed("zlib (as PDF)", zlib_all, rounds);
#ifdef WITH_LIBDEFLATE
  static const int levels[] = {1, 6, 9};
  for (size_t k = 0; k < sizeof levels / sizeof levels[0]; ++k) {
    char name[32];
    ld_level = levels[k];
    snprintf(name, sizeof name, "libdeflate %d", ld_level);
    timed(name, libdeflate_all, rounds);
  }
#endif
  return 0;
}
