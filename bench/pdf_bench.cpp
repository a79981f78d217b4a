// Layout and PDF writing of a typical two-page resume, with fonts resident (batch builds).
#include <benchmark/benchmark.h>

#include "model/source_manager.hpp"
#include "style/load.hpp"
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

}  // namespace

BENCHMARK_MAIN();
