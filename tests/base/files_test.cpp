// Atomic writes: the output appears whole or not at all, and no temporary file is left.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "base/files.hpp"
#include "support/scratch.hpp"

namespace fs = std::filesystem;
using namespace tailor::base;
using tailor::test::dir_entries;
using tailor::test::scratch_dir;

namespace {

struct CountingTracker : TempFileTracker {
  int live = 0, seen = 0, reserved = 0;
  bool refuse = false;
  bool existed_at_reserve = false, missing_at_created = false;
  std::string last;
  bool reserve(const std::string& temp_path, void*& token) override {
    ++reserved;
    ++live;
    last = temp_path;
    existed_at_reserve = existed_at_reserve || fs::exists(temp_path);
    token = this;
    return !refuse;
  }
  bool created(void* token) override {
    EXPECT_EQ(token, this);
    ++seen;
    missing_at_created = missing_at_created || !fs::exists(last);
    return true;
  }
  void released(void* token) override {
    EXPECT_EQ(token, this);
    --live;
  }
};

/// Says the process is being torn down when the file has just been created.
struct DyingTracker : CountingTracker {
  bool created(void* token) override {
    CountingTracker::created(token);
    return false;
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

// A signal handler on another thread removes the names it was given; a name handed over only
// after the file exists leaves a window in which a second Ctrl-C leaves the file behind.
TEST(AtomicWrite, TrackerKnowsTheTemporaryNameBeforeTheFileExists) {
  fs::path dir = scratch_dir("files-reserve");
  CountingTracker t;
  std::string err;
  ASSERT_TRUE(write_file_atomic((dir / "b.pdf").string(), "x", err, &t)) << err;
  EXPECT_EQ(t.reserved, 1);
  EXPECT_EQ(t.seen, 1);
  EXPECT_FALSE(t.existed_at_reserve);
  EXPECT_FALSE(t.missing_at_created);
  EXPECT_EQ(t.live, 0);
}

TEST(AtomicWrite, ATeardownDuringCreationRemovesTheFileAndFails) {
  fs::path dir = scratch_dir("files-dying");
  DyingTracker t;
  std::string err;
  EXPECT_FALSE(write_file_atomic((dir / "c.pdf").string(), "x", err, &t));
  EXPECT_NE(err.find("interrupted"), std::string::npos) << err;
  EXPECT_EQ(t.live, 0);
  EXPECT_EQ(dir_entries(dir).size(), 0u);
}

TEST(AtomicWrite, ATeardownBeforeCreationCreatesNothing) {
  fs::path dir = scratch_dir("files-refused");
  CountingTracker t;
  t.refuse = true;
  std::string err;
  EXPECT_FALSE(write_file_atomic((dir / "e.pdf").string(), "x", err, &t));
  EXPECT_NE(err.find("interrupted"), std::string::npos) << err;
  EXPECT_EQ(t.seen, 0);
  EXPECT_EQ(t.live, 0);
  EXPECT_EQ(dir_entries(dir).size(), 0u);
}

TEST(AtomicWrite, TemporaryNamesDifferAndLookLikeTheTarget) {
  fs::path dir = scratch_dir("files-names");
  std::set<std::string> names;
  for (int i = 0; i < 200; ++i) {
    CountingTracker t;
    std::string err;
    ASSERT_TRUE(write_file_atomic((dir / "d.pdf").string(), "x", err, &t)) << err;
    std::string name = fs::path(t.last).filename().string();
    ASSERT_EQ(name.rfind(".d.pdf.tmp-", 0), 0u) << name;
    EXPECT_EQ(name.size(), std::string(".d.pdf.tmp-").size() + 12) << name;
    names.insert(name);
  }
  EXPECT_EQ(names.size(), 200u);
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
