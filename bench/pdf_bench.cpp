// Layout, font start-up and subsetting, and PDF writing of a typical two-page resume. Fonts are
// resident after the first iteration (the process-wide face cache), as in a batch build;
// BM_FontconfigInit, BM_MatchFont and BM_LoadFace measure what each process pays once.
#include <benchmark/benchmark.h>
#include <fontconfig/fontconfig.h>

#include <set>

#include "base/utf8.hpp"
#include "bench/bench_support.hpp"
#include "model/source_manager.hpp"
#include "style/load.hpp"
#include "transform/engine.hpp"
#include "writer/pdf/fonts.hpp"
#include "writer/pdf/pdf.hpp"
#include "writer/pdf_fixtures.hpp"

namespace {

using namespace tailor;

style::Style load(const char* name) {
  model::SourceManager sm;
  diag::Diagnostics d;
  return style::load_style(name, sm, d).value_or(style::Style{});
}

void BM_LayoutTwoPass(benchmark::State& state) {
  model::Document doc = test::sample_resume(6, 4);
  style::Style st = load("classic");
  writer::RenderOptions o;
  o.style = &st;
  for (auto _ : state) {
    writer::pdf::DisplayList dl;
    std::vector<std::string> subsets;
    diag::Diagnostics d;
    benchmark::DoNotOptimize(writer::pdf::layout_two_pass(doc, o, dl, subsets, d));
  }
}
BENCHMARK(BM_LayoutTwoPass)->Unit(benchmark::kMillisecond);

void BM_WritePdf(benchmark::State& state) {
  model::Document doc = test::sample_resume(6, 4);
  style::Style st = load(state.range(0) == 0   ? "classic"
                         : state.range(0) == 1 ? "modern"
                                               : "compact");
  writer::RenderOptions o;
  o.style = &st;
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::string out;
    diag::Diagnostics d;
    writer::write_pdf(doc, o, out, d);
    bytes = out.size();
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_WritePdf)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);

void BM_FitToOnePage(benchmark::State& state) {
  model::Document doc = test::sample_resume(4, 3);
  style::Style st = load("classic");
  writer::RenderOptions o;
  o.style = &st;
  o.max_pages = 1;
  for (auto _ : state) {
    diag::Diagnostics d;
    benchmark::DoNotOptimize(writer::pdf::fit_to_pages(doc, o, d));
  }
}
BENCHMARK(BM_FitToOnePage)->Unit(benchmark::kMillisecond);

/// samples/aysel.resume tailored to Infrastructure Engineer, as `tailor build --role` renders it.
model::Document tailored_aysel() {
  model::Document doc = bench::read_sample("samples/aysel.resume");
  transform::tailor(doc, bench::builtin_profile("Infrastructure Engineer"),
                    bench::builtin_rules().lexicon, {});
  return doc;
}

/// The real sample rather than the C++ fixture: two pages, three faces of the classic style.
void BM_WritePdfSample(benchmark::State& state) {
  model::Document doc = tailored_aysel();
  style::Style st = load("classic");
  writer::RenderOptions o;
  o.style = &st;
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::string out;
    diag::Diagnostics d;
    if (!writer::write_pdf(doc, o, out, d)) bench::die("write_pdf failed", d, {});
    bytes = out.size();
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_WritePdfSample)->Unit(benchmark::kMillisecond);

/// Loading fontconfig's configuration and caches, which every process does on its first
/// font lookup (FcConfigGetCurrent). A fresh configuration each iteration.
void BM_FontconfigInit(benchmark::State& state) {
  for (auto _ : state) {
    FcConfig* config = FcInitLoadConfigAndFonts();
    benchmark::DoNotOptimize(config);
    FcConfigDestroy(config);
  }
}
BENCHMARK(BM_FontconfigInit)->Unit(benchmark::kMillisecond);

/// One fontconfig query (family, weight, slant, TrueType) once the configuration is loaded.
/// A build makes one per face it uses (three for classic), then caches the answer.
void BM_MatchFont(benchmark::State& state) {
  writer::pdf::FaceKey key{"Liberation Serif", true, false};
  for (auto _ : state) {
    writer::pdf::FontMatch m = writer::pdf::match_font(key);
    if (m.file.empty()) state.SkipWithError("no Liberation Serif Bold");
    benchmark::DoNotOptimize(m);
  }
}
BENCHMARK(BM_MatchFont)->Unit(benchmark::kMicrosecond);

/// Reading and parsing one TrueType face from disk (HarfBuzz blob, face and font), which the
/// face cache does once per face and process.
void BM_LoadFace(benchmark::State& state) {
  writer::pdf::FontMatch m = writer::pdf::match_font({"Liberation Serif", false, false});
  if (m.file.empty()) {
    state.SkipWithError("no Liberation Serif");
    return;
  }
  for (auto _ : state) {
    auto face = writer::pdf::Face::from_file(m.file, m.index);
    if (!face) state.SkipWithError("cannot load the face");
    benchmark::DoNotOptimize(face);
  }
  state.SetLabel(m.file);
}
BENCHMARK(BM_LoadFace)->Unit(benchmark::kMicrosecond);

/// hb-subset alone: one face subset to every code point of samples/aysel.resume (Latin,
/// Azerbaijani and Cyrillic letters), hinting dropped, as the PDF writer does per face.
/// Argument: 0 Liberation Serif, 1 Liberation Sans, 2 DejaVu Sans Condensed.
void BM_SubsetFace(benchmark::State& state) {
  const char* families[] = {"Liberation Serif", "Liberation Sans", "DejaVu Sans Condensed"};
  const char* family = families[state.range(0)];
  const writer::pdf::Face* face = writer::pdf::cached_face({family, false, false});
  if (!face) {
    state.SkipWithError("face not installed");
    return;
  }
  std::string text = bench::slurp("samples/aysel.resume");
  std::set<char32_t> cps;
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = base::decode_next(text, i);
    if (cp >= 0x20 && face->has(cp)) cps.insert(cp);
  }
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::string out = face->subset(cps);
    if (out.empty()) state.SkipWithError("hb-subset failed");
    bytes = out.size();
  }
  state.SetLabel(family);
  state.counters["code_points"] = static_cast<double>(cps.size());
  state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_SubsetFace)->DenseRange(0, 2)->Unit(benchmark::kMicrosecond);

}  // namespace
