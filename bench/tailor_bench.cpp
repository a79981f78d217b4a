// Tailoring: loading the role profiles, the rule engine on a sample, and job-posting matching.
#include <benchmark/benchmark.h>

#include "bench/bench_support.hpp"
#include "transform/basic.hpp"
#include "transform/engine.hpp"
#include "transform/job.hpp"

namespace {

using namespace tailor;

const char* const kRoles[] = {"Infrastructure Engineer", "Backend Engineer",
                              "Site Reliability Engineer"};

/// Every process that tailors loads templates/roles (lexicon and eight profiles) first.
void BM_LoadBuiltinRoles(benchmark::State& state) {
  for (auto _ : state) {
    model::SourceManager sources;
    transform::RuleSet rules;
    diag::Diagnostics diags;
    if (!transform::load_builtin_rules(sources, rules, diags)) {
      bench::die("cannot load the built-in roles", diags, sources);
    }
    benchmark::DoNotOptimize(rules);
  }
}
BENCHMARK(BM_LoadBuiltinRoles)->Unit(benchmark::kMicrosecond);

/// The baseline of BM_TailorRole: each iteration tailors a fresh copy of the parsed sample,
/// so subtract this copy to get the engine alone.
void BM_CopyDocument(benchmark::State& state) {
  const model::Document master = bench::read_sample("samples/aysel.resume");
  for (auto _ : state) {
    model::Document doc = master;
    benchmark::DoNotOptimize(doc);
  }
}
BENCHMARK(BM_CopyDocument)->Unit(benchmark::kMicrosecond);

/// `build --role R`: the engine (evidence, summary variant, headline, skill and bullet order,
/// emphasis, section order) on samples/aysel.resume, one role per argument (kRoles).
void BM_TailorRole(benchmark::State& state) {
  const model::Document master = bench::read_sample("samples/aysel.resume");
  const transform::RuleSet& rules = bench::builtin_rules();
  const transform::Profile& profile = bench::builtin_profile(kRoles[state.range(0)]);
  for (auto _ : state) {
    model::Document doc = master;
    transform::Report report = transform::tailor(doc, profile, rules.lexicon, {});
    benchmark::DoNotOptimize(report);
    benchmark::DoNotOptimize(doc);
  }
  state.SetLabel(kRoles[state.range(0)]);
}
BENCHMARK(BM_TailorRole)->DenseRange(0, 2)->Unit(benchmark::kMicrosecond);

const char* const kPostings[] = {"tests/fixtures/jobs/infrastructure.txt",
                                 "tests/fixtures/jobs/backend.json", "tests/fixtures/jobs/sre.json",
                                 "tests/fixtures/jobs/systems.txt"};

/// Reading a posting (plain text or JSON job schema), one per argument (kPostings).
void BM_ReadPosting(benchmark::State& state) {
  std::string path = bench::source_path(kPostings[state.range(0)]);
  for (auto _ : state) {
    model::SourceManager sources;
    diag::Diagnostics diags;
    auto posting = transform::read_posting(path, sources, diags);
    if (!posting) bench::die("cannot read " + path, diags, sources);
    benchmark::DoNotOptimize(posting);
  }
  state.SetLabel(kPostings[state.range(0)]);
}
BENCHMARK(BM_ReadPosting)->DenseRange(0, 3)->Unit(benchmark::kMicrosecond);

/// `tailor match`: derive the posting's profile for the resume, then score the resume.
void BM_MatchPosting(benchmark::State& state) {
  const model::Document resume = bench::read_sample("samples/aysel.resume");
  const transform::RuleSet& rules = bench::builtin_rules();
  model::SourceManager sources;
  diag::Diagnostics diags;
  std::string path = bench::source_path(kPostings[state.range(0)]);
  auto posting = transform::read_posting(path, sources, diags);
  if (!posting) bench::die("cannot read " + path, diags, sources);
  for (auto _ : state) {
    transform::JobAnalysis analysis = transform::analyse_posting(*posting, rules, resume);
    transform::MatchResult result = transform::match_resume(analysis, rules, resume);
    benchmark::DoNotOptimize(result);
  }
  state.SetLabel(kPostings[state.range(0)]);
}
BENCHMARK(BM_MatchPosting)->DenseRange(0, 3)->Unit(benchmark::kMicrosecond);

/// `build --job FILE`: derive the posting's profile, then tailor a copy of the resume to it.
void BM_TailorToPosting(benchmark::State& state) {
  const model::Document master = bench::read_sample("samples/aysel.resume");
  const transform::RuleSet& rules = bench::builtin_rules();
  model::SourceManager sources;
  diag::Diagnostics diags;
  std::string path = bench::source_path(kPostings[state.range(0)]);
  auto posting = transform::read_posting(path, sources, diags);
  if (!posting) bench::die("cannot read " + path, diags, sources);
  for (auto _ : state) {
    model::Document doc = master;
    transform::JobAnalysis analysis = transform::analyse_posting(*posting, rules, doc);
    transform::Report report = transform::tailor(doc, analysis.profile, rules.lexicon, {});
    benchmark::DoNotOptimize(report);
    benchmark::DoNotOptimize(doc);
  }
  state.SetLabel(kPostings[state.range(0)]);
}
BENCHMARK(BM_TailorToPosting)->DenseRange(0, 3)->Unit(benchmark::kMicrosecond);

/// The engine against input size: generated resumes of 3, 30 and 120 entries.
void BM_TailorScaling(benchmark::State& state) {
  model::SourceManager sources;
  diag::Diagnostics diags;
  std::uint32_t id =
      sources.add("generated.resume", bench::generated_resume(static_cast<int>(state.range(0))));
  auto master = reader::parse_resume(id, sources.text(id), diags);
  if (!master) bench::die("cannot parse the generated resume", diags, sources);
  const transform::RuleSet& rules = bench::builtin_rules();
  const transform::Profile& profile = bench::builtin_profile("Infrastructure Engineer");
  for (auto _ : state) {
    model::Document doc = *master;
    transform::Report report = transform::tailor(doc, profile, rules.lexicon, {});
    benchmark::DoNotOptimize(report);
  }
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_TailorScaling)
    ->Arg(3)
    ->Arg(30)
    ->Arg(120)
    ->Complexity(benchmark::oN)
    ->Unit(benchmark::kMicrosecond);

}  // namespace
