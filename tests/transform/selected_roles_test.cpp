// A build for named built-in roles parses only the lexicon and the files those names select
// (load_builtin_rules_for, with the line scan of profile_names.hpp). It must choose the
// profile a full load chooses and tailor exactly as a full load does.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "data/files.hpp"
#include "support/scratch.hpp"
#include "support/test_support.hpp"
#include "transform/engine.hpp"
#include "transform/fixtures.hpp"
#include "transform/never_invents.hpp"
#include "transform/profile_names.hpp"
#include "transform/report.hpp"
#include "transform/rules.hpp"
#include "transform/tokens.hpp"

namespace tailor::transform {
namespace {

struct Loaded {
  model::SourceManager sources;
  RuleSet rules;
  diag::Diagnostics diags;
  bool selected = false;  ///< load_builtin_rules_for took the build.
};

std::unique_ptr<Loaded> load_all() {
  auto l = std::make_unique<Loaded>();
  EXPECT_TRUE(load_builtin_rules(l->sources, l->rules, l->diags));
  return l;
}

std::unique_ptr<Loaded> load_for(const std::vector<std::string>& names) {
  auto l = std::make_unique<Loaded>();
  std::optional<bool> ok = load_builtin_rules_for(l->sources, l->rules, l->diags, names);
  l->selected = ok.has_value();
  if (ok) {
    EXPECT_TRUE(*ok);
  }
  return l;
}

/// Every name --role accepts for the built-in profiles, as written and in capitals.
std::vector<std::string> every_name(const RuleSet& rules) {
  std::vector<std::string> out;
  for (const Profile& p : rules.profiles) {
    std::vector<std::string> names = p.aliases;
    names.push_back(p.title);
    names.push_back(p.stem);
    for (const std::string& n : names) {
      out.push_back(n);
      std::string upper = n;
      for (char& c : upper) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
      out.push_back(upper);
    }
  }
  return out;
}

/// The tailored document as text and both --explain renderings: what the outputs are made of.
std::string tailored(model::Document doc, const Profile& p, const Loaded& l) {
  TailorOptions options;
  options.rules = &l.rules;
  options.max_bullets = 3;
  Report r = tailor(doc, p, l.rules.lexicon, options);
  return test::as_text(doc) + "\n--\n" + render_report(r, l.sources) + "\n--\n" +
         render_report_json(r, l.sources);
}

TEST(ProfileNames, TheScanGivesTheParsersNamesForEveryBuiltInProfile) {
  int profiles = 0;
  for (const data::File& f : data::list("roles", ".rules")) {
    ASSERT_TRUE(data::is_builtin(f.path)) << f.path;
    std::optional<std::string_view> text = data::builtin_text(f.path);
    ASSERT_TRUE(text) << f.path;
    model::SourceManager sources;
    std::uint32_t id = sources.add(f.path, std::string(*text));
    RuleFile file;
    diag::Diagnostics diags;
    ASSERT_TRUE(parse_rules_text(id, sources.text(id), file, diags)) << f.path;
    std::optional<ProfileNames> scanned = scan_profile_names(*text);
    if (!file.has_role) {
      EXPECT_FALSE(scanned) << f.path;
      continue;
    }
    ASSERT_TRUE(scanned) << f.path << ": the scan does not read this profile's names";
    EXPECT_EQ(scanned->title, file.profile.title) << f.path;
    EXPECT_EQ(scanned->aliases, file.profile.aliases) << f.path;
    EXPECT_EQ(scanned->fallback, file.profile.fallback) << f.path;
    const Lexicon& lex = file.lexicon;
    bool shares = !lex.seniority.empty() || !lex.seniority_by_language.empty() ||
                  !lex.cased.empty() || !lex.tools.empty() || !lex.guards.empty();
    EXPECT_EQ(scanned->shares_lexicon, shares) << f.path;
    ++profiles;
  }
  EXPECT_GE(profiles, 8);
}

TEST(ProfileNames, ReadsOneLineDirectivesAndGivesUpOnAnythingElse) {
  std::optional<ProfileNames> n = scan_profile_names(
      "# roles and aliases\n"
      "  role \"Data \\\"Platform\\\" Engineer\"  # the title\n"
      "roles are not directives\n"
      "alias \"DPE\",\"data-platform\" , \"Data\\\\Ops\"\n"
      "keywords data 2: \"role\", \"alias\"\n"
      "fallback replaces \"Developer\",\n"
      "  \"Coder\"\n");
  ASSERT_TRUE(n);
  EXPECT_EQ(n->title, "Data \"Platform\" Engineer");
  EXPECT_EQ(n->aliases, (std::vector<std::string>{"DPE", "data-platform", "Data\\Ops"}));
  EXPECT_TRUE(n->fallback);

  // The lexicon (no role), a list that goes on to the next line, a title on the next line,
  // two titles, an unknown escape, an unterminated string: the caller parses instead.
  EXPECT_FALSE(scan_profile_names("synonym \"k8s\": \"Kubernetes\"\n"));
  EXPECT_FALSE(scan_profile_names("role \"SRE\"\nalias \"a\",\n  \"b\"\n"));
  EXPECT_FALSE(scan_profile_names("role\n  \"SRE\"\n"));
  EXPECT_FALSE(scan_profile_names("role \"A\"\nrole \"B\"\n"));
  EXPECT_FALSE(scan_profile_names("role \"A\\n\"\n"));
  EXPECT_FALSE(scan_profile_names("role \"A\n"));
  EXPECT_FALSE(scan_profile_names("role \"A\" description \"x\"\n"));

  // Lines that add to the shared lexicon are noticed; a word that only begins like one is not.
  EXPECT_FALSE(scan_profile_names("role \"A\"\ntoolset x\n")->shares_lexicon);
  for (const char* line : {"tools \"Bazel\"", "cased \"Go\"", "seniority \"Staff\"",
                           "ambiguous \"Helm\": written", "  tools\t\"Nix\""}) {
    std::optional<ProfileNames> with =
        scan_profile_names(std::string("role \"A\"\n") + line + "\n");
    ASSERT_TRUE(with) << line;
    EXPECT_TRUE(with->shares_lexicon) << line;
  }
}

TEST(SelectedRoles, EveryNameSelectsTheProfileAFullLoadSelects) {
  std::unique_ptr<Loaded> all = load_all();
  ASSERT_GE(all->rules.profiles.size(), 8u);
  int selected = 0;
  for (const std::string& name : every_name(all->rules)) {
    const Profile* want = find_profile(all->rules, name);
    ASSERT_NE(want, nullptr) << name;
    std::unique_ptr<Loaded> some = load_for({name});
    if (want->fallback) {
      EXPECT_FALSE(some->selected) << name << ": the generalist needs every profile";
      continue;
    }
    ASSERT_TRUE(some->selected) << name;
    const Profile* got = find_profile(some->rules, name);
    ASSERT_NE(got, nullptr) << name;
    EXPECT_EQ(got->title, want->title) << name;
    EXPECT_EQ(got->path, want->path) << name;
    EXPECT_EQ(some->rules.profiles.size(), 1u) << name;
    EXPECT_EQ(some->rules.lexicon.synonyms.size(), all->rules.lexicon.synonyms.size());
    EXPECT_EQ(some->rules.lexicon.seniority.size(), all->rules.lexicon.seniority.size());
    ++selected;
  }
  EXPECT_GE(selected, 30);
}

TEST(SelectedRoles, TailorsExactlyAsAFullLoad) {
  std::unique_ptr<Loaded> all = load_all();
  std::vector<model::Document> docs{test::backend_infra_resume(), test::systems_resume()};
  for (std::uint64_t seed = 1; seed <= 4; ++seed) docs.push_back(test::generated_resume(seed));
  int compared = 0;
  for (const Profile& p : all->rules.profiles) {
    if (p.fallback) continue;
    std::unique_ptr<Loaded> some = load_for({p.title});
    ASSERT_TRUE(some->selected) << p.title;
    const Profile* q = find_profile(some->rules, p.title);
    ASSERT_NE(q, nullptr);
    for (const model::Document& doc : docs) {
      EXPECT_EQ(tailored(doc, *q, *some), tailored(doc, p, *all)) << p.title;
      ++compared;
    }
  }
  EXPECT_GE(compared, 7 * 6);
}

TEST(SelectedRoles, SeveralNamesLoadEachOfTheirFilesOnce) {
  std::unique_ptr<Loaded> some = load_for({"sre", "Site Reliability Engineer", "devops"});
  ASSERT_TRUE(some->selected);
  EXPECT_EQ(some->rules.profiles.size(), 2u);
  EXPECT_TRUE(some->diags.empty());
}

TEST(SelectedRoles, TheGeneralistUnknownNamesAndUserProfilesLoadEverything) {
  EXPECT_FALSE(load_for({"Software Engineer"})->selected);
  EXPECT_FALSE(load_for({"sre", "software-engineer"})->selected);
  EXPECT_FALSE(load_for({"No Such Role"})->selected);
  EXPECT_FALSE(load_for({})->selected);
  // A user's profile folder may replace a built-in or add names: everything is loaded then.
  std::filesystem::path dir = test::scratch_dir("selected-roles-user");
  std::filesystem::create_directories(dir / "roles");
  std::ofstream(dir / "roles" / "data.rules") << "role \"Data Engineer\"\n";
  ::setenv("TAILOR_DATA_DIR", dir.c_str(), 1);
  bool selected = load_for({"sre"})->selected;
  ::unsetenv("TAILOR_DATA_DIR");
  EXPECT_FALSE(selected);
}

}  // namespace
}  // namespace tailor::transform
