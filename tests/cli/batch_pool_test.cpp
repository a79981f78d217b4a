// The batch work queue: every task runs, children pushed to the front run before the next
// input, and a one-thread pool runs its tasks on the caller (no worker thread, no second
// malloc arena for a single build; docs/performance.md, "Start-up").
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "cli/batch_pool.hpp"

namespace tailor::test {
namespace {

using cli::batch::Pool;

TEST(BatchPool, OneThreadRunsTasksOnTheCallerInOrder) {
  const std::thread::id caller = std::this_thread::get_id();
  std::vector<std::string> order;
  bool all_on_caller = true;
  {
    Pool pool(1);
    for (int i = 0; i < 3; ++i) {
      pool.push([&, i] {
        all_on_caller = all_on_caller && std::this_thread::get_id() == caller;
        order.push_back("input" + std::to_string(i));
        pool.push([&, i] { order.push_back("role" + std::to_string(i)); }, true);
      });
    }
    EXPECT_TRUE(order.empty()) << "a one-thread pool runs nothing before wait()";
    pool.wait();
  }
  EXPECT_TRUE(all_on_caller);
  EXPECT_EQ(order,
            (std::vector<std::string>{"input0", "role0", "input1", "role1", "input2", "role2"}));
}

TEST(BatchPool, TwoThreadsRunEveryTaskOffTheCaller) {
  const std::thread::id caller = std::this_thread::get_id();
  std::atomic<int> ran{0}, on_caller{0};
  {
    Pool pool(2);
    for (int i = 0; i < 50; ++i) {
      pool.push([&] {
        if (std::this_thread::get_id() == caller) ++on_caller;
        pool.push([&] { ++ran; }, true);
        ++ran;
      });
    }
    pool.wait();
  }
  EXPECT_EQ(ran.load(), 100);
  EXPECT_EQ(on_caller.load(), 0);
}

}  // namespace
}  // namespace tailor::test
