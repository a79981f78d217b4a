// In-process checks of the input limits, the full-disk path and linear scaling. The CLI side of
// each limit is in the hostile corpus (tests/hostile/*/*.expect, run by tests/clients/hostile.sh).
// Scaling is proved with operation counts (bytes examined by position lookups), never timings.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>

#include "base/files.hpp"
#include "base/limits.hpp"
#include "base/utf8.hpp"
#include "diag/diagnostic.hpp"
#include "reader/json_value.hpp"
#include "reader/reader.hpp"
#include "support/scratch.hpp"
#include "support/test_support.hpp"
#include "transform/rules.hpp"

namespace fs = std::filesystem;

namespace tailor::test {
namespace {

// ------------------------------------------------------------------ input size

TEST(InputLimits, FileOverTheSizeLimitIsRefusedFromItsSizeAlone) {
  fs::path dir = scratch_dir("hostile-size");
  fs::path big = dir / "big.resume";
  // A sparse 50 MB file: if read_file read it, it would allocate 50 MB and take its time.
  int fd = ::open(big.c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0644);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::ftruncate(fd, 50 * 1024 * 1024), 0);
  ::close(fd);
  std::string err;
  bool too_large = false;
  EXPECT_FALSE(base::read_file(big.string(), err, base::kMaxInputBytes, &too_large));
  EXPECT_TRUE(too_large);
  EXPECT_EQ(err, "file too large: 52,428,800 bytes; the limit is 10 MiB");
}

TEST(InputLimits, FileAtTheSizeLimitIsRead) {
  fs::path dir = scratch_dir("hostile-size-ok");
  fs::path f = dir / "limit.txt";
  std::ofstream(f) << std::string(1000, 'x');
  std::string err;
  bool too_large = true;
  auto bytes = base::read_file(f.string(), err, 1000, &too_large);
  ASSERT_TRUE(bytes) << err;
  EXPECT_EQ(bytes->size(), 1000u);
  EXPECT_FALSE(too_large);
  EXPECT_FALSE(base::read_file(f.string(), err, 999, &too_large));
  EXPECT_TRUE(too_large);
}

TEST(InputLimits, APipeIsCutOffAtTheLimit) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  std::string path = "/proc/self/fd/" + std::to_string(fds[0]);
  std::string chunk(4096, 'y');
  for (int i = 0; i < 4; ++i) ASSERT_EQ(::write(fds[1], chunk.data(), chunk.size()), 4096);
  ::close(fds[1]);
  std::string err;
  bool too_large = false;
  EXPECT_FALSE(base::read_file(path, err, 10000, &too_large));
  EXPECT_TRUE(too_large) << err;
  ::close(fds[0]);
}

TEST(InputLimits, JsonNested100kDeepStopsAtTheDepthLimit) {
  model::SourceManager sm;
  diag::Diagnostics diags;
  std::string text = std::string(100000, '[') + std::string(100000, ']');
  std::uint32_t id = sm.add("deep.json", text);
  EXPECT_FALSE(reader::parse_json(id, sm.text(id), diags));
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].message, "nesting deeper than 128 levels");
  EXPECT_EQ(diags.items()[0].span.col, 129u);
}

TEST(InputLimits, JsonAtTheDepthLimitParses) {
  model::SourceManager sm;
  diag::Diagnostics diags;
  std::string text = std::string(base::kMaxJsonDepth, '[') + std::string(base::kMaxJsonDepth, ']');
  std::uint32_t id = sm.add("deep.json", text);
  EXPECT_TRUE(reader::parse_json(id, sm.text(id), diags));
  EXPECT_FALSE(diags.has_errors());
}

// ------------------------------------------------------------------ full disk

TEST(FullDisk, InjectedEnospcKeepsThePreviousOutputAndLeavesNoTemporary) {
  fs::path dir = scratch_dir("hostile-enospc");
  fs::path out = dir / "cv.pdf";
  std::ofstream(out) << "previous";
  for (std::size_t after : {std::size_t{0}, std::size_t{3}}) {
    base::inject_write_fault_for_testing(ENOSPC, after);
    std::string err;
    bool ok = base::write_file_atomic(out.string(), "new bytes that do not fit", err);
    base::inject_write_fault_for_testing(0);
    EXPECT_FALSE(ok);
    EXPECT_NE(err.find("No space left on device"), std::string::npos) << err;
    EXPECT_EQ(slurp(out.string()), "previous");
    EXPECT_EQ(dir_entries(dir), std::vector<std::string>{"cv.pdf"});
  }
}

