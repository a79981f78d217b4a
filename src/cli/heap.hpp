// How the process's heap is set up before any work (docs/performance.md, "Start-up").
#pragma once

namespace tailor::cli {

/// Keep freed heap memory in the process instead of returning it to the kernel at every
/// large free: glibc's default gives back whatever lies free above 128 KB at the top of the
/// heap, and the next allocation faults the same pages in again (about 100 of a PDF build's
/// 810 page faults). Peak memory does not change. Call once, before any allocation matters.
void keep_freed_heap();

}  // namespace tailor::cli
