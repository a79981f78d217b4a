// The --if-changed manifest round-trips, drops what it cannot read, and the summary reads well.
#include <gtest/gtest.h>

#include "cli/batch.hpp"
#include "cli/batch_manifest.hpp"

using tailor::cli::BuildSummary;
using tailor::cli::format_summary;
using tailor::cli::batch::Manifest;
using tailor::cli::batch::source_id;

namespace {
const std::string kHash1(64, 'a');
const std::string kHash2 = std::string(63, '0') + "f";
}  // namespace

TEST(BatchManifest, RoundTripsSortedByName) {
  Manifest m;
  const std::string src = source_id("in/a.resume");
  m.set("zeta.pdf", {kHash1, kHash2, src});
  m.set("sub/with space.docx", {kHash2, kHash1, src});
  std::string text = m.serialise();
  EXPECT_EQ(text, "# tailor manifest 2\n" + kHash2 + " " + kHash1 + " " + src +
                      " sub/with space.docx\n" + kHash1 + " " + kHash2 + " " + src + " zeta.pdf\n");
  EXPECT_EQ(Manifest::parse(text), m);
  EXPECT_EQ(Manifest::parse(text).get("sub/with space.docx")->key, kHash2);
  EXPECT_EQ(Manifest::parse(text).get("sub/with space.docx")->output, kHash1);
}

TEST(BatchManifest, SourceIdIsThePathLexicallyNormalised) {
  EXPECT_EQ(source_id("./in/a.resume"), source_id("in/a.resume"));
  EXPECT_EQ(source_id("in//x/../a.resume"), source_id("in/a.resume"));
  EXPECT_NE(source_id("in/a.resume"), source_id("in/b.resume"));
  EXPECT_EQ(source_id("a").size(), 16u);
}

TEST(BatchManifest, UnreadableLinesAndOtherVersionsAreDropped) {
  const std::string src(16, 'c');
  Manifest m = Manifest::parse("# tailor manifest 2\n" + kHash1 + " " + kHash2 + " " + src +
                               " ok.pdf\nnot a line\n" + "ABC " + kHash1 + " " + src +
                               " bad-hash.pdf\n" + kHash1 + " " + kHash2 + " XYZ bad-src.pdf\n" +
                               std::string(64, 'G') + " " + kHash1 + " " + src + " upper.pdf\n" +
                               kHash2 + " " + kHash1 + " " + src + " \n");
  EXPECT_EQ(m.size(), 1u);
  EXPECT_EQ(m.get("ok.pdf")->key, kHash1);
  // Version 1 recorded no output hash: everything rebuilds once.
  EXPECT_EQ(Manifest::parse("# tailor manifest 1\n" + kHash1 + " ok.pdf\n").size(), 0u);
  EXPECT_EQ(Manifest::parse("").size(), 0u);
}

TEST(BatchSummary, ReadsAsASentence) {
  BuildSummary s;
  s.built = 120;
  s.inputs_built = 30;
  s.seconds = 2.1;
  s.failed_inputs = {"broken.resume"};
  EXPECT_EQ(format_summary(s),
            "built 120 outputs from 30 inputs in 2.10 s (57/s); 1 input failed: broken.resume");
  BuildSummary up;
  up.up_to_date = 1;
  EXPECT_EQ(format_summary(up), "nothing to build: 1 output up to date");
  BuildSummary many;
  many.built = 1;
  many.inputs_built = 1;
  many.seconds = 0.5;
  many.up_to_date = 7;
  many.failed_inputs = {"a", "b", "c", "d", "e", "f", "g"};
  many.not_built = 3;
  many.fail_fast_stop = true;
  EXPECT_EQ(format_summary(many),
            "built 1 output from 1 input in 0.50 s (2/s); 7 up to date; 7 inputs failed: a, b, c, "
            "d, e, and 2 more; stopped at the first failure (--fail-fast), 3 outputs not built");
}
