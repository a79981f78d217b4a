// Hot paths guarded against regression in CI (issue 20), by ratios, not absolute times.
//
// Each check times a path of ours against a fixed reference workload (zlib's deflate of the
// same megabyte at the same level, a system library that our changes never touch) in the
// same process, alternating the two, and compares the median of several ratios with a
// limit. Load on the machine slows both alike, so the ratio holds on a busy 2-core runner
// where an absolute time would not (the medians moved by about 10 % between runs at a load
// average of 14 to 18); the limits are 1.5 times the highest ratio measured in the tests'
// RelWithDebInfo build (docs/performance.md, "Warm path"), so only a real regression trips
// them.
// Sanitizer builds change our code's speed and not zlib's: there the checks are skipped.
#include <gtest/gtest.h>
#include <time.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/source_manager.hpp"
#include "style/load.hpp"
#include "support/test_support.hpp"
#include "transform/built_in_roles.hpp"
#include "transform/engine.hpp"
#include "transform/rules.hpp"
#include "transform/tokens.hpp"
#include "writer/pdf/deflate.hpp"
#include "writer/pdf/pdf.hpp"
#include "writer/pdf/shared_streams.hpp"
#include "writer/pdf_fixtures.hpp"

#if defined(__SANITIZE_ADDRESS__)
#define TAILOR_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(undefined_behavior_sanitizer)
#define TAILOR_SANITIZED 1
#endif
#endif

