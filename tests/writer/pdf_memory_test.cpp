// The PDF writer's memory is linear in the text with a small constant (issue 15: under 20
// times the input). The display list holds every drawn glyph until the file is written; as a
// shaped Glyph (56 bytes with its std::string) that made 1 MiB of prose peak at 85 MB and
// 10 MiB at 718 MB. Glyphs are now packed (glyph_run.hpp). These tests guard the packing
// itself, the bytes a laid-out glyph costs, and the peak memory of the real program.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "style/load.hpp"
#include "writer/pdf/display_list.hpp"
#include "writer/pdf/fonts.hpp"
#include "writer/pdf/pdf.hpp"

extern char** environ;

namespace tailor::test {
namespace {

namespace fs = std::filesystem;
using writer::pdf::GlyphRun;
using writer::pdf::GlyphTable;

TEST(PdfGlyphRun, ItemsComeBackAsPacked) {
  GlyphRun run;
  std::vector<GlyphRun::Item> items = {
      {0, std::nullopt, std::nullopt},
      {31, -1500, std::nullopt},             // "-1.5"
      {32, 1, 2.25},                         // a raised mark
      {70000, -(std::int64_t{1} << 40), 0},  // a large number, back to the baseline
      {5, 0, std::nullopt},                  // an adjustment that rounds to 0 stays one
  };
  for (const GlyphRun::Item& i : items) run.push(i);
  std::size_t k = 0;
  for (GlyphRun::Reader r(run); auto got = r.next(); ++k) {
    ASSERT_LT(k, items.size());
    EXPECT_EQ(got->ref, items[k].ref);
    EXPECT_EQ(got->adjust, items[k].adjust);
    EXPECT_EQ(got->rise, items[k].rise);
  }
  EXPECT_EQ(k, items.size());
}

TEST(PdfGlyphRun, AdjustmentsAreWrittenAsTheContentStreamNumbers) {
  auto text = [](std::int64_t v) {
    std::string s;
    writer::pdf::append_adjust(s, v);
    return s;
  };
  EXPECT_EQ(text(0), "0");
  EXPECT_EQ(text(1), "0.001");
  EXPECT_EQ(text(-1), "-0.001");
  EXPECT_EQ(text(-1500), "-1.5");
  EXPECT_EQ(text(12340), "12.34");
  EXPECT_EQ(text(-250000), "-250");
}

TEST(PdfGlyphRun, TableNamesEachPairOnce) {
  GlyphTable t;
  auto a = t.intern(36, "A");
  auto b = t.intern(36, "Á");  // one glyph for two texts: two pairs
  EXPECT_NE(a, b);
  EXPECT_EQ(t.intern(36, "A"), a);
  EXPECT_EQ(t.intern(0x41000000u, ""), 2u);  // gid bytes and text never run together
  EXPECT_EQ(t.intern(0x41, std::string("\0\0\0", 3)), 3u);
  EXPECT_EQ(t.size(), 4u);
  EXPECT_EQ(t.gid(b), 36u);
  EXPECT_EQ(t.text(b), "Á");
}

TEST(PdfGlyphRun, TableNumbersPairsInTheOrderFirstDrawnForAnyGlyphID) {
  // IDs below and above the table's direct index, one ID standing for several texts, and
  // every pair drawn again and again: the numbers are those of a plain map of first sightings.
  std::uint32_t x = 20;
  auto next = [&] { return x = x * 1664525u + 1013904223u; };
  const char* texts[] = {"a", "b", "fi", "", "\xc9\x99"};
  GlyphTable t;
  std::map<std::pair<unsigned, std::string>, std::uint32_t> first;
  for (int i = 0; i < 5000; ++i) {
    unsigned gid = (next() >> 8) % 40;
    if (next() % 5 == 0) gid += 4090;  // around and past the direct index's end
    std::string text = texts[(next() >> 12) % (gid % 3 == 0 ? 5 : 1)];
    auto [it, added] = first.try_emplace({gid, text}, static_cast<std::uint32_t>(first.size()));
    ASSERT_EQ(t.intern(gid, text), it->second) << gid << " '" << text << "' at " << i;
  }
  EXPECT_EQ(t.size(), first.size());
}

TEST(PdfGlyphRun, GlyphWidthIsTheFacesAdvance) {
  // ASCII glyphs are read from the face's table by ID, others from HarfBuzz: both give the
  // advance width1000 reads by code point.
  for (bool bold : {false, true}) {
    const writer::pdf::Face* face = writer::pdf::cached_face({"Liberation Serif", bold, false});
    ASSERT_NE(face, nullptr) << "Liberation Serif is not installed";
    std::u32string cps = U"əşğüöçıİ—–‘’“”€";
    for (char32_t cp = 32; cp < 127; ++cp) cps += cp;
    for (char32_t cp : cps) {
      ASSERT_TRUE(face->has(cp)) << static_cast<unsigned>(cp);
      double w = face->glyph_width1000(face->glyph(cp));
      EXPECT_EQ(static_cast<int>(std::floor(w)), face->width1000(cp)) << static_cast<unsigned>(cp);
    }
  }
}

/// Words of 1 to 12 letters, some capitalised, some with punctuation after them.
std::string prose_words(std::size_t bytes, std::uint32_t seed) {
  static const char* kWords[] = {"a",        "of",          "Go",       "the",      "rust",
                                 "Ledger",   "queue,",      "migrated", "p99",      "(beta)",
                                 "latency.", "Kubernetes",  "reduced",  "shards;",  "gRPC",
                                 "team",     "throughput,", "on-call",  "Postgres", "12%"};
  std::string s;
  std::uint32_t x = seed;
  while (s.size() < bytes) {
    x = x * 1664525u + 1013904223u;
    if (!s.empty()) s += ' ';
    s += kWords[(x >> 16) % (sizeof kWords / sizeof *kWords)];
  }
  return s;
}

TEST(PdfMemory, LaidOutLatinTextCostsAFewBytesAGlyph) {
  using namespace model;
  Document doc;
  doc.header.name.value = "Ada Lovelace";
  Section s;
  s.kind = SectionKind::Summary;
  s.title = "Summary";
  for (std::uint32_t k = 0; k < 40; ++k) {
    Paragraph p;
    model::Run r;
    r.text = prose_words(5000, k);
    p.text.push_back(r);
    s.blocks.push_back(p);
  }
  doc.sections.push_back(s);
  SourceManager sm;
  diag::Diagnostics diags;
  auto st = style::load_style("classic", sm, diags);
  ASSERT_TRUE(st.has_value());
  writer::RenderOptions o;
  o.style = &*st;
  writer::pdf::DisplayList dl;
  std::vector<std::string> subsets;
  ASSERT_TRUE(writer::pdf::layout_two_pass(doc, o, dl, subsets, diags));
  std::size_t glyphs = 0, bytes = 0, text = 0;
  for (const writer::pdf::Op& op : dl.ops) {
    for (GlyphRun::Reader r(op.glyphs); r.next();) ++glyphs;
    bytes += op.glyphs.bytes();
    text += op.text.size();
  }
  ASSERT_GT(glyphs, 150000u);
  // Two bytes for most glyphs (a pair's number and its flags), more for a kerned one. The
  // shaped Glyph it replaces is 56.
  EXPECT_LE(static_cast<double>(bytes) / static_cast<double>(glyphs), 3.0)
      << bytes << " bytes for " << glyphs << " glyphs";
  // The distinct pairs, not the glyphs: letters, digits, punctuation, in a few faces.
  EXPECT_LT(dl.glyph_table.size(), 200u);
  // The ops themselves (about 250 bytes each, one per line of one look) stay a fraction of
  // the text they draw.
  EXPECT_LE(static_cast<double>(dl.ops.size() * sizeof(writer::pdf::Op)), 4.0 * text);
}

#if defined(__SANITIZE_ADDRESS__)
#define TAILOR_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define TAILOR_SANITIZED 1
#endif
#endif

/// Peak resident memory (bytes) of `tailor build FILE --format pdf` in a child process.
long peak_rss_of_pdf_build(const fs::path& input, const fs::path& out_dir) {
  std::string bin = TAILOR_BINARY;
  std::vector<std::string> args = {bin,         "build",          input.string(), "--format", "pdf",
                                   "--out-dir", out_dir.string(), "-j",           "1"};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = -1;
  int rc = posix_spawn(&pid, bin.c_str(), &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0) return -1;
  int status = 0;
  rusage ru{};
  if (wait4(pid, &status, 0, &ru) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return -1;
  }
  return ru.ru_maxrss * 1024L;  // kilobytes on Linux
}

TEST(PdfMemory, PeakOfALargeResumeStaysUnder20TimesItsSize) {
#ifdef TAILOR_SANITIZED
  GTEST_SKIP() << "a sanitizer's shadow memory is not the program's";
#endif
  fs::path dir = fs::temp_directory_path() / ("tailor-pdf-memory-" + std::to_string(::getpid()));
  fs::create_directories(dir / "out");
  auto write = [&](const char* name, const std::string& text) {
    std::ofstream(dir / name, std::ios::binary) << text;
    return dir / name;
  };
  fs::path minimal = write("minimal.resume", "name: Ada\n\n== Summary\nShort.\n");
  // About 1 MiB each: a summary of paragraphs of long lines, and bullets of one long line.
  std::string prose = "name: Ada\n\n== Summary\n";
  for (std::uint32_t k = 0; prose.size() < (1u << 20); ++k) {
    prose += prose_words(900, k) + (k % 12 == 11 ? "\n\n" : "\n");
  }
  std::string bullets = "name: Ada\n\n== Experience\n=== Engineer | Acme | | 2021\n";
  for (std::uint32_t k = 100; bullets.size() < (1u << 20); ++k) {
    bullets += "- " + prose_words(40000, k) + "\n";
  }
  long base = peak_rss_of_pdf_build(minimal, dir / "out");
  ASSERT_GT(base, 0) << "tailor build failed on a minimal resume";
  for (const auto& [name, text] :
       {std::pair<const char*, const std::string&>{"prose.resume", prose},
        {"bullets.resume", bullets}}) {
    SCOPED_TRACE(name);
    long peak = peak_rss_of_pdf_build(write(name, text), dir / "out");
    ASSERT_GT(peak, 0) << "tailor build failed";
    // The fixed part (fonts, ICU, the program) is the minimal resume's peak; what the input
    // adds must stay under 20 times its size.
    double times = static_cast<double>(peak - base) / static_cast<double>(text.size());
    EXPECT_LT(times, 20.0) << peak / 1024 << " KB peak, " << base / 1024 << " KB for a minimal "
                           << "resume, input " << text.size() << " bytes";
    RecordProperty(std::string(name) + "_times_input", std::to_string(times));
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace tailor::test
