// Readers: .resume markup (Spirit X3 grammar, then lowering) and JSON Resume, from text in memory.
#include <benchmark/benchmark.h>

#include "bench/bench_support.hpp"

namespace {

using namespace tailor;

const char* const kSamples[] = {"samples/aysel.resume", "samples/backend-infra.resume",
                                "samples/infrastructure.resume", "samples/systems.resume"};

/// Parses one sample per argument (index into kSamples); the text is registered once.
void BM_ParseMarkup(benchmark::State& state) {
  const char* relative = kSamples[state.range(0)];
  model::SourceManager sources;
  std::uint32_t id = sources.add(relative, bench::slurp(relative));
  const std::string& text = sources.text(id);
  for (auto _ : state) {
    diag::Diagnostics diags;
    auto doc = reader::parse_resume(id, text, diags);
    if (!doc) bench::die(std::string("cannot parse ") + relative, diags, sources);
    benchmark::DoNotOptimize(doc);
  }
  state.SetLabel(relative);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ParseMarkup)->DenseRange(0, 3)->Unit(benchmark::kMicrosecond);

/// The JSON Resume sample of jsonresume/resume-schema (tests/fixtures/jsonresume, MIT).
void BM_ParseJsonResume(benchmark::State& state) {
  const char* relative = "tests/fixtures/jsonresume/sample.resume.json";
  model::SourceManager sources;
  std::uint32_t id = sources.add(relative, bench::slurp(relative));
  const std::string& text = sources.text(id);
  for (auto _ : state) {
    diag::Diagnostics diags;
    auto doc = reader::parse_json_resume(id, text, diags);
    if (!doc) bench::die(std::string("cannot parse ") + relative, diags, sources);
    benchmark::DoNotOptimize(doc);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ParseJsonResume)->Unit(benchmark::kMicrosecond);

/// What a build does per input: read the file, check UTF-8, register it, parse.
void BM_ReadDocument(benchmark::State& state) {
  std::string path = bench::source_path("samples/aysel.resume");
  for (auto _ : state) {
    model::SourceManager sources;
    diag::Diagnostics diags;
    auto doc = reader::read_document(path, sources, diags);
    if (!doc) bench::die("cannot read " + path, diags, sources);
    benchmark::DoNotOptimize(doc);
  }
}
BENCHMARK(BM_ReadDocument)->Unit(benchmark::kMicrosecond);

/// Markup parsing against input size: generated resumes of 3, 30 and 120 entries.
void BM_ParseMarkupScaling(benchmark::State& state) {
  model::SourceManager sources;
  std::uint32_t id =
      sources.add("generated.resume", bench::generated_resume(static_cast<int>(state.range(0))));
  const std::string& text = sources.text(id);
  for (auto _ : state) {
    diag::Diagnostics diags;
    auto doc = reader::parse_resume(id, text, diags);
    if (!doc) bench::die("cannot parse the generated resume", diags, sources);
    benchmark::DoNotOptimize(doc);
  }
  state.SetComplexityN(state.range(0));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ParseMarkupScaling)
    ->Arg(3)
    ->Arg(30)
    ->Arg(120)
    ->Complexity(benchmark::oN)
    ->Unit(benchmark::kMicrosecond);

}  // namespace
