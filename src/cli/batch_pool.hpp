// A small work queue for the batch build. Tasks may push more tasks; wait() returns when all
// have run. With one thread, the tasks run on the caller, in wait().
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace tailor::cli::batch {

class Pool {
 public:
  explicit Pool(unsigned threads);
  ~Pool() { wait(); }
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;

  /// Children go to the front, so an input's roles finish before the next input starts
  /// and diagnostics can be printed early, in order.
  void push(std::function<void()> task, bool front = false);

  /// Waits until the queue is empty and no task runs, then joins the threads.
  void wait();

 private:
  void loop();

  std::mutex mu_;
  std::condition_variable cv_, done_cv_;
  std::deque<std::function<void()>> queue_;
  std::vector<std::thread> workers_;
  int busy_ = 0;
  bool stop_ = false;
};

}  // namespace tailor::cli::batch
