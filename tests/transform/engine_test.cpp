// The rule engine on C++ fixtures and generated resumes: truthful headlines, ordering,
// emphasis, --max-* options, and the "never invents" property.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "support/test_support.hpp"
#include "transform/built_in_roles.hpp"
#include "transform/engine.hpp"
#include "transform/fixtures.hpp"
#include "transform/never_invents.hpp"
#include "transform/rules.hpp"
#include "transform/tokens.hpp"
#include "writer/native/native.hpp"
#include "writer/text/text.hpp"

namespace tailor::transform {
namespace {

using model::Document;

const test::BuiltInRoles& loaded() { return test::built_in_roles(); }

const Profile& role(const std::string& name) { return test::built_in_role(name); }

using test::as_text;
using test::bullet_texts;
using test::entry_roles;
using test::skill_names;
using test::word_counts;

// The "never invents" property (tests/transform/never_invents.hpp) with the built-in lexicon.
std::string check_never_invents(const Document& input, const Profile& p,
                                const TailorOptions& opt = {}) {
  return test::check_never_invents(input, p, loaded().rules.lexicon, opt);
}

TEST(RuleFiles, BuiltInsLoadWithoutDiagnostics) {
  EXPECT_TRUE(loaded().diags.empty()) << diag::render_all(loaded().diags, loaded().sources);
  EXPECT_EQ(loaded().rules.profiles.size(), 8u);
  for (const char* n :
       {"Backend Developer", "Backend Engineer", "Systems Engineer", "Infrastructure Engineer",
        "DevOps Engineer", "Site Reliability Engineer", "Platform Engineer", "Software Engineer"}) {
    const Profile* p = find_profile(loaded().rules, n);
    ASSERT_NE(p, nullptr) << n;
    EXPECT_FALSE(p->description.empty());
    EXPECT_FALSE(p->titles.empty());
  }
}

TEST(RuleFiles, LookupByTitleAliasOrStemIgnoresCase) {
  EXPECT_EQ(&role("infrastructure"), &role("Infrastructure Engineer"));
  EXPECT_EQ(&role("INFRA"), &role("infrastructure engineer"));
  EXPECT_EQ(&role("sre"), &role("Site Reliability Engineer"));
  EXPECT_EQ(find_profile(loaded().rules, "infrastucture"), nullptr);
  std::vector<std::string> near = closest_profile_names(loaded().rules, "infrastucture");
  ASSERT_FALSE(near.empty());
  EXPECT_EQ(near.front(), "Infrastructure Engineer");
}

// --- Must show: the two fixtures for Infrastructure Engineer and Backend Engineer ------------

TEST(Tailor, HeadlinesFollowTheEvidence) {
  Document a = test::backend_infra_resume();
  tailor(a, role("infrastructure"), loaded().rules.lexicon, {});
  EXPECT_EQ(a.header.headline.value, "Senior Backend & Infrastructure Engineer");

  Document b = test::backend_infra_resume();
  tailor(b, role("backend-engineer"), loaded().rules.lexicon, {});
  EXPECT_EQ(b.header.headline.value, "Senior Backend Engineer");

  Document s = test::systems_resume();
  Report r = tailor(s, role("infrastructure"), loaded().rules.lexicon, {});
  EXPECT_EQ(s.header.headline.value, "Staff Systems Engineer");  // honest: no IaC, no k8s
  std::string explain = render_report(r, loaded().sources);
  EXPECT_NE(explain.find("no evidence for Terraform"), std::string::npos) << explain;
  EXPECT_NE(explain.find("Kubernetes"), std::string::npos) << explain;
  EXPECT_NE(explain.find("infrastructure.rules:"), std::string::npos) << explain;

  Document s2 = test::systems_resume();
  tailor(s2, role("backend-engineer"), loaded().rules.lexicon, {});
  EXPECT_EQ(s2.header.headline.value, "Staff Systems Engineer");
}

TEST(Tailor, InfrastructureDominatesWithoutOtherEvidence) {
  Document d = test::backend_infra_resume();
  // Strip the backend work: only infrastructure remains.
  for (auto& s : d.sections) {
    for (auto& b : s.blocks) {
      if (auto* e = std::get_if<model::Entry>(&b)) {
        std::vector<model::Bullet> keep;
        for (auto& x : e->bullets) {
          std::string t = model::plain_text(x.text);
          if (t.find("Terraform") != std::string::npos || t.find("k8s") != std::string::npos) {
            keep.push_back(x);
          }
        }
        e->bullets = keep;
      }
    }
  }
  d.sections.erase(std::remove_if(d.sections.begin(), d.sections.end(),
                                  [](const model::Section& s) {
                                    return s.kind == model::SectionKind::Skills ||
                                           s.kind == model::SectionKind::Summary;
                                  }),
                   d.sections.end());
  d.sections.push_back(test::section(
      model::SectionKind::Skills, "Skills",
      {test::skills("Infrastructure",
                    {"Terraform", "Kubernetes", "Helm", "ArgoCD", "AWS", "GitHub Actions"})}));
  tailor(d, role("infrastructure"), loaded().rules.lexicon, {});
  EXPECT_EQ(d.header.headline.value, "Senior Infrastructure Engineer");
}

TEST(Tailor, TerraformBeforeDjangoForInfrastructureAndTheReverseForBackend) {
  Document a = test::backend_infra_resume();
  tailor(a, role("infrastructure"), loaded().rules.lexicon, {});
  std::string infra = as_text(a);
  std::size_t skills = infra.find("Skills\n");
  ASSERT_NE(skills, std::string::npos);
  EXPECT_LT(infra.find("Terraform", skills), infra.find("Django", skills)) << infra;
  // The whole text too: the infrastructure summary variant and skills come first.
  EXPECT_LT(infra.find("Terraform"), infra.find("Django")) << infra;

  Document b = test::backend_infra_resume();
  tailor(b, role("backend-engineer"), loaded().rules.lexicon, {});
  std::string backend = as_text(b);
  skills = backend.find("Skills\n");
  ASSERT_NE(skills, std::string::npos);
  EXPECT_LT(backend.find("Django", skills), backend.find("Terraform", skills)) << backend;
  EXPECT_LT(backend.find("Django"), backend.find("Terraform")) << backend;
}

TEST(Tailor, NoProfileWordTheResumeLacksAppears) {
  for (const Document& input : {test::backend_infra_resume(), test::systems_resume()}) {
    std::map<std::string, int> in_words = word_counts(as_text(input));
    for (const Profile& p : loaded().rules.profiles) {
      Document out = input;
      Report rep = tailor(out, p, loaded().rules.lexicon, {});
      std::map<std::string, int> out_words = word_counts(as_text(out));
      std::string profile_words = p.title + " ";
      for (const Keyword& k : p.keywords) profile_words += k.text + " ";
      for (const EvidenceGroup& g : p.groups) profile_words += g.label + " ";
      for (const auto& [w, n] : word_counts(profile_words)) {
        if (in_words.count(w)) continue;
        bool licensed_title_word = rep.fired && word_counts(rep.fired->title).count(w);
        if (licensed_title_word) continue;
        EXPECT_EQ(out_words.count(w), 0u) << "'" << w << "' from " << p.title;
      }
    }
  }
}

// --- Never invents: every fixture and generated resume x every role --------------------------

TEST(NeverInvents, FixturesTimesRoles) {
  for (const Document& input : {test::backend_infra_resume(), test::systems_resume()}) {
    for (const Profile& p : loaded().rules.profiles) {
      EXPECT_EQ(check_never_invents(input, p), "");
      EXPECT_EQ(check_never_invents(input, p, {3, 2, false}), "");
      EXPECT_EQ(check_never_invents(input, p, {0, 1, true}), "");
    }
  }
}

TEST(NeverInvents, GeneratedResumesTimesRoles) {
  int fired = 0;
  for (std::uint64_t seed = 1; seed <= 300; ++seed) {
    Document input = test::generated_resume(seed);
    for (const Profile& p : loaded().rules.profiles) {
      TailorOptions opt;
      if (seed % 3 == 1)
        opt = {static_cast<int>(seed % 7), static_cast<int>(seed % 4), seed % 2 == 0};
      ASSERT_EQ(check_never_invents(input, p, opt), "") << "seed " << seed;
      Document out = input;
      if (tailor(out, p, loaded().rules.lexicon, opt).fired) ++fired;
    }
  }
  // The generator must exercise headline rewriting, or the property says little.
  EXPECT_GT(fired, 50);
}

TEST(NeverInvents, DetectsAnInventedWord) {
  // The checker itself must fail on a profile whose title rule adds an unlicensed word.
  Profile p = role("infrastructure");
  Document input = test::backend_infra_resume();
  Document out = input;
  tailor(out, p, loaded().rules.lexicon, {});
  out.header.headline.value += " Wizard";
  EXPECT_EQ(word_counts(as_text(out)).count("wizard"), 1u);
  EXPECT_EQ(word_counts(as_text(input)).count("wizard"), 0u);
}

// --- Ordering, limits, emphasis -----------------------------------------------------------

TEST(Tailor, BulletsOrderedStablyAndMaxBulletsNeverEmpties) {
  Document d = test::backend_infra_resume();
  tailor(d, role("infrastructure"), loaded().rules.lexicon, {0, 2, false});
  const auto& jobs = d.sections[2].blocks;  // summary (1 kept), experience, ...
  ASSERT_EQ(d.sections[2].kind, model::SectionKind::Experience);
  const auto& first = std::get<model::Entry>(jobs[0]);
  ASSERT_EQ(first.bullets.size(), 2u);
  EXPECT_EQ(model::plain_text(first.bullets[0].text),
            "Moved twelve services to k8s with Helm charts and GitHub Actions CI/CD.");
  EXPECT_EQ(model::plain_text(first.bullets[1].text),
            "Wrote Terraform modules for the AWS staging and production accounts.");
  Document one = test::backend_infra_resume();
  tailor(one, role("platform"), loaded().rules.lexicon, {0, 1, false});
  for (const auto& s : one.sections) {
    for (const auto& b : s.blocks) {
      auto* e = std::get_if<model::Entry>(&b);
      if (e && s.kind == model::SectionKind::Experience) {
        EXPECT_EQ(e->bullets.size(), 1u);
      }
    }
  }
}

TEST(Tailor, KeepOrderKeepsSourceOrder) {
  Document in = test::backend_infra_resume();
  Document d = in;
  tailor(d, role("infrastructure"), loaded().rules.lexicon, {0, 0, true});
  EXPECT_EQ(bullet_texts(d), bullet_texts(in));
  auto order = [](const Document& x) {
    std::vector<std::string> out;
    for (const auto& s : x.sections) {
      for (const auto& b : s.blocks) {
        if (auto* e = std::get_if<model::Entry>(&b)) {
          for (const auto& bl : e->bullets) out.push_back(model::plain_text(bl.text));
        }
        if (auto* g = std::get_if<model::SkillGroup>(&b)) {
          for (const auto& k : g->items) out.push_back(k.name);
        }
      }
    }
    return out;
  };
  EXPECT_EQ(order(d), order(in));
}

TEST(Tailor, MaxSkillsKeepsTheMostRelevant) {
  Document d = test::backend_infra_resume();
  tailor(d, role("infrastructure"), loaded().rules.lexicon, {3, 0, false});
  EXPECT_EQ(skill_names(d),
            (std::vector<std::string>{"GitHub Actions", "Kubernetes", "Terraform"}));
}

TEST(Tailor, EmphasisSplitsRunsWithoutChangingText) {
  Document in = test::backend_infra_resume();
  Document d = in;
  tailor(d, role("infrastructure"), loaded().rules.lexicon, {0, 0, true});
  const model::Section* exp = nullptr;
  for (const auto& s : d.sections) {
    if (s.kind == model::SectionKind::Experience) exp = &s;
  }
  ASSERT_NE(exp, nullptr);
  const auto& e = std::get<model::Entry>(exp->blocks[0]);
  const auto& runs = e.bullets[3].text;  // "Moved twelve services to k8s with Helm charts ..."
  std::vector<std::string> marked;
  for (const auto& r : runs) {
    if (r.keyword) marked.push_back(r.text);
  }
  EXPECT_EQ(marked, (std::vector<std::string>{"k8s", "Helm charts", "GitHub Actions", "CI/CD"}));
  EXPECT_EQ(bullet_texts(d), bullet_texts(in));
  EXPECT_EQ(d.meta.target_role, "Infrastructure Engineer");
  EXPECT_EQ(d.meta.keywords, (std::vector<std::string>{"Docker", "Terraform", "Kubernetes", "AWS",
                                                       "GitHub Actions"}));
}

TEST(Tailor, SeniorityIsKeptNeverAdded) {
  Document d = test::backend_infra_resume();
  d.header.headline.value = "Backend Engineer";
  tailor(d, role("infrastructure"), loaded().rules.lexicon, {});
  EXPECT_EQ(d.header.headline.value, "Backend & Infrastructure Engineer");
  Document l = test::backend_infra_resume();
  l.header.headline.value = "Lead Engineer | Payments";
  tailor(l, role("infrastructure"), loaded().rules.lexicon, {});
  EXPECT_EQ(l.header.headline.value, "Lead Backend & Infrastructure Engineer | Payments");
  Document none = test::backend_infra_resume();
  none.header.headline.value.clear();
  tailor(none, role("infrastructure"), loaded().rules.lexicon, {});
  EXPECT_EQ(none.header.headline.value, "");
}

// --- Goldens: dump after tailoring, each fixture x role -----------------------------------

TEST(TailorGolden, FixturesTimesRoles) {
  std::vector<std::pair<std::string, Document>> inputs = {
      {"fixture-backend-infra", test::backend_infra_resume()},
      {"fixture-systems", test::systems_resume()}};
  for (const auto& [name, input] : inputs) {
    for (const Profile& p : loaded().rules.profiles) {
      Document d = input;
      Report rep = tailor(d, p, loaded().rules.lexicon, {});
      std::string explain = render_report(rep, loaded().sources);
      std::string root = test::source_path("");
      for (std::size_t at; (at = explain.find(root)) != std::string::npos;) {
        explain.erase(at, root.size());
      }
      std::string base = "tailor/" + name + "-" + p.stem;
      EXPECT_EQ(test::compare_golden(base + ".native", writer::dump_native(d)), "");
      EXPECT_EQ(test::compare_golden(base + ".explain", explain), "");
    }
  }
}

}  // namespace
}  // namespace tailor::transform

namespace tailor::transform {
namespace {

TEST(Tailor, KeepOrderReportsNoMoves) {
  Document d = test::backend_infra_resume();
  Report r = tailor(d, role("infrastructure"), loaded().rules.lexicon, {0, 0, true});
  for (const Change& c : r.changes) {
    EXPECT_EQ(c.detail.find(" -> "),
              c.what == "headline" ? c.detail.find(" -> ") : std::string::npos)
        << c.what << ": " << c.detail;
  }
}

}  // namespace
}  // namespace tailor::transform

namespace tailor::transform {
namespace {

TEST(Tailor, LinksAreNotSplitForEmphasis) {
  Document d = test::backend_infra_resume();
  auto& e = std::get<model::Entry>(d.sections[2].blocks[0]);
  model::Run link{"Terraform modules", false, false, false, "https://example.com/tf", {}};
  e.bullets[0].text = {model::Run{"Published ", false, false, false, "", {}}, link};
  tailor(d, role("infrastructure"), loaded().rules.lexicon, {0, 0, true});
  const auto& runs = std::get<model::Entry>(d.sections[1].blocks[0]).bullets[0].text;
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[1], link);
}

}  // namespace
}  // namespace tailor::transform
