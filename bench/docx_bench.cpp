// DOCX writing: the parts (pugixml), the zip (libzip, deflate), and Flat OPC, on the same
// tailored sample the PDF benchmarks use.
#include <benchmark/benchmark.h>

#include "bench/bench_support.hpp"
#include "transform/engine.hpp"
#include "writer/docx/docx.hpp"

namespace {

using namespace tailor;

struct Fixture {
  model::Document doc;
  style::Style style;
  writer::RenderOptions options;
};

/// samples/aysel.resume tailored to Infrastructure Engineer, classic style.
const Fixture& fixture() {
  static const Fixture f = [] {
    Fixture x;
    x.doc = bench::read_sample("samples/aysel.resume");
    transform::tailor(x.doc, bench::builtin_profile("Infrastructure Engineer"),
                      bench::builtin_rules().lexicon, {});
    x.style = bench::builtin_style("classic");
    return x;
  }();
  return f;
}

writer::RenderOptions options_for(const Fixture& f) {
  writer::RenderOptions o;
  o.style = &f.style;
  return o;
}

/// Every part in memory: document.xml, styles, numbering, relationships, core properties.
void BM_DocxParts(benchmark::State& state) {
  const Fixture& f = fixture();
  writer::RenderOptions o = options_for(f);
  for (auto _ : state) {
    diag::Diagnostics d;
    auto package = writer::docx::build_package(f.doc, o, d);
    if (!package) bench::die("build_package failed", d, {});
    benchmark::DoNotOptimize(package);
  }
}
BENCHMARK(BM_DocxParts)->Unit(benchmark::kMicrosecond);

/// The zip alone (libzip, deflate, fixed order and timestamps) of an already built package.
void BM_DocxZip(benchmark::State& state) {
  const Fixture& f = fixture();
  writer::RenderOptions o = options_for(f);
  diag::Diagnostics d;
  auto package = writer::docx::build_package(f.doc, o, d);
  if (!package) bench::die("build_package failed", d, {});
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::string out;
    if (!writer::docx::zip_package(*package, out, d)) bench::die("zip_package failed", d, {});
    bytes = out.size();
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_DocxZip)->Unit(benchmark::kMicrosecond);

/// --format docx: parts and zip, what the registry calls.
void BM_WriteDocx(benchmark::State& state) {
  const Fixture& f = fixture();
  writer::RenderOptions o = options_for(f);
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::string out;
    diag::Diagnostics d;
    if (!writer::write_docx(f.doc, o, out, d)) bench::die("write_docx failed", d, {});
    bytes = out.size();
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_WriteDocx)->Unit(benchmark::kMicrosecond);

/// --format docx-xml: the same parts as one Flat OPC document (no zip).
void BM_WriteDocxFlatOpc(benchmark::State& state) {
  const Fixture& f = fixture();
  writer::RenderOptions o = options_for(f);
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::string out;
    diag::Diagnostics d;
    if (!writer::write_docx_xml(f.doc, o, out, d)) bench::die("write_docx_xml failed", d, {});
    bytes = out.size();
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_WriteDocxFlatOpc)->Unit(benchmark::kMicrosecond);

}  // namespace
