// Outputs made durable together: a batch writes each output under a temporary name, and a
// group of them is synced once (base::commit_staged: one syncfs per file system) before any
// is renamed into place, where a single write pays an fsync per file.
#pragma once

#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "base/files.hpp"

namespace tailor::cli::batch {

class CommitGroup {
 public:
  /// Called once the files handed over with it are committed: one error per file, empty for
  /// a file now in place.
  using Done = std::function<void(const std::vector<std::string>& errors)>;

  /// `size`: how many files a group collects before it is committed.
  explicit CommitGroup(std::size_t size) : size_(size) {}
  /// Files never committed (a pass that ended early) are removed, their callbacks not run.
  ~CommitGroup();
  CommitGroup(const CommitGroup&) = delete;
  CommitGroup& operator=(const CommitGroup&) = delete;

  /// Hands over staged files (possibly none) and what to do once they are in place. When the
  /// group is full, the calling thread commits it; others go on staging into the next one.
  void add(std::vector<base::StagedFile> files, Done done);

  /// Commits whatever is waiting and runs its callbacks, in the order they were added.
  void commit();

 private:
  struct Item {
    std::vector<base::StagedFile> files;
    Done done;
  };
  std::size_t size_;
  std::mutex mu_;
  std::vector<Item> items_;
  std::size_t files_ = 0;
};

/// Files per group in a batch: few enough that "wrote" lines keep coming and a group fits in
/// the interrupt handler's slots for temporary files many times over.
constexpr std::size_t kCommitGroupSize = 64;

}  // namespace tailor::cli::batch
