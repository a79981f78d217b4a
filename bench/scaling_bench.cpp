// Scaling: the whole in-process pipeline (parse, tailor, layout and PDF; or DOCX) on generated
// resumes of 3, 30 and 120 entries. Google Benchmark fits the times to O(N) and prints the
// coefficient and RMS of the fit (BigO and RMS rows); linear scaling shows as a small RMS.
#include <benchmark/benchmark.h>

#include "bench/bench_support.hpp"
#include "transform/basic.hpp"
#include "transform/engine.hpp"
#include "writer/docx/docx.hpp"
#include "writer/pdf/pdf.hpp"

namespace {

using namespace tailor;

/// Parse the generated markup, tailor it to Infrastructure Engineer, then write with `write`.
template <typename Write>
void pipeline(benchmark::State& state, Write write) {
  int entries = static_cast<int>(state.range(0));
  std::string text = bench::generated_resume(entries);
  const transform::RuleSet& rules = bench::builtin_rules();
  const transform::Profile& profile = bench::builtin_profile("Infrastructure Engineer");
  style::Style st = bench::builtin_style("classic");
  writer::RenderOptions o;
  o.style = &st;
  std::size_t bytes = 0;
  for (auto _ : state) {
    model::SourceManager sources;
    std::uint32_t id = sources.add("generated.resume", text);
    diag::Diagnostics diags;
    auto doc = reader::parse_resume(id, sources.text(id), diags);
    if (!doc) bench::die("cannot parse the generated resume", diags, sources);
    transform::tailor(*doc, profile, rules.lexicon, {});
    std::string out;
    if (!write(*doc, o, out, diags)) bench::die("the writer failed", diags, sources);
    bytes = out.size();
  }
  state.SetComplexityN(entries);
  state.counters["bytes"] = static_cast<double>(bytes);
  state.counters["input_bytes"] = static_cast<double>(text.size());
}

void BM_PipelinePdf(benchmark::State& state) { pipeline(state, writer::write_pdf); }
BENCHMARK(BM_PipelinePdf)
    ->Arg(3)
    ->Arg(30)
    ->Arg(120)
    ->Complexity(benchmark::oN)
    ->Unit(benchmark::kMillisecond);

void BM_PipelineDocx(benchmark::State& state) { pipeline(state, writer::write_docx); }
BENCHMARK(BM_PipelineDocx)
    ->Arg(3)
    ->Arg(30)
    ->Arg(120)
    ->Complexity(benchmark::oN)
    ->Unit(benchmark::kMillisecond);

}  // namespace
