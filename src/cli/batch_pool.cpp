#include "cli/batch_pool.hpp"

namespace tailor::cli::batch {

Pool::Pool(unsigned threads) {
  // One worker would only wait while the caller waits: the caller runs the tasks in wait()
  // instead, which spares a single build the thread, its malloc arena and that arena's
  // page faults (docs/performance.md, "Start-up").
  if (threads < 2) return;
  for (unsigned i = 0; i < threads; ++i) workers_.emplace_back([this] { loop(); });
}

void Pool::push(std::function<void()> task, bool front) {
  {
    std::lock_guard lock(mu_);
    if (front) {
      queue_.push_front(std::move(task));
    } else {
      queue_.push_back(std::move(task));
    }
  }
  cv_.notify_one();
}

void Pool::wait() {
  if (workers_.empty()) {
    for (;;) {
      std::function<void()> task;
      {
        std::lock_guard lock(mu_);
        if (queue_.empty()) return;
        task = std::move(queue_.front());
        queue_.pop_front();
      }
      task();
    }
  }
  {
    std::unique_lock lock(mu_);
    done_cv_.wait(lock, [this] { return queue_.empty() && busy_ == 0; });
    stop_ = true;
  }
  cv_.notify_all();
  for (std::thread& t : workers_) {
    if (t.joinable()) t.join();
  }
}

void Pool::loop() {
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [this] { return stop_ || !queue_.empty(); });
      if (queue_.empty()) return;
      task = std::move(queue_.front());
      queue_.pop_front();
      ++busy_;
    }
    task();
    {
      std::lock_guard lock(mu_);
      --busy_;
      if (queue_.empty() && busy_ == 0) done_cv_.notify_all();
    }
  }
}

}  // namespace tailor::cli::batch
