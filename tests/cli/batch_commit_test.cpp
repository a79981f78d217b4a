// A batch's outputs are made durable in groups (cli/batch_commit.hpp, base::commit_staged):
// one sync for a group instead of an fsync per output, every file durable before any is
// renamed into place, and the same outcome as before when writing or syncing fails.
#include <gtest/gtest.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "base/files.hpp"
#include "support/scratch.hpp"
#include "support/test_support.hpp"

namespace tailor::test {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> samples() {
  std::vector<std::string> out;
  for (const std::string& s : list_files("samples", ".resume")) out.push_back(source_path(s));
  return out;
}

/// `tailor build SAMPLES --role R --format pdf,text --out-dir OUT [--jobs 2]`.
CliResult build_all(const fs::path& out) {
  std::vector<std::string> args{"build"};
  for (const std::string& s : samples()) args.push_back(s);
  for (const char* a :
       {"--role", "Infrastructure Engineer", "--format", "pdf,text", "--jobs", "2", "--out-dir"}) {
    args.push_back(a);
  }
  args.push_back(out.string());
  return run_cli(args);
}

TEST(GroupedCommit, BatchSyncsOncePerGroupAndEachOutputIsTheOneBuiltAlone) {
  fs::path dir = scratch_dir("commit-group");
  std::size_t syncs = base::group_syncs();
  CliResult r = build_all(dir / "out");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Every output of the batch (two per sample) went into place after one shared sync.
  EXPECT_EQ(base::group_syncs() - syncs, 1u);
  std::vector<std::string> made = dir_entries(dir / "out");
  ASSERT_EQ(made.size(), 2 * samples().size() + 1) << "outputs and the manifest";
  // The same bytes as each document built on its own, with nothing shared before it.
  for (const std::string& s : samples()) {
    std::string stem = fs::path(s).stem().string();
    for (const char* ext : {"pdf", "txt"}) {
      fs::path alone = dir / (stem + "." + ext);
      CliResult one =
          run_cli({"build", s, "--role", "Infrastructure Engineer", "-o", alone.string()});
      ASSERT_EQ(one.exit_code, 0) << one.err;
      fs::path batch = dir / "out" / (stem + "-infrastructure-engineer." + ext);
      ASSERT_TRUE(fs::exists(batch)) << batch;
      EXPECT_TRUE(slurp(batch.string()) == slurp(alone.string())) << batch;
    }
  }
}

/// Fills the output folder with "previous" under every name the batch will write.
std::vector<fs::path> previous_outputs(const fs::path& out) {
  fs::create_directories(out);
  std::vector<fs::path> paths;
  for (const std::string& s : samples()) {
    for (const char* ext : {"pdf", "txt"}) {
      paths.push_back(out / (fs::path(s).stem().string() + "-infrastructure-engineer." + ext));
      std::ofstream(paths.back()) << "previous";
    }
  }
  return paths;
}

TEST(GroupedCommit, FailedSyncRenamesNothingAndLeavesNoTemporary) {
  fs::path out = scratch_dir("commit-sync-fault") / "out";
  std::vector<fs::path> paths = previous_outputs(out);
  base::inject_sync_fault_for_testing(EIO);
  CliResult r = build_all(out);
  base::inject_sync_fault_for_testing(0);
  EXPECT_EQ(r.exit_code, 3) << r.err;
  // No output replaced: a sync that fails leaves each one as it was, as an fsync would.
  for (const fs::path& p : paths) {
    EXPECT_EQ(slurp(p.string()), "previous") << p;
    EXPECT_NE(r.err.find(p.string() + ": error: cannot write output: cannot flush " + p.string() +
                         ": Input/output error"),
              std::string::npos)
        << r.err;
  }
  for (const std::string& name : dir_entries(out)) {
    EXPECT_EQ(name.find(".tmp-"), std::string::npos) << name;
  }
}

TEST(GroupedCommit, InjectedEnospcInABatchKeepsThePreviousOutputsAndLeavesNoTemporary) {
  fs::path out = scratch_dir("commit-enospc") / "out";
  std::vector<fs::path> paths = previous_outputs(out);
  base::inject_write_fault_for_testing(ENOSPC, 100);
  CliResult r = build_all(out);
  base::inject_write_fault_for_testing(0);
  EXPECT_EQ(r.exit_code, 3) << r.err;
  for (const fs::path& p : paths) {
    EXPECT_EQ(slurp(p.string()), "previous") << p;
    EXPECT_NE(r.err.find("cannot write " + p.string() + ": No space left on device"),
              std::string::npos)
        << r.err;
  }
  for (const std::string& name : dir_entries(out)) {
    EXPECT_EQ(name.find(".tmp-"), std::string::npos) << name;
  }
}

}  // namespace
}  // namespace tailor::test