namespace tailor::test {
namespace {

/// CPU time of this thread, or of the whole process (a batch runs on its worker threads).
double cpu_seconds(clockid_t clock = CLOCK_THREAD_CPUTIME_ID) {
  timespec t{};
  clock_gettime(clock, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

double timed(const std::function<void()>& f, clockid_t clock = CLOCK_THREAD_CPUTIME_ID) {
  double start = cpu_seconds(clock);
  f();
  return cpu_seconds(clock) - start;
}

/// The reference: deflate one fixed megabyte of text-like bytes at zlib's default level.
void reference_work() {
  static const std::string input = [] {
    std::mt19937 rng(20);
    const char* words[] = {"payment ", "ledger ",  "Kubernetes ", "latency ", "service ",
                           "Bakı ",    "on-call ", "Terraform ",  "p99 ",     "queue "};
    std::string s;
    while (s.size() < (1u << 20)) s += words[rng() % 10];
    return s;
  }();
  std::vector<Bytef> out(compressBound(input.size()));
  uLongf len = out.size();
  compress2(out.data(), &len, reinterpret_cast<const Bytef*>(input.data()), input.size(),
            Z_DEFAULT_COMPRESSION);
  ASSERT_GT(len, 0u);
}

/// Median over `rounds` of time(subject) / time(reference), the two alternating.
double median_ratio(const std::function<void()>& subject, int rounds = 9,
                    clockid_t clock = CLOCK_THREAD_CPUTIME_ID) {
  subject();  // warm: faces loaded, code paged in
  reference_work();
  std::vector<double> ratios;
  for (int i = 0; i < rounds; ++i) {
    double ref = timed(reference_work, clock);
    double sub = timed(subject, clock);
    ratios.push_back(sub / ref);
  }
  std::sort(ratios.begin(), ratios.end());
  return ratios[ratios.size() / 2];
}

style::Style classic() {
  model::SourceManager sm;
  diag::Diagnostics diags;
  auto s = style::load_style("classic", sm, diags);
  EXPECT_TRUE(s.has_value());
  return s.value_or(style::Style{});
}

/// Builds the PDFs of `docs`, one after another, as a batch's worker does.
void build_pdfs(const std::vector<model::Document>& docs, const style::Style& st) {
  writer::RenderOptions o;
  o.style = &st;
  o.source_date_epoch = 1700000000;
  for (const model::Document& doc : docs) {
    std::string bytes;
    diag::Diagnostics d;
    ASSERT_TRUE(writer::write_pdf(doc, o, bytes, d));
  }
}

std::vector<model::Document> distinct_documents(int n) {
  const char* names[] = {"Aysel Məmmədova", "Kamran Əliyev", "Nigar Qasımova",   "Orxan Rzayev",
                         "Səbinə Babayeva", "Tural Quliyev", "Ülviyyə Şükürova", "Elçin Nəsirov"};
  std::vector<model::Document> docs;
  for (int i = 0; i < n; ++i) {
    docs.push_back(sample_resume(4, 3));
    docs.back().header.name.value = names[i % 8];
  }
  return docs;
}

TEST(HotPaths, WarmPdfPerDocumentAgainstDeflate) {
#ifdef TAILOR_SANITIZED
  GTEST_SKIP() << "timings of a sanitizer build say nothing about the release build";
#endif
  style::Style st = classic();
  std::vector<model::Document> docs = distinct_documents(8);
  double ratio = median_ratio([&] { build_pdfs(docs, st); });
  std::printf("warm PDF, 8 distinct documents / deflate of 1 MiB: %.3f\n", ratio);
  // Measured 0.76 to 0.78 (Release: 0.77 to 0.82).
  EXPECT_LT(ratio, 1.2);
}

TEST(HotPaths, SharedSubsetsAndStreamsMakeARepeatedDocumentCheaper) {
#ifdef TAILOR_SANITIZED
  GTEST_SKIP() << "timings of a sanitizer build say nothing about the release build";
#endif
  style::Style st = classic();
  std::vector<model::Document> docs = distinct_documents(4);
  // The same four documents with the caches emptied before each, and with them kept: the
  // second is what a batch of one template pays per document.
  auto cold = [&] {
    for (const model::Document& doc : docs) {
      writer::pdf::clear_shared_streams();
      build_pdfs({doc}, st);
    }
  };
  auto warm = [&] { build_pdfs(docs, st); };
  std::vector<double> ratios;
  cold();
  warm();
  for (int i = 0; i < 9; ++i) {
    double c = timed(cold);
    double w = timed(warm);
    ratios.push_back(w / c);
  }
  std::sort(ratios.begin(), ratios.end());
  double ratio = ratios[ratios.size() / 2];
  std::printf("warm PDF with shared subsets / without: %.3f\n", ratio);
  // Sharing saves subsetting and deflating the fonts: measured 0.81 to 0.82 (Release: 0.79
  // to 0.83). Above 0.95, the caches have stopped answering.
  EXPECT_LT(ratio, 0.95);
}

TEST(HotPaths, BatchOfEightTailoredPdfsAgainstDeflate) {
#ifdef TAILOR_SANITIZED
  GTEST_SKIP() << "timings of a sanitizer build say nothing about the release build";
#endif
  // The whole batch path in process: read, parse, tailor, lay out, write, stage, commit.
  // Eight distinct resumes: the samples, each under two names.
  std::filesystem::path dir = std::filesystem::temp_directory_path() / "tailor-hot-batch";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::filesystem::path out = dir / "out";
  std::vector<std::string> args{"build"};
  int n = 0;
  for (const char* person : {"Kamran Əliyev", "Nigar Qasımova"}) {
    for (const std::string& s : list_files("samples", ".resume")) {
      std::string text = slurp(source_path(s));
      std::size_t at = text.find("name:");
      ASSERT_NE(at, std::string::npos) << s;
      text.replace(at, text.find('\n', at) - at, std::string("name: ") + person);
      std::filesystem::path in = dir / ("cv" + std::to_string(n++) + ".resume");
      std::ofstream(in) << text;
      args.push_back(in.string());
    }
  }
  for (const char* a :
       {"--role", "Infrastructure Engineer", "--format", "pdf", "--jobs", "1", "--out-dir"}) {
    args.push_back(a);
  }
  args.push_back(out.string());
  auto batch = [&] {
    std::filesystem::remove_all(out);
    CliResult r = run_cli(args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  };
  double ratio = median_ratio(batch, 5, CLOCK_PROCESS_CPUTIME_ID);
  std::printf("batch of 8 tailored PDFs, --jobs 1 / deflate of 1 MiB: %.3f\n", ratio);
  // Measured 1.49 to 1.65 (Release: 1.55 to 1.61).
  EXPECT_LT(ratio, 2.5);
  std::filesystem::remove_all(dir);
}

TEST(HotPaths, TailoringWithTheRolesKeptIndexAgainstBuildingItPerDocument) {
#ifdef TAILOR_SANITIZED
  GTEST_SKIP() << "timings of a sanitizer build say nothing about the release build";
#endif
  // A batch builds each role's keyword index once (RoleTargets::indexes); tailoring a
  // document then only reads it. Both sides tailor the same eight documents.
  const transform::Profile& p = built_in_role("infrastructure");
  const transform::Lexicon& lex = built_in_roles().rules.lexicon;
  std::vector<model::Document> docs = distinct_documents(8);
  transform::KeywordIndex kept(p, lex);
  auto run = [&](const transform::KeywordIndex* index) {
    for (const model::Document& d : docs) {
      model::Document doc = d;
      transform::TailorOptions o;
      o.index = index;
      transform::tailor(doc, p, lex, o);
    }
  };
  std::vector<double> ratios;
  run(nullptr);
  run(&kept);
  for (int i = 0; i < 9; ++i) {
    double own = timed([&] { run(nullptr); });
    double shared = timed([&] { run(&kept); });
    ratios.push_back(shared / own);
  }
  std::sort(ratios.begin(), ratios.end());
  double ratio = ratios[ratios.size() / 2];
  std::printf("tailoring with the kept index / building it per document: %.3f\n", ratio);
  // Measured 0.49 to 0.54. Above the limit, the kept index has stopped saving its set-up.
  EXPECT_LT(ratio, 0.81);
}

TEST(HotPaths, LoadingOneNamedRoleAgainstLoadingEveryRole) {
#ifdef TAILOR_SANITIZED
  GTEST_SKIP() << "timings of a sanitizer build say nothing about the release build";
#endif
  // A build for one named built-in role parses the lexicon and that role's file
  // (transform::load_builtin_rules_for), not every profile.
  auto load = [](bool one) {
    model::SourceManager sources;
    transform::RuleSet rules;
    diag::Diagnostics diags;
    if (one) {
      std::optional<bool> ok =
          transform::load_builtin_rules_for(sources, rules, diags, {"Infrastructure Engineer"});
      ASSERT_TRUE(ok && *ok);
    } else {
      ASSERT_TRUE(transform::load_builtin_rules(sources, rules, diags));
    }
  };
  std::vector<double> ratios;
  load(true);
  load(false);
  for (int i = 0; i < 9; ++i) {
    double all = timed([&] {
      for (int k = 0; k < 10; ++k) load(false);
    });
    double one = timed([&] {
      for (int k = 0; k < 10; ++k) load(true);
    });
    ratios.push_back(one / all);
  }
  std::sort(ratios.begin(), ratios.end());
  double ratio = ratios[ratios.size() / 2];
  std::printf("loading one named role / loading every role: %.3f\n", ratio);
  // Measured 0.44 to 0.46. Above the limit, a build for one role parses more than it needs.
  EXPECT_LT(ratio, 0.70);
}

TEST(HotPaths, MatchingKeptTextsAgainstTokenizingThem) {
#ifdef TAILOR_SANITIZED
  GTEST_SKIP() << "timings of a sanitizer build say nothing about the release build";
#endif
  // Each matcher that reads a text finds its tokens in the thread's token cache
  // (transform/token_cache.hpp) instead of tokenizing it again. Both sides read every line of
  // the sample resumes: the role's keyword index finding its terms, against tokenizing.
  const transform::Profile& p = built_in_role("infrastructure");
  const transform::Lexicon& lex = built_in_roles().rules.lexicon;
  transform::KeywordIndex index(p, lex);
  std::vector<std::string> lines;
  for (const auto& f : std::filesystem::directory_iterator(TAILOR_SOURCE_DIR "/samples")) {
    std::ifstream in(f.path());
    for (std::string l; std::getline(in, l);) {
      if (!l.empty()) lines.push_back(l);
    }
  }
  ASSERT_GT(lines.size(), 100u);
  std::size_t sink = 0;
  auto find = [&] {
    for (int r = 0; r < 20; ++r) {
      for (const std::string& l : lines) sink += index.term_hits(l, {}).size();
    }
  };
  auto tokenize = [&] {
    for (int r = 0; r < 20; ++r) {
      for (const std::string& l : lines) sink += transform::tokenize(l).size();
    }
  };
  find();
  tokenize();
  std::vector<double> ratios;
  for (int i = 0; i < 9; ++i) {
    double t = timed(tokenize);
    double m = timed(find);
    ratios.push_back(m / t);
  }
  std::sort(ratios.begin(), ratios.end());
  double ratio = ratios[ratios.size() / 2];
  std::printf("finding terms in kept texts / tokenizing them: %.3f (%zu)\n", ratio, sink);
  // Measured 0.42 to 0.44; tokenizing again in every find (as before the cache) gave 1.58,
  // three runs each. Above the limit the tokens are no longer kept.
  EXPECT_LT(ratio, 0.66);
}

TEST(HotPaths, PdfDeflateAgainstCompress2) {
#ifdef TAILOR_SANITIZED
  GTEST_SKIP() << "timings of a sanitizer build say nothing about the release build";
#endif
  // Every PDF stream goes through deflate_default (page contents, fonts, the object stream):
  // the same zlib work as compress2, with the thread's blocks reused and no copy in between.
  std::mt19937 rng(20);
  std::string content;
  while (content.size() < 24000) {
    content += "1 0 0 1 " + std::to_string(rng() % 600) + " 700.5 Tm\n[<00" +
               std::to_string(rng() % 90 + 10) + "> -12.5 <0031> ] TJ\n";
  }
  auto ours = [&] {
    for (int i = 0; i < 20; ++i) {
      std::string out;
      ASSERT_TRUE(writer::pdf::deflate_default(content, out));
    }
  };
  auto zlib = [&] {
    for (int i = 0; i < 20; ++i) {
      std::vector<Bytef> out(compressBound(content.size()));
      uLongf len = out.size();
      compress2(out.data(), &len, reinterpret_cast<const Bytef*>(content.data()), content.size(),
                Z_DEFAULT_COMPRESSION);
    }
  };
  std::vector<double> ratios;
  ours();
  zlib();
  for (int i = 0; i < 9; ++i) {
    double z = timed(zlib);
    double o = timed(ours);
    ratios.push_back(o / z);
  }
  std::sort(ratios.begin(), ratios.end());
  double ratio = ratios[ratios.size() / 2];
  std::printf("deflate_default / compress2, 20 page-sized streams: %.3f\n", ratio);
  // Measured 0.61 to 0.96 (compress2 allocates zlib's blocks and its output for every
  // stream). Above the limit, something was added around zlib's own work.
  EXPECT_LT(ratio, 1.44);
}

}  // namespace
}  // namespace tailor::test
