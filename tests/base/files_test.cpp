// Atomic writes: the output appears whole or not at all, and no temporary file is left.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "base/files.hpp"

namespace fs = std::filesystem;
using namespace tailor::base;

namespace {

fs::path scratch(const char* name) {
  fs::path dir = fs::temp_directory_path() / ("tailor-files-" + std::string(name));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::size_t count_entries(const fs::path& dir) {
  return static_cast<std::size_t>(
      std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

struct CountingTracker : TempFileTracker {
  int live = 0, seen = 0;
  std::string last;
  void* created(const std::string& temp_path) override {
    ++live;
    ++seen;
    last = temp_path;
    return this;
  }
  void released(void* token) override {
    EXPECT_EQ(token, this);
    --live;
  }
};

}  // namespace

TEST(AtomicWrite, ReplacesTheFileAndLeavesNoTemporary) {
  fs::path dir = scratch("replace");
  fs::path out = dir / "cv.pdf";
  std::ofstream(out) << "old";
  std::string err;
  ASSERT_TRUE(write_file_atomic(out.string(), "new bytes", err)) << err;
  std::ifstream in(out);
  std::string got((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(got, "new bytes");
  EXPECT_EQ(count_entries(dir), 1u);
}

TEST(AtomicWrite, TrackerSeesTheTemporaryFileUntilItIsGone) {
  fs::path dir = scratch("tracker");
  CountingTracker t;
  std::string err;
  ASSERT_TRUE(write_file_atomic((dir / "a.docx").string(), "x", err, &t)) << err;
  EXPECT_EQ(t.seen, 1);
  EXPECT_EQ(t.live, 0);
  EXPECT_NE(t.last.find(".a.docx.tmp-"), std::string::npos) << t.last;
  EXPECT_FALSE(fs::exists(t.last));
}

TEST(AtomicWrite, FailureInAMissingFolderReportsAndLeavesNothing) {
  fs::path dir = scratch("missing");
  CountingTracker t;
  std::string err;
  EXPECT_FALSE(write_file_atomic((dir / "no" / "such" / "x.pdf").string(), "x", err, &t));
  EXPECT_NE(err.find("cannot create a temporary file"), std::string::npos) << err;
  EXPECT_EQ(t.seen, 0);
  EXPECT_EQ(count_entries(dir), 0u);
}

TEST(AtomicWrite, RenameOntoADirectoryFailsAndRemovesTheTemporary) {
  fs::path dir = scratch("ontodir");
  fs::create_directories(dir / "taken" / "inner");
  CountingTracker t;
  std::string err;
  EXPECT_FALSE(write_file_atomic((dir / "taken").string(), "x", err, &t));
  EXPECT_NE(err.find("cannot rename into place"), std::string::npos) << err;
  EXPECT_EQ(t.live, 0);
  EXPECT_EQ(count_entries(dir), 1u);  // only the directory itself
}
