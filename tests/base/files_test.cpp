// Atomic writes: the output appears whole or not at all, and no temporary file is left.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "base/files.hpp"
#include "support/scratch.hpp"

namespace fs = std::filesystem;
using namespace tailor::base;
using tailor::test::dir_entries;
using tailor::test::scratch_dir;

namespace {

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
  fs::path dir = scratch_dir("files-replace");
  fs::path out = dir / "cv.pdf";
  std::ofstream(out) << "old";
  std::string err;
  ASSERT_TRUE(write_file_atomic(out.string(), "new bytes", err)) << err;
  std::ifstream in(out);
  std::string got((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(got, "new bytes");
  EXPECT_EQ(dir_entries(dir).size(), 1u);
}

TEST(AtomicWrite, TrackerSeesTheTemporaryFileUntilItIsGone) {
  fs::path dir = scratch_dir("files-tracker");
  CountingTracker t;
  std::string err;
  ASSERT_TRUE(write_file_atomic((dir / "a.docx").string(), "x", err, &t)) << err;
  EXPECT_EQ(t.seen, 1);
  EXPECT_EQ(t.live, 0);
  EXPECT_NE(t.last.find(".a.docx.tmp-"), std::string::npos) << t.last;
  EXPECT_FALSE(fs::exists(t.last));
}

TEST(AtomicWrite, FailureInAMissingFolderReportsAndLeavesNothing) {
  fs::path dir = scratch_dir("files-missing");
  CountingTracker t;
  std::string err;
  EXPECT_FALSE(write_file_atomic((dir / "no" / "such" / "x.pdf").string(), "x", err, &t));
  EXPECT_NE(err.find("cannot create a temporary file"), std::string::npos) << err;
  EXPECT_EQ(t.seen, 0);
  EXPECT_EQ(dir_entries(dir).size(), 0u);
}

TEST(AtomicWrite, RenameOntoADirectoryFailsAndRemovesTheTemporary) {
  fs::path dir = scratch_dir("files-ontodir");
  fs::create_directories(dir / "taken" / "inner");
  CountingTracker t;
  std::string err;
  EXPECT_FALSE(write_file_atomic((dir / "taken").string(), "x", err, &t));
  EXPECT_NE(err.find("cannot rename into place"), std::string::npos) << err;
  EXPECT_EQ(t.live, 0);
  EXPECT_EQ(dir_entries(dir).size(), 1u);  // only the directory itself
}
