// Rule files and role options through the CLI: error goldens byte for byte, `tailor roles`,
// --role lookups, and the must-show checks on the real samples.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "reader/reader.hpp"
#include "support/roles_folder.hpp"
#include "support/test_support.hpp"
#include "transform/engine.hpp"
#include "transform/rules.hpp"
#include "transform/tokens.hpp"
#include "writer/text/text.hpp"

namespace tailor::transform {
namespace {

using test::run_cli;

// --- Golden tests of rule-file errors ------------------------------------------------------

class RuleErrors : public ::testing::TestWithParam<std::string> {};

TEST_P(RuleErrors, MatchesGoldenStderr) {
  std::string rel = "tests/golden/rules-errors/" + GetParam();
  test::CliResult r = run_cli({"roles", "--rules", rel});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.out, "");
  std::string golden = "rules-errors/" + GetParam().substr(0, GetParam().size() - 6) + ".stderr";
  EXPECT_EQ(test::compare_golden(golden, r.err), "");
}

std::vector<std::string> error_cases() {
  std::vector<std::string> out;
  for (const std::string& f : test::list_files("tests/golden/rules-errors", ".rules")) {
    out.push_back(std::filesystem::path(f).filename().string());
  }
  return out;
}

INSTANTIATE_TEST_SUITE_P(Files, RuleErrors, ::testing::ValuesIn(error_cases()),
                         [](const auto& param_info) {
                           const std::string& f = param_info.param;
                           std::string n = f.substr(0, f.size() - 6);
                           for (char& c : n) {
                             if (c == '-') c = '_';
                           }
                           return n;
                         });

TEST(RuleErrors, ThereAreCases) { EXPECT_GE(error_cases().size(), 10u); }

// --- tailor roles and --role ---------------------------------------------------------------

TEST(RolesCommand, ListsEightProfilesWithDescriptions) {
  test::CliResult r = run_cli({"roles"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  int lines = 0;
  for (char c : r.out) lines += c == '\n';
  EXPECT_EQ(lines, 8);
  EXPECT_NE(r.out.find("Site Reliability Engineer (sre)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Infrastructure Engineer (infrastructure)"), std::string::npos);
}

TEST(RolesCommand, ShowsOneProfileByAlias) {
  test::CliResult r = run_cli({"roles", "SRE"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("Site Reliability Engineer\n", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("error budget"), std::string::npos);
}

TEST(RolesCommand, UnknownRoleSuggestsClosestNames) {
  test::CliResult r = run_cli({"build", "samples/systems.resume", "--role", "infrastucture"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "error: unknown role 'infrastucture'\n"
            "hint: did you mean \"Infrastructure Engineer\"?\n"
            "hint: known roles: Backend Developer, Backend Engineer, DevOps Engineer, "
            "Infrastructure Engineer, Platform Engineer, Software Engineer, Site Reliability "
            "Engineer, Systems Engineer; --rules FILE adds your own\n");
  test::CliResult s = run_cli({"roles", "Backend Enginer"});
  EXPECT_EQ(s.exit_code, 1);
  EXPECT_NE(s.err.find("did you mean \"Backend Engineer\""), std::string::npos) << s.err;
}

TEST(RolesCommand, CustomRulesFileIsUsable) {
  std::string dir = ::testing::TempDir() + "/tailor-rules-test";
  std::filesystem::create_directories(dir);
  std::string path = dir + "/kernel.rules";
  {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    std::fputs(
        "role \"Kernel Engineer\"\n"
        "description \"Works on the Linux kernel.\"\n"
        "group kernel \"Kernel\"\n"
        "keywords kernel core: \"kernel\", \"Linux\", \"eBPF\"\n"
        "title \"Kernel Engineer\" when kernel >= 20\n",
        f);
    std::fclose(f);
  }
  test::CliResult r = run_cli({"build", "samples/systems.resume", "--rules", path});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find('\n', r.out.find('\n') + 1)),
            "Kamran Əliyev\nKernel Engineer, Linux performance and networking");
}

TEST(RolesCommand, ExplainGoesToStderrAndCitesRules) {
  test::CliResult r =
      run_cli({"build", "samples/systems.resume", "--role", "infrastructure", "--explain"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("infrastructure.rules:26: headline: rule \"Backend & Infrastructure "
                       "Engineer\" not satisfied"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("no evidence for Terraform"), std::string::npos);
  EXPECT_EQ(r.out.find("tailor:"), std::string::npos);
}

TEST(RolesCommand, TailoringOptionsNeedARole) {
  test::CliResult r = run_cli({"build", "samples/systems.resume", "--max-bullets", "2"});
  EXPECT_EQ(r.exit_code, 2);
}

// --- Must show on the real samples ---------------------------------------------------------

std::string build_text(const std::string& sample, const std::string& role) {
  test::CliResult r = run_cli({"build", "samples/" + sample + ".resume", "--role", role});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.out;
}

std::string headline(const std::string& text) {
  std::size_t a = text.find('\n');
  return text.substr(a + 1, text.find('\n', a + 1) - a - 1);
}

TEST(Samples, HeadlinesDifferAsTheEvidenceAllows) {
  EXPECT_EQ(headline(build_text("aysel", "infrastructure")),
            "Senior Backend & Infrastructure Engineer");
  EXPECT_EQ(headline(build_text("aysel", "backend-engineer")), "Senior Backend Engineer");
  EXPECT_EQ(headline(build_text("backend-infra", "infrastructure")),
            "Senior Backend & Infrastructure Engineer");
  EXPECT_EQ(headline(build_text("backend-infra", "Backend Engineer")), "Senior Backend Engineer");
  // No infrastructure as code and no Kubernetes: the honest title stays.
  EXPECT_EQ(headline(build_text("systems", "infrastructure")),
            "Systems Engineer, Linux performance and networking");
  EXPECT_EQ(headline(build_text("systems", "backend-engineer")),
            "Systems Engineer, Linux performance and networking");
  EXPECT_EQ(headline(build_text("infrastructure", "infrastructure")), "Infrastructure Engineer");
}

TEST(Samples, TerraformBeforeDjangoForInfrastructureAndTheReverseForBackend) {
  std::string infra = build_text("backend-infra", "infrastructure");
  std::string backend = build_text("backend-infra", "backend-engineer");
  ASSERT_NE(infra.find("Django"), std::string::npos);
  ASSERT_NE(infra.find("Terraform"), std::string::npos);
  EXPECT_LT(infra.find("Terraform"), infra.find("Django")) << infra;
  EXPECT_LT(backend.find("Django"), backend.find("Terraform")) << backend;
  // And inside the skills section alone.
  std::size_t si = infra.find("\nSkills\n"), sb = backend.find("\nSkills\n");
  ASSERT_NE(si, std::string::npos);
  ASSERT_NE(sb, std::string::npos);
  EXPECT_LT(infra.find("Terraform", si), infra.find("Django", si));
  EXPECT_LT(backend.find("Django", sb), backend.find("Terraform", sb));
}

std::map<std::string, int> words(const std::string& s) {
  std::map<std::string, int> m;
  for (const Token& t : tokenize(s)) ++m[t.norm];
  return m;
}

TEST(Samples, NoWordFromAProfileThatTheResumeLacks) {
  model::SourceManager sources;
  RuleSet rules;
  diag::Diagnostics diags;
  ASSERT_TRUE(test::load_rules_dir(test::source_path("templates/roles"), sources, rules, diags));
  for (std::string sample : {"aysel", "systems", "backend-infra", "infrastructure"}) {
    // The input's words: every section, every summary variant, as text.
    diag::Diagnostics rd;
    auto doc =
        reader::read_document(test::source_path("samples/" + sample + ".resume"), sources, rd);
    ASSERT_TRUE(doc.has_value());
    std::string input_text;
    writer::write_text(*doc, writer::RenderOptions{}, input_text, rd);
    std::map<std::string, int> in = words(input_text);
    ASSERT_FALSE(in.empty());
    for (const Profile& p : rules.profiles) {
      std::string out_text = build_text(sample, p.stem);
      std::map<std::string, int> out = words(out_text);
      std::string vocabulary = p.title + " " + p.description + " ";
      for (const Keyword& k : p.keywords) vocabulary += k.text + " ";
      for (const EvidenceGroup& g : p.groups) vocabulary += g.label + " ";
      for (const Synonym& s : rules.lexicon.synonyms) {
        vocabulary += s.canonical + " ";
        for (const std::string& v : s.variants) vocabulary += v + " ";
      }
      std::map<std::string, int> new_headline = words(headline(out_text));
      for (const auto& [w, n] : words(vocabulary)) {
        if (in.count(w)) continue;
        // A word the resume lacks may only be a headline word of a fired, licensed rule.
        if (out.count(w)) {
          EXPECT_TRUE(new_headline.count(w))
              << "'" << w << "' of " << p.title << " appears in " << sample;
          EXPECT_EQ(out[w], new_headline[w]) << w;
        }
      }
    }
  }
}

// --- Golden dumps after tailoring: each sample x role --------------------------------------

TEST(Samples, GoldenDumpForEachSampleAndRole) {
  model::SourceManager sources;
  RuleSet rules;
  diag::Diagnostics diags;
  ASSERT_TRUE(test::load_rules_dir(test::source_path("templates/roles"), sources, rules, diags));
  std::vector<std::string> samples = test::list_files("samples", ".resume");
  ASSERT_GE(samples.size(), 4u);
  for (const std::string& path : samples) {
    std::string stem = std::filesystem::path(path).stem().string();
    for (const Profile& p : rules.profiles) {
      test::CliResult r =
          run_cli({"build", "samples/" + stem + ".resume", "--role", p.stem, "--format", "native"});
      ASSERT_EQ(r.exit_code, 0) << r.err;
      EXPECT_EQ(test::compare_golden("tailor/" + stem + "-" + p.stem + ".native", r.out), "");
    }
  }
}

}  // namespace
}  // namespace tailor::transform

namespace tailor::transform {
namespace {

// The complete example of docs/rules.md loads and does what the page says.
TEST(RulesDoc, CompleteExampleWorks) {
  std::string doc = test::slurp(test::source_path("docs/rules.md"));
  std::size_t b = doc.find("```rules\n");
  ASSERT_NE(b, std::string::npos);
  b += 9;
  std::size_t e = doc.find("```", b);
  ASSERT_NE(e, std::string::npos);
  std::string path = ::testing::TempDir() + "/payments.rules";
  {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    std::fwrite(doc.data() + b, 1, e - b, f);
    std::fclose(f);
  }
  test::CliResult r =
      test::run_cli({"build", "samples/aysel.resume", "--rules", path, "--explain"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find('\n', r.out.find('\n') + 1)),
            "Aysel Hüseynova\nSenior Backend & Payments Engineer");
  EXPECT_NE(r.err.find("payments.rules:16: headline:"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace tailor::transform

namespace tailor::transform {
namespace {

// Truncated and damaged rule files produce diagnostics, never a crash or an exception.
TEST(RuleFiles, TruncatedFilesNeverCrash) {
  int parsed = 0;
  for (const std::string& path : test::list_files("templates/roles", ".rules")) {
    std::string text = test::slurp(path);
    for (std::size_t len = 0; len <= text.size(); len += 5) {
      model::SourceManager sources;
      diag::Diagnostics diags;
      std::string damaged = text.substr(0, len) + "\n\xC3\xBC \xFF \"\n";
      std::uint32_t id = sources.add("damaged.rules", damaged);
      RuleFile file;
      EXPECT_NO_THROW(parse_rules_text(id, sources.text(id), file, diags));
      EXPECT_FALSE(diags.empty());
      ++parsed;
    }
  }
  EXPECT_GT(parsed, 1000);
}

}  // namespace
}  // namespace tailor::transform

namespace tailor::transform {
namespace {

// A user's --rules file with a built-in's title replaces the built-in for that run.
TEST(RolesCommand, RulesFileOverridesABuiltInByTitle) {
  std::string path = ::testing::TempDir() + "/my-infra.rules";
  {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    std::fputs(
        "role \"Infrastructure Engineer\"\n"
        "description \"My own take.\"\n"
        "group infra \"Infrastructure\"\n"
        "keywords infra core: \"Terraform\"\n"
        "title \"Infrastructure Engineer\" when infra >= 3\n",
        f);
    std::fclose(f);
  }
  test::CliResult r = run_cli({"roles", "--rules", path, "infrastructure engineer"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("My own take."), std::string::npos) << r.out;
  test::CliResult list = run_cli({"roles", "--rules", path});
  int lines = 0;
  for (char c : list.out) lines += c == '\n';
  EXPECT_EQ(lines, 8);
  test::CliResult b = run_cli({"build", "samples/aysel.resume", "--rules", path});
  ASSERT_EQ(b.exit_code, 0) << b.err;
  EXPECT_EQ(headline(b.out), "Senior Infrastructure Engineer");
}

}  // namespace
}  // namespace tailor::transform
