// The --watch file watcher: sees saves by rename and in place, ignores other files, wakes up.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "base/watch.hpp"

using tailor::base::FileWatcher;
namespace fs = std::filesystem;

namespace {

class Watch : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("tailor-watch-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    file_ = (dir_ / "cv.resume").string();
    std::ofstream(file_) << "one\n";
    std::string err;
    ASSERT_TRUE(watcher_.start({file_}, err)) << err;
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
  std::string file_;
  FileWatcher watcher_;
};

}  // namespace

TEST_F(Watch, SaveByRenameIsOneChange) {
  std::thread editor([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    std::ofstream(dir_ / ".cv.resume.swp") << "two\n";
    fs::rename(dir_ / ".cv.resume.swp", file_);
  });
  std::set<std::string> changed;
  std::string err;
  auto t0 = std::chrono::steady_clock::now();
  EXPECT_EQ(watcher_.wait(-1, 100, changed, err), FileWatcher::Event::Changed) << err;
  editor.join();
  EXPECT_EQ(changed, std::set<std::string>{file_});
  // The debounce waited for 100 ms of quiet after the last event.
  EXPECT_GE(std::chrono::steady_clock::now() - t0, std::chrono::milliseconds(100));
}

TEST_F(Watch, OtherFilesInTheFolderAreIgnoredAndTheWakeFdWakes) {
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  std::thread other([&] {
    std::ofstream(dir_ / "unrelated.txt") << "x\n";
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    char c = 1;
    ASSERT_EQ(::write(pipe_fds[1], &c, 1), 1);
  });
  std::set<std::string> changed;
  std::string err;
  EXPECT_EQ(watcher_.wait(pipe_fds[0], 50, changed, err), FileWatcher::Event::Woken);
  other.join();
  EXPECT_TRUE(changed.empty());
  ::close(pipe_fds[0]);
  ::close(pipe_fds[1]);
}

TEST_F(Watch, InPlaceWriteIsAChange) {
  std::thread writer([&] { std::ofstream(file_, std::ios::app) << "more\n"; });
  std::set<std::string> changed;
  std::string err;
  EXPECT_EQ(watcher_.wait(-1, 50, changed, err), FileWatcher::Event::Changed) << err;
  writer.join();
  EXPECT_EQ(changed.count(file_), 1u);
}

// `git checkout` deletes a folder and creates it again; the watch must follow, not go silent.
TEST_F(Watch, FolderDeletedAndRecreatedIsWatchedAgain) {
  std::thread checkout([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    fs::remove_all(dir_);
  });
  std::set<std::string> changed;
  std::string err;
  // The deletion itself is a change (the input is gone).
  EXPECT_EQ(watcher_.wait(-1, 50, changed, err), FileWatcher::Event::Changed) << err;
  checkout.join();
  changed.clear();
  std::thread restore([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    fs::create_directories(dir_);
    std::ofstream(file_) << "restored\n";
  });
  EXPECT_EQ(watcher_.wait(-1, 50, changed, err), FileWatcher::Event::Changed) << err;
  restore.join();
  EXPECT_EQ(changed.count(file_), 1u);
  // And the new folder is watched like the old one: a later save is seen too.
  changed.clear();
  std::thread save([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    std::ofstream(file_, std::ios::app) << "edited\n";
  });
  EXPECT_EQ(watcher_.wait(-1, 50, changed, err), FileWatcher::Event::Changed) << err;
  save.join();
  EXPECT_EQ(changed.count(file_), 1u);
}

TEST(WatchStart, AFolderGoneBeforeTheWatchStartsIsFoundWhenItComesBack) {
  fs::path dir = fs::temp_directory_path() / ("tailor-watch-gone-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  std::string file = (dir / "cv.resume").string(), err;
  FileWatcher w;
  ASSERT_TRUE(w.start({file}, err)) << err;
  std::thread editor([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    fs::create_directories(dir);
    std::ofstream(file) << "back\n";
  });
  std::set<std::string> changed;
  FileWatcher::Event e = w.wait(-1, 50, changed, err);
  editor.join();
  EXPECT_EQ(e, FileWatcher::Event::Changed) << err;
  EXPECT_EQ(changed.count(file), 1u);
  fs::remove_all(dir);
}
