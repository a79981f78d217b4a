#include "cli/heap.hpp"

#include <malloc.h>

namespace tailor::cli {

namespace {
/// Free memory at the top of the heap is returned to the kernel only above this much. A
/// single build peaks at a few megabytes, a batch at tens; both stay below it.
constexpr int kTrimThreshold = 64 << 20;
}  // namespace

void keep_freed_heap() {
  // mallopt fails only for an unknown option; a sanitizer's allocator ignores it.
  (void)::mallopt(M_TRIM_THRESHOLD, kTrimThreshold);
}

}  // namespace tailor::cli