TEST(FullDisk, BuildPrintsOneLineExitsThreeAndKeepsThePreviousOutput) {
  fs::path dir = scratch_dir("hostile-enospc-cli");
  fs::path out = dir / "cv.pdf";
  std::ofstream(out) << "previous";
  base::inject_write_fault_for_testing(ENOSPC, 100);
  CliResult r = run_cli({"build", "samples/aysel.resume", "-o", out.string()});
  base::inject_write_fault_for_testing(0);
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_EQ(r.err, out.string() + ": error: cannot write output: cannot write " + out.string() +
                       ": No space left on device\n");
  EXPECT_EQ(slurp(out.string()), "previous");
  EXPECT_EQ(dir_entries(dir), std::vector<std::string>{"cv.pdf"});
}

TEST(FullDisk, ConvertPrintsOneLineAndExitsThree) {
  fs::path dir = scratch_dir("hostile-enospc-convert");
  fs::path out = dir / "cv.json";
  base::inject_write_fault_for_testing(ENOSPC, 0);
  CliResult r = run_cli({"convert", "samples/aysel.resume", "-o", out.string()});
  base::inject_write_fault_for_testing(0);
  EXPECT_EQ(r.exit_code, 3) << r.err;
  // The sample's warnings about what JSON Resume cannot hold come first; the failure is the
  // one error line, and it is the last line.
  std::size_t errors = 0, pos = 0;
  while ((pos = r.err.find("error:", pos)) != std::string::npos) ++errors, ++pos;
  EXPECT_EQ(errors, 1u) << r.err;
  std::size_t last = r.err.rfind('\n', r.err.size() - 2);
  std::string last_line = r.err.substr(last == std::string::npos ? 0 : last + 1);
  EXPECT_NE(last_line.find("No space left on device"), std::string::npos) << r.err;
  EXPECT_TRUE(dir_entries(dir).empty());
}

// ------------------------------------------------------------------ diagnostics

TEST(DiagnosticLimits, OnlyTheFirstHundredAreKeptTheRestAreCounted) {
  model::SourceManager sm;
  std::uint32_t id = sm.add("many.resume", std::string(300, '\n'));
  diag::Diagnostics diags;
  for (std::uint32_t i = 1; i <= 300; ++i) {
    diags.error({id, i, 1, i, 2}, "bad line").hints.push_back("fix it");
  }
  EXPECT_EQ(diags.items().size(), 100u);
  EXPECT_EQ(diags.error_count(), 300u);
  EXPECT_EQ(diags.dropped(), 200u);
  std::string out = diag::render_all(diags, sm);
  EXPECT_NE(out.find("tailor: note: 200 more diagnostics not shown; only the first 100 are kept"),
            std::string::npos);
  diag::Diagnostics merged;
  merged.append(diags);
  EXPECT_EQ(merged.error_count(), 300u);
  EXPECT_EQ(merged.dropped(), 200u);
}

TEST(DiagnosticLimits, ALongLineShowsAWindowAroundTheCaret) {
  model::SourceManager sm;
  std::string line(60000, 'a');
  line[49999] = 'X';
  std::uint32_t id = sm.add("long.json", line + "\n");
  diag::Diagnostic d{diag::Severity::Error, {id, 1, 50000, 1, 50001}, "here", {}, {}};
  std::string out = diag::render(d, sm);
  EXPECT_LT(out.size(), 400u) << out;
  // The caret sits under the X: the window starts 60 characters earlier, after "…".
  std::size_t x = out.find('X');
  std::size_t caret = out.find('^');
  ASSERT_NE(x, std::string::npos);
  ASSERT_NE(caret, std::string::npos);
  std::size_t line_start = out.rfind('\n', x) + 1;
  std::size_t caret_start = out.rfind('\n', caret) + 1;
  // "…" is three bytes but one column.
  EXPECT_EQ(x - line_start - 2, caret - caret_start) << out;
}

// ------------------------------------------------------------------ scaling (operation counts)

