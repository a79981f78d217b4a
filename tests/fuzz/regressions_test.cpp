// Replays every input a fuzzer once crashed on (tests/fuzz/regressions/<target>/) through the
// same entry function the fuzz target calls. Under the sanitizer build a regression aborts
// the test; in any build a thrown exception fails it.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "fuzz/entries.hpp"
#include "support/test_support.hpp"

namespace {

using Entry = void (*)(const std::uint8_t*, std::size_t);

struct Target {
  const char* name;
  Entry entry;
};

const Target kTargets[] = {
    {"markup", tailor::fuzz::markup},    {"json", tailor::fuzz::json},
    {"rules", tailor::fuzz::rules},      {"style", tailor::fuzz::style},
    {"posting", tailor::fuzz::posting},  {"pipeline", tailor::fuzz::pipeline},
    {"shaping", tailor::fuzz::shaping},  {"yaml", tailor::fuzz::yaml},
    {"linkedin", tailor::fuzz::linkedin}};

class FuzzRegressions : public ::testing::TestWithParam<Target> {};

TEST_P(FuzzRegressions, ReplaysEverySavedInput) {
  namespace fs = std::filesystem;
  fs::path dir =
      tailor::test::source_path(std::string("tests/fuzz/regressions/") + GetParam().name);
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().filename() != ".gitkeep") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    SCOPED_TRACE(f.string());
    std::string bytes = tailor::test::slurp(f.string());
    EXPECT_NO_THROW(
        GetParam().entry(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
  }
}

INSTANTIATE_TEST_SUITE_P(Targets, FuzzRegressions, ::testing::ValuesIn(kTargets),
                         [](const auto& p) { return std::string(p.param.name); });

}  // namespace
