// `tailor match` and `tailor build --job` on the samples and the postings in tests/fixtures/jobs:
// golden JSON reports, the ranking of resumes, missing tools, substring traps, the --min-score
// gate, reproducibility, and tailoring that never adds a missing keyword.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>

#include "reader/json_value.hpp"
#include "reader/reader.hpp"
#include "support/test_support.hpp"
#include "transform/tokens.hpp"

namespace tailor {
namespace {

using test::run_cli;

std::vector<std::string> postings() {
  std::vector<std::string> out;
  for (const char* ext : {".txt", ".json"}) {
    for (const std::string& f : test::list_files("tests/fixtures/jobs", ext)) {
      if (f.find("traps") == std::string::npos) out.push_back(f);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string stem(const std::string& path) {
  std::string name = path.substr(path.find_last_of('/') + 1);
  return name.substr(0, name.find('.'));
}

// The JSON report, parsed with the project's own JSON parser.
struct Report {
  model::SourceManager sources;
  json::Value root;
  double score() const { return root.find("score")->number; }
  std::vector<std::string> names(const char* list) const {
    std::vector<std::string> out;
    for (const json::Value& v : root.find(list)->items) out.push_back(v.find("keyword")->text);
    return out;
  }
};

std::unique_ptr<Report> match_json(const std::string& resume, const std::string& job) {
  auto r = std::make_unique<Report>();
  test::CliResult res = run_cli({"match", resume, "--job", job, "--json"});
  EXPECT_EQ(res.exit_code, 0) << res.err;
  diag::Diagnostics diags;
  std::uint32_t id = r->sources.add("report.json", res.out);
  auto v = reader::parse_json(id, r->sources.text(id), diags);
  EXPECT_TRUE(v) << res.out;
  if (v) r->root = std::move(*v);
  return r;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// Every word a resume's text holds (headline, every summary variant, bullets, skills), lower case.
std::set<std::string> resume_words(const std::string& path) {
  model::SourceManager sources;
  diag::Diagnostics diags;
  auto doc = reader::read_document(test::source_path(path), sources, diags);
  EXPECT_TRUE(doc) << path;
  std::string text = doc ? doc->header.headline.value + "\n" : "";
  if (doc) {
    for (const model::Section& s : doc->sections) {
      text += s.title + "\n";
      for (const model::Block& b : s.blocks) {
        if (auto* p = std::get_if<model::Paragraph>(&b)) text += model::plain_text(p->text) + "\n";
        if (auto* x = std::get_if<model::Bullet>(&b)) text += model::plain_text(x->text) + "\n";
        if (auto* g = std::get_if<model::SkillGroup>(&b)) {
          text += g->label + "\n";
          for (const model::Skill& k : g->items) text += k.name + "\n";
        }
        if (auto* e = std::get_if<model::Entry>(&b)) {
          text += e->role + "\n" + e->organisation + "\n";
          for (const model::Paragraph& d : e->description) text += model::plain_text(d.text) + "\n";
          for (const model::Bullet& x : e->bullets) text += model::plain_text(x.text) + "\n";
        }
      }
    }
  }
  std::set<std::string> out;
  for (const transform::Token& t : transform::tokenize(text)) out.insert(t.norm);
  return out;
}

// ------------------------------------------------------------------------------------------------
// Golden reports
// ------------------------------------------------------------------------------------------------

TEST(Match, GoldenJsonReportForEverySampleAndPosting) {
  std::vector<std::string> jobs = postings();
  ASSERT_GE(jobs.size(), 4u);
  std::vector<std::string> resumes = test::list_files("samples", ".resume");
  ASSERT_GE(resumes.size(), 4u);
  for (const std::string& r : resumes) {
    for (const std::string& j : jobs) {
      test::CliResult res = run_cli({"match", r, "--job", j, "--json"});
      EXPECT_EQ(res.exit_code, 0) << r << " " << j << "\n" << res.err;
      EXPECT_EQ(res.err, "") << r << " " << j;
      std::string golden = "match/" + stem(r) + "--" + stem(j) + ".json";
      EXPECT_EQ(test::compare_golden(golden, res.out), "") << golden;
    }
  }
}

TEST(Match, GoldenTextReport) {
  test::CliResult res = run_cli(
      {"match", "samples/backend-infra.resume", "--job", "tests/fixtures/jobs/infrastructure.txt"});
  EXPECT_EQ(res.exit_code, 0) << res.err;
  EXPECT_EQ(test::compare_golden("match/backend-infra--infrastructure.txt", res.out), "");
}

// The worked example in docs/matching.md is the tool's real output.
TEST(Match, WorkedExampleInTheDocsIsTheRealOutput) {
  std::string doc = test::slurp(test::source_path("docs/matching.md"));
  const std::string cmd =
      "$ tailor match samples/backend-infra.resume --job tests/fixtures/jobs/example-devops.txt\n";
  std::size_t at = doc.find(cmd);
  ASSERT_NE(at, std::string::npos);
  std::size_t end = doc.find("...\n", at);
  ASSERT_NE(end, std::string::npos);
  std::string shown = doc.substr(at + cmd.size(), end - at - cmd.size());
  test::CliResult r = run_cli(
      {"match", "samples/backend-infra.resume", "--job", "tests/fixtures/jobs/example-devops.txt"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, shown.size()), shown);
  EXPECT_NE(doc.find("score = 100 × 10.5 / 15 = **70.0**"), std::string::npos);
  EXPECT_NE(r.out.find("Score: 70.0 / 100  (10.5 of 15 weighted points)"), std::string::npos);
}

TEST(Match, SameInputsGiveIdenticalBytes) {
  for (const char* json : {"--json", "--diagnostic-format=human"}) {
    test::CliResult a =
        run_cli({"match", "samples/aysel.resume", "--job", "tests/fixtures/jobs/sre.json", json});
    test::CliResult b =
        run_cli({"match", "samples/aysel.resume", "--job", "tests/fixtures/jobs/sre.json", json});
    EXPECT_EQ(a.exit_code, 0);
    EXPECT_FALSE(a.out.empty());
    EXPECT_EQ(a.out, b.out);
  }
}

// ------------------------------------------------------------------------------------------------
// Ranking and missing keywords
// ------------------------------------------------------------------------------------------------

TEST(Match, RealInfrastructureWorkBeatsASystemsEngineerForAnInfrastructurePosting) {
  const std::string job = "tests/fixtures/jobs/infrastructure.txt";
  double infra = match_json("samples/infrastructure.resume", job)->score();
  double backend_infra = match_json("samples/backend-infra.resume", job)->score();
  double systems = match_json("samples/systems.resume", job)->score();
  EXPECT_GT(infra, systems);
  EXPECT_GT(backend_infra, systems);
  EXPECT_LT(systems, 30.0) << "a systems engineer is not a good infrastructure match";
  // And the other way round for the systems posting.
  const std::string sys_job = "tests/fixtures/jobs/systems.txt";
  EXPECT_GT(match_json("samples/systems.resume", sys_job)->score(),
            match_json("samples/infrastructure.resume", sys_job)->score());
}

TEST(Match, NearestRoleFollowsThePosting) {
  EXPECT_EQ(match_json("samples/systems.resume", "tests/fixtures/jobs/infrastructure.txt")
                ->root.find("nearest_role")
                ->text,
            "Infrastructure Engineer");
  EXPECT_EQ(match_json("samples/infrastructure.resume", "tests/fixtures/jobs/systems.txt")
                ->root.find("nearest_role")
                ->text,
            "Systems Engineer");
  EXPECT_EQ(match_json("samples/systems.resume", "tests/fixtures/jobs/sre.json")
                ->root.find("nearest_role")
                ->text,
            "Site Reliability Engineer");
}

// The posting asks for these tools (checked against its text). A tool is missing exactly when no
// text of the resume names it.
TEST(Match, MissingNamesTheToolsThePostingAsksForAndTheResumeLacks) {
  const std::string job = "tests/fixtures/jobs/infrastructure.txt";
  std::string posting = test::slurp(test::source_path(job));
  const std::vector<std::string> tools = {
      "Terraform",  "Pulumi",  "CloudFormation", "Kubernetes", "Helm", "Datadog",
      "Prometheus", "Grafana", "Ansible",        "Vault",      "Bash"};
  for (const std::string& t : tools) ASSERT_NE(posting.find(t), std::string::npos) << t;
  for (const std::string& r : test::list_files("samples", ".resume")) {
    std::set<std::string> words = resume_words(r);
    auto report = match_json(r, job);
    std::vector<std::string> missing = report->names("missing");
    std::vector<std::string> matched = report->names("matched");
    for (const std::string& t : tools) {
      bool absent = !words.count(transform::lower(t));
      EXPECT_EQ(contains(missing, t), absent) << r << ": " << t;
      EXPECT_EQ(contains(matched, t), !absent) << r << ": " << t;
    }
  }
  // The systems engineer lacks infrastructure as code: Terraform is missing and required.
  auto sys = match_json("samples/systems.resume", job);
  std::vector<std::string> req;
  for (const json::Value& v : sys->root.find("missing_required")->items) req.push_back(v.text);
  EXPECT_TRUE(contains(req, "Terraform"));
  std::vector<std::string> nice;
  for (const json::Value& v : sys->root.find("missing_nice")->items) nice.push_back(v.text);
  EXPECT_TRUE(contains(nice, "Pulumi"));
}

TEST(Match, NothingIsMatchedBySubstringAccident) {
  const std::string resume = "tests/fixtures/jobs/traps.resume";
  const std::string job = "tests/fixtures/jobs/traps.txt";
  // The fixture is a real trap: a substring search would find every one of these.
  std::string text = transform::lower(test::slurp(test::source_path(resume)));
  for (const char* s : {"c", "go", "java", "net", "node"}) {
    EXPECT_NE(text.find(s), std::string::npos) << s;
  }
  auto report = match_json(resume, job);
  std::vector<std::string> missing = report->names("missing");
  for (const char* k : {"C", "Go", "Java", ".NET", "Node.js"}) {
    EXPECT_TRUE(contains(missing, k)) << k;
  }
  EXPECT_TRUE(report->names("matched").empty());
  // "we go fast, we rest on weekends": English, not Go (mentioned once, as a requirement) or REST.
  for (const json::Value& v : report->root.find("missing")->items) {
    EXPECT_NE(v.find("keyword")->text, "REST");
    if (v.find("keyword")->text == "Go") {
      EXPECT_EQ(v.find("mentions")->number, 1);
    }
  }
}

// ------------------------------------------------------------------------------------------------
// Exit codes
// ------------------------------------------------------------------------------------------------

TEST(Match, MinScoreGatesWithExitCode5) {
  const std::string r = "samples/backend-infra.resume", j = "tests/fixtures/jobs/backend.json";
  double score = match_json(r, j)->score();
  ASSERT_GT(score, 1.0);
  auto at = [&](const std::string& n) {
    return run_cli({"match", r, "--job", j, "--min-score", n});
  };
  EXPECT_EQ(at(std::to_string(static_cast<int>(std::floor(score)))).exit_code, 0);
  EXPECT_EQ(at("0").exit_code, 0);
  test::CliResult below = at(std::to_string(static_cast<int>(std::floor(score)) + 1));
  EXPECT_EQ(below.exit_code, 5);
  EXPECT_NE(below.err.find("below --min-score"), std::string::npos) << below.err;
  EXPECT_FALSE(below.out.empty()) << "the report is still printed";
  EXPECT_EQ(at("100.5").exit_code, 2);
  EXPECT_EQ(at("lots").exit_code, 2);
}

TEST(Match, UsageErrorsExit2) {
  EXPECT_EQ(run_cli({"match", "samples/aysel.resume"}).exit_code, 2);
  EXPECT_EQ(run_cli({"match", "--job", "tests/fixtures/jobs/sre.json"}).exit_code, 2);
  EXPECT_EQ(run_cli({"match", "samples/aysel.resume", "--job", "tests/fixtures/jobs/sre.json",
                     "--csv", "--json"})
                .exit_code,
            2);
  EXPECT_EQ(run_cli({"build", "samples/aysel.resume", "--job", "tests/fixtures/jobs/sre.json",
                     "--role", "sre"})
                .exit_code,
            2);
}

TEST(Match, BadPostingsExit1WithLocatedErrorsAndMissingFilesExit3) {
  std::string dir = test::source_path("build-test-scratch-match");
  std::filesystem::create_directories(dir);
  std::string bad = dir + "/bad.json";
  { std::ofstream(bad) << "{\n  \"title\": \"SRE\",\n  \"skills\": \"Go\"\n}\n"; }
  test::CliResult r = run_cli({"match", "samples/aysel.resume", "--job", bad});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("bad.json:3:13: error: $.skills: expected an array of skills"),
            std::string::npos)
      << r.err;
  std::string latin1 = dir + "/latin1.txt";
  { std::ofstream(latin1) << "DevOps Engineer\nRequirements:\n- Ansible, Jenkins, caf\xE9\n"; }
  r = run_cli({"match", "samples/aysel.resume", "--job", latin1});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("latin1.txt:3:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("invalid UTF-8"), std::string::npos) << r.err;
  r = run_cli({"match", "samples/aysel.resume", "--job", "no/such/posting.txt"});
  EXPECT_EQ(r.exit_code, 3);
  std::filesystem::remove_all(dir);
}

// ------------------------------------------------------------------------------------------------
// build --job
// ------------------------------------------------------------------------------------------------

TEST(BuildJob, NeverAddsAMissingKeywordOrAnyWordTheResumeLacks) {
  for (const std::string& r : test::list_files("samples", ".resume")) {
    std::set<std::string> in = resume_words(r);
    // Words the untailored rendering has (section titles, dates, links as the writer shows them).
    std::set<std::string> plain;
    for (const transform::Token& t : transform::tokenize(run_cli({"build", r}).out)) {
      plain.insert(t.norm);
    }
    for (const std::string& j : postings()) {
      test::CliResult b = run_cli({"build", r, "--job", j});
      ASSERT_EQ(b.exit_code, 0) << r << " " << j << "\n" << b.err;
      auto report = match_json(r, j);
      // Words the headline may gain: the fired title rule's own title.
      std::set<std::string> allowed;
      if (const json::Value* h = report->root.find("suggested_title")) {
        for (const transform::Token& t : transform::tokenize(h->text)) allowed.insert(t.norm);
      }
      for (const transform::Token& t : transform::tokenize(b.out)) {
        EXPECT_TRUE(plain.count(t.norm) || in.count(t.norm) || allowed.count(t.norm))
            << r << " " << j << ": '" << t.norm << "'";
      }
      // A missing keyword never shows up in the output, unless the resume's own text (or the
      // licensed headline) already had its words, e.g. in a summary variant or a group label.
      std::vector<std::string> out_tokens;
      for (const transform::Token& t : transform::tokenize(b.out)) out_tokens.push_back(t.norm);
      for (const std::string& m : report->names("missing")) {
        std::vector<std::string> seq;
        bool own = true;
        for (const transform::Token& t : transform::tokenize(m)) {
          seq.push_back(t.norm);
          own = own && (in.count(t.norm) || allowed.count(t.norm));
        }
        if (own) continue;
        bool seen = std::search(out_tokens.begin(), out_tokens.end(), seq.begin(), seq.end()) !=
                    out_tokens.end();
        EXPECT_FALSE(seen) << r << " " << j << ": " << m;
      }
    }
  }
}

TEST(BuildJob, TailorsLikeARoleAndExplains) {
  test::CliResult b = run_cli({"build", "samples/backend-infra.resume", "--job",
                               "tests/fixtures/jobs/infrastructure.txt", "--explain"});
  ASSERT_EQ(b.exit_code, 0) << b.err;
  // The headline follows the Infrastructure Engineer title rules and the resume's evidence.
  EXPECT_NE(b.out.find("Senior Backend & Infrastructure Engineer"), std::string::npos) << b.out;
  EXPECT_NE(b.err.find("job: keywords:"), std::string::npos) << b.err;
  EXPECT_NE(b.err.find("infrastructure.rules:"), std::string::npos) << b.err;
  EXPECT_NE(b.err.find("bullets:"), std::string::npos) << b.err;
  // Terraform work comes before Django for this posting.
  EXPECT_LT(b.out.find("Terraform"), b.out.find("Django"));
  // The target role in the metadata is the posting's job name, without "Senior" or "(Remote)".
  test::CliResult n = run_cli({"build", "samples/backend-infra.resume", "--job",
                               "tests/fixtures/jobs/infrastructure.txt", "--format", "native"});
  ASSERT_EQ(n.exit_code, 0) << n.err;
  EXPECT_NE(n.out.find("target-role \"Infrastructure Engineer\"\n"), std::string::npos) << n.out;
  // The systems engineer keeps an honest headline for the infrastructure posting.
  test::CliResult s = run_cli(
      {"build", "samples/systems.resume", "--job", "tests/fixtures/jobs/infrastructure.txt"});
  ASSERT_EQ(s.exit_code, 0) << s.err;
  EXPECT_NE(s.out.find("Systems Engineer, Linux performance and networking"), std::string::npos);
  EXPECT_EQ(s.out.find("Infrastructure Engineer"), std::string::npos);
}

}  // namespace
}  // namespace tailor
