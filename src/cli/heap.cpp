#include "cli/heap.hpp"

#include <malloc.h>

namespace tailor::cli {

namespace {
/// Free memory at the top of the heap is returned to the kernel only above this much. A
/// single build peaks at a few megabytes, a batch at tens; both stay below it.
constexpr int kTrimThreshold = 64 << 20;
/// Setting the trim threshold also fixes glibc's mmap threshold, which would otherwise rise
/// after the first large free so that later large buffers come from the heap and are reused.
/// Fixed at 128 KB, every deflate state and font subset of a batch was a fresh mapping,
/// faulted in anew per document; 1 MB keeps them on the heap (docs/performance.md).
constexpr int kMmapThreshold = 1 << 20;
}  // namespace

void keep_freed_heap() {
  // mallopt fails only for an unknown option; a sanitizer's allocator ignores it.
  (void)::mallopt(M_TRIM_THRESHOLD, kTrimThreshold);
  (void)::mallopt(M_MMAP_THRESHOLD, kMmapThreshold);
}

}  // namespace tailor::cli
