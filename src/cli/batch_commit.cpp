#include "cli/batch_commit.hpp"

#include <utility>

namespace tailor::cli::batch {

CommitGroup::~CommitGroup() {
  for (Item& it : items_) {
    for (base::StagedFile& f : it.files) base::discard_staged(f);
  }
}

void CommitGroup::add(std::vector<base::StagedFile> files, Done done) {
  bool full = false;
  {
    std::lock_guard lock(mu_);
    files_ += files.size();
    items_.push_back({std::move(files), std::move(done)});
    full = files_ >= size_;
  }
  if (full) commit();
}

void CommitGroup::commit() {
  std::vector<Item> items;
  {
    std::lock_guard lock(mu_);
    items.swap(items_);
    files_ = 0;
  }
  if (items.empty()) return;
  std::vector<base::StagedFile> all;
  for (Item& it : items) {
    for (base::StagedFile& f : it.files) all.push_back(std::move(f));
  }
  std::vector<std::string> errors =
      all.empty() ? std::vector<std::string>{} : base::commit_staged(all);
  std::size_t at = 0;
  for (Item& it : items) {
    std::size_t n = it.files.size();
    std::vector<std::string> mine(errors.begin() + static_cast<std::ptrdiff_t>(at),
                                  errors.begin() + static_cast<std::ptrdiff_t>(at + n));
    at += n;
    it.done(mine);
  }
}

}  // namespace tailor::cli::batch
