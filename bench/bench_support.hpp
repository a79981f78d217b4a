// Shared setup for the benchmarks: source paths, reading the samples, loading the built-in
// roles and styles once, and generated resumes of any size for the scaling benchmarks.
#pragma once

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "diag/diagnostic.hpp"
#include "model/document.hpp"
#include "model/source_manager.hpp"
#include "reader/reader.hpp"
#include "style/load.hpp"
#include "transform/profile.hpp"
#include "transform/rules.hpp"

namespace tailor::bench {

/// Absolute path of a file in the source tree ("samples/aysel.resume").
inline std::string source_path(const std::string& relative) {
  return std::string(TAILOR_SOURCE_DIR) + "/" + relative;
}

/// The bytes of a source file; aborts the benchmark program when it cannot be read, since a
/// benchmark of an empty input would report a meaningless figure.
inline std::string slurp(const std::string& relative) {
  std::ifstream in(source_path(relative), std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "bench: cannot read %s\n", source_path(relative).c_str());
    std::exit(1);
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return std::move(ss).str();
}

/// Fails the benchmark program loudly: a setup error must not pass as a fast result.
[[noreturn]] inline void die(const std::string& what, const diag::Diagnostics& diags,
                             const model::SourceManager& sources) {
  std::fprintf(stderr, "bench: %s\n%s", what.c_str(), diag::render_all(diags, sources).c_str());
  std::exit(1);
}

/// A parsed resume from the source tree (markup or JSON Resume, by extension).
inline model::Document read_sample(const std::string& relative) {
  model::SourceManager sources;
  diag::Diagnostics diags;
  auto doc = reader::read_document(source_path(relative), sources, diags);
  if (!doc) die("cannot parse " + relative, diags, sources);
  return std::move(*doc);
}

/// The built-in lexicon and role profiles (templates/roles), loaded once per program.
inline const transform::RuleSet& builtin_rules() {
  static const transform::RuleSet rules = [] {
    static model::SourceManager sources;  // spans in the profiles point here
    transform::RuleSet r;
    diag::Diagnostics diags;
    if (!transform::load_builtin_rules(sources, r, diags)) {
      die("cannot load the built-in roles", diags, sources);
    }
    return r;
  }();
  return rules;
}

/// A built-in profile by name ("Infrastructure Engineer").
inline const transform::Profile& builtin_profile(const std::string& name) {
  const transform::Profile* p = transform::find_profile(builtin_rules(), name);
  if (!p) {
    std::fprintf(stderr, "bench: no built-in role %s\n", name.c_str());
    std::exit(1);
  }
  return *p;
}

/// A built-in style by name ("classic").
inline style::Style builtin_style(const std::string& name) {
  model::SourceManager sources;
  diag::Diagnostics diags;
  auto st = style::load_style(name, sources, diags);
  if (!st) die("cannot load style " + name, diags, sources);
  return std::move(*st);
}

/// .resume markup with `entries` experience entries (three bullets each, varied text, Azerbaijani
/// letters), plus a summary, skills and one education entry. Entry text cycles through five
/// templates, so the size grows linearly with `entries`. bench/gen-resume.sh writes the same
/// shape for the whole-process scaling script.
inline std::string generated_resume(int entries) {
  static const char* const roles[] = {"Senior Backend Engineer", "Infrastructure Engineer",
                                      "Site Reliability Engineer", "Software Developer",
                                      "Platform Engineer"};
  static const char* const orgs[] = {"Kapital Ödəniş", "Şəki İpək Bank", "Gəncə Rəqəmsal",
                                     "Northwind Exchange", "Silkway Telecom"};
  static const char* const bullets[][3] = {
      {"Moved {n} services to **Kubernetes** with Helm and Argo CD {kubernetes}",
       "Wrote the Terraform for the card-tokenisation environment on AWS {terraform, aws}",
       "Cut p99 latency of the payment API by {n} % with connection pooling in Go {go}"},
      {"Built the account-ledger service in Java 17 and Spring Boot on PostgreSQL {java}",
       "Introduced Kafka for card-authorisation events; latency fell from 2 s to {n} ms {kafka}",
       "Ran the on-call rotation for {n} engineers and rewrote every runbook {sre}"},
      {"Defined SLOs and error budgets for {n} customer-facing services with Prometheus {sre}",
       "Automated database failover drills; recovery time fell to {n} seconds {postgresql}",
       "Mentored {n} engineers through their first production incident reviews"},
      {"Developed C# and .NET services for municipal payments in Gəncə {csharp, dotnet}",
       "Maintained the MySQL schemas and wrote {n} automated database migrations {sql}",
       "Built CI/CD pipelines in GitHub Actions that ship in under {n} minutes {ci}"},
      {"Packaged {n} services with Helm and deployed them with Argo CD {helm}",
       "Kept secrets in Vault and rotated {n} credentials without downtime {security}",
       "Traced TCP stalls with eBPF and bpftrace; a two-line fix removed {n} % of timeouts {ebpf}"},
  };
  std::string out =
      "name:     Aysel Hüseynova\n"
      "headline: Senior Backend Engineer\n"
      "email:    aysel@example.az\n"
      "location: Bakı, Azerbaijan\n"
      "link:     GitHub <https://github.com/aysel-h-example>\n\n"
      "== Summary\n"
      "Backend engineer on payment systems in **Go** and **Java**: idempotent APIs, ledgers that\n"
      "reconcile, and queues that survive a bad day.\n\n"
      "== Experience\n";
  for (int i = 0; i < entries; ++i) {
    int k = i % 5;
    int end_year = 2026 - i / 2;
    out += "=== ";
    out += roles[k];
    out += " | ";
    out += orgs[(i / 5) % 5];
    out += " | Bakı | " + std::to_string(end_year - 1) + "-0" + std::to_string(1 + k) + " – " +
           std::to_string(end_year) + "-0" + std::to_string(1 + k) + "\n";
    for (const char* b : bullets[k]) {
      std::string line = b;
      std::size_t at = line.find("{n}");
      if (at != std::string::npos) line.replace(at, 3, std::to_string(10 + i));
      out += "- " + line + "\n";
    }
    out += "\n";
  }
  out +=
      "== Education\n"
      "=== BSc Computer Science | Bakı Dövlət Universiteti | Bakı | 2009 – 2013\n\n"
      "== Skills\n"
      "Languages: Go, Java, Python, C++, C#\n"
      "Backend: Spring Boot, gRPC, REST, Kafka, PostgreSQL, Redis\n"
      "Infrastructure: Kubernetes, Helm, Terraform, Docker, AWS, Vault, Prometheus\n";
  return out;
}

}  // namespace tailor::bench