// Linear work grows 4x when the input grows 4x; quadratic work 16x. The bound 5 leaves room
// for constant terms and fails clearly for anything superlinear.
constexpr double kLinearBound = 5.0;

TEST(Scaling, DiagnosticOnEveryLineScansTheFileOnce) {
  auto scanned = [](int lines) {
    model::SourceManager sm;
    std::string text;
    for (int i = 0; i < lines; ++i) text += "a line with a mistake\n";
    std::uint32_t id = sm.add("many.resume", text);
    for (std::uint32_t l = 1; l <= static_cast<std::uint32_t>(lines); ++l) {
      diag::render({diag::Severity::Error, {id, l, 3, l, 4}, "bad", {}, {}}, sm);
    }
    return std::pair<double, std::size_t>(static_cast<double>(sm.bytes_scanned()), text.size());
  };
  auto [small, small_size] = scanned(2000);
  auto [big, big_size] = scanned(8000);
  // Before the line index, line() rescanned from the top: 8000 lines scanned 704 MB.
  EXPECT_LE(big, 1.0 * static_cast<double>(big_size));
  EXPECT_LE(big / small, kLinearBound) << small << " -> " << big;
  (void)small_size;
}

template <typename Fn>
double position_work_of(Fn&& fn) {
  std::uint64_t before = base::position_work();
  fn();
  return static_cast<double>(base::position_work() - before);
}

TEST(Scaling, RulesParserPositionWorkIsLinear) {
  auto work = [](int lines) {
    std::string text = "role \"Data Engineer\"\ngroup data \"Data\"\n";
    for (int i = 0; i < lines; ++i) {
      text += "keywords data core: \"word" + std::to_string(i) + "\", \"other\"\n";
    }
    return position_work_of([&] {
      transform::RuleFile out;
      diag::Diagnostics diags;
      EXPECT_TRUE(transform::parse_rules_text(1, text, out, diags));
    });
  };
  double small = work(2000), big = work(8000);
  // With a rescan from the file start per token (the old span()), 8000 lines took ~10^10.
  EXPECT_LE(big / small, kLinearBound) << small << " -> " << big;
}

TEST(Scaling, ResumeReaderPositionWorkIsLinear) {
  auto work = [](int entries) {
    std::string text = "name: Ada\n\n== Experience\n";
    for (int i = 0; i < entries; ++i) {
      text += "=== Engineer " + std::to_string(i) + " | Acme | Baku | 2020-01\n" +
              "- Built **Go** services and [docs](https://example.com/" + std::to_string(i) +
              ") {ops}\n";
    }
    return position_work_of([&] {
      diag::Diagnostics diags;
      EXPECT_TRUE(reader::parse_resume(1, text, diags));
    });
  };
  double small = work(200), big = work(800);
  EXPECT_LE(big / small, kLinearBound) << small << " -> " << big;
}

TEST(Scaling, ResumeReaderWithErrorsOnOneLongLineIsLinear) {
  // Unterminated emphasis all over one long line: each error is located on the same line.
  auto work = [](int n) {
    std::string text = "name: Ada\n\n== Summary\n";
    for (int i = 0; i < n; ++i) text += "**a *b [c](d ";
    text += "\n";
    return position_work_of([&] {
      diag::Diagnostics diags;
      reader::parse_resume(1, text, diags);
    });
  };
  double small = work(500), big = work(2000);
  EXPECT_LE(big / small, kLinearBound) << small << " -> " << big;
}

TEST(Scaling, JsonReaderPositionWorkIsLinearOnAMinifiedLine) {
  auto work = [](int items) {
    std::string text = "{\"basics\": {\"name\": \"Ada\"}, \"work\": [";
    for (int i = 0; i < items; ++i) {
      if (i) text += ',';
      text += "{\"name\": \"Acme " + std::to_string(i) +
              "\", \"position\": \"Engineer\", \"highlights\": [\"Built things\"]}";
    }
    text += "]}";
    return position_work_of([&] {
      diag::Diagnostics diags;
      EXPECT_TRUE(reader::parse_json(1, text, diags));
    });
  };
  double small = work(250), big = work(1000);
  EXPECT_LE(big / small, kLinearBound) << small << " -> " << big;
}

}  // namespace
}  // namespace tailor::test
