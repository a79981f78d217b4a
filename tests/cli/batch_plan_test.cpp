// Batch planning: names from hostile content stay inside --out-dir, unique and readable.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "cli/batch_plan.hpp"

using namespace tailor::cli::batch;
namespace fs = std::filesystem;

namespace {

PlanSpec spec_for(std::vector<std::string> inputs, std::vector<std::string> roles = {}) {
  PlanSpec s;
  for (auto& i : inputs) s.inputs.push_back({i, "Candidate " + std::to_string(s.inputs.size())});
  s.roles = std::move(roles);
  s.formats = {{"pdf", "pdf"}, {"docx", "docx"}};
  s.out_dir = "out";
  s.style = "classic";
  return s;
}

std::vector<std::string> names(const Plan& p) {
  std::vector<std::string> v;
  for (const auto& o : p.outputs) v.push_back(o.name);
  return v;
}

}  // namespace

TEST(BatchPlan, EveryInputRoleAndFormatInPlanOrder) {
  std::string err;
  auto plan = make_plan(spec_for({"cv/Aysel Məmmədova.resume", "cv/ivan.json"},
                                 {"Backend Engineer", "Infrastructure Engineer"}),
                        err);
  ASSERT_TRUE(plan) << err;
  EXPECT_EQ(names(*plan), (std::vector<std::string>{
                              "aysel-memmedova-backend-engineer.pdf",
                              "aysel-memmedova-backend-engineer.docx",
                              "aysel-memmedova-infrastructure-engineer.pdf",
                              "aysel-memmedova-infrastructure-engineer.docx",
                              "ivan-backend-engineer.pdf",
                              "ivan-backend-engineer.docx",
                              "ivan-infrastructure-engineer.pdf",
                              "ivan-infrastructure-engineer.docx",
                          }));
  EXPECT_EQ(plan->outputs[5].path, "out/ivan-backend-engineer.docx");
  EXPECT_EQ(plan->outputs[5].input, 1u);
  EXPECT_EQ(plan->outputs[5].role, 0u);
  EXPECT_EQ(plan->outputs[5].format, 1u);
}

TEST(BatchPlan, HostileStemsAndRolesNeverLeaveOutDir) {
  std::string nul_name("a\0b.resume", 10);
  auto spec = spec_for(
      {"../../etc/passwd.resume", "x/..resume", nul_name, "x/" + std::string(300, 'L') + ".resume",
       "x/!!!.resume", "x/.resume", "x/\x1b[31mred.resume", "x/con.resume"},
      {"../../root", "/etc/cron.d/x", std::string("r\0le", 4)});
  std::string err;
  auto plan = make_plan(spec, err);
  ASSERT_TRUE(plan) << err;
  std::set<std::string> unique;
  for (const auto& o : plan->outputs) {
    SCOPED_TRACE(o.name);
    EXPECT_EQ(o.name.find('/'), std::string::npos);
    EXPECT_EQ(o.name.find(".."), std::string::npos);
    EXPECT_EQ(o.name.find('\0'), std::string::npos);
    EXPECT_LE(o.name.size(), 64u + 1 + 64 + 5);
    for (char c : o.name) EXPECT_GE(static_cast<unsigned char>(c), 0x20);
    EXPECT_EQ(fs::path(o.path).parent_path(), fs::path("out"));
    unique.insert(o.name);
  }
  EXPECT_EQ(unique.size(), plan->outputs.size());
  EXPECT_EQ(plan->outputs[0].name, "passwd-root.pdf");
  EXPECT_EQ(plan->outputs[2].name, "passwd-etc-cron-d-x.pdf");
  EXPECT_EQ(plan->outputs[4].name, "passwd-r-le.pdf");
}

TEST(BatchPlan, TemplatesAreCheckedAndExpanded) {
  EXPECT_EQ(check_template("{stem}-{role}.{ext}"), "");
  EXPECT_NE(check_template("{stem}-{name}.{ext}").find("unknown placeholder {name}"),
            std::string::npos);
  EXPECT_NE(check_template("{stem").find("unclosed"), std::string::npos);
  EXPECT_NE(check_template("stem}").find("unmatched"), std::string::npos);
  EXPECT_NE(check_template("cv.pdf").find("at least one placeholder"), std::string::npos);
  EXPECT_NE(check_template(std::string("{stem}\0.pdf", 11)).find("control"), std::string::npos);
  NameFields f{"aysel", "backend", "pdf", "pdf", "classic", "candidate-3f9a2c"};
  EXPECT_EQ(expand_template("{{{stem}}}_{role}.{format}.{style}.{ref}.{ext}", f),
            "{aysel}_backend.pdf.classic.candidate-3f9a2c.pdf");
}

TEST(BatchPlan, UnknownPlaceholderIsAUsageError) {
  auto spec = spec_for({"a.resume"});
  spec.name_template = "{stem}-{company}.{ext}";
  std::string err;
  EXPECT_FALSE(make_plan(spec, err));
  EXPECT_NE(err.find("{company}"), std::string::npos) << err;
}

TEST(BatchPlan, TemplateCannotEscapeOutDir) {
  for (const char* t : {"../{stem}.{ext}", "{stem}/../../{ext}", "/tmp/{stem}.{ext}",
                        "a/../../{stem}.{ext}", "{stem}/"}) {
    SCOPED_TRACE(t);
    auto spec = spec_for({"a.resume"});
    spec.formats = {{"pdf", "pdf"}};
    spec.name_template = t;
    std::string err;
    EXPECT_FALSE(make_plan(spec, err));
    EXPECT_FALSE(err.empty());
  }
  // Sub-folders inside --out-dir are fine and normalised.
  auto spec = spec_for({"a.resume"}, {"Backend"});
  spec.name_template = "{role}/./{stem}.{ext}";
  std::string err;
  auto plan = make_plan(spec, err);
  ASSERT_TRUE(plan) << err;
  EXPECT_EQ(plan->outputs[0].name, "backend/a.pdf");
}

TEST(BatchPlan, RoleAndRefPlaceholdersNeedTheirOptions) {
  auto spec = spec_for({"a.resume"});
  spec.name_template = "{stem}-{role}.{ext}";
  std::string err;
  EXPECT_FALSE(make_plan(spec, err));
  EXPECT_NE(err.find("--role"), std::string::npos);
  spec.name_template = "{ref}.{ext}";
  EXPECT_FALSE(make_plan(spec, err));
  EXPECT_NE(err.find("--anonymize"), std::string::npos);
}

TEST(BatchPlan, DefaultNamesThatCollideAreDisambiguatedDeterministically) {
  auto spec = spec_for({"team-a/cv.resume", "team-b/cv.resume", "other.resume"});
  std::string err;
  auto plan = make_plan(spec, err);
  ASSERT_TRUE(plan) << err;
  auto n = names(*plan);
  std::set<std::string> unique(n.begin(), n.end());
  EXPECT_EQ(unique.size(), n.size());
  EXPECT_TRUE(n[0].starts_with("cv-") && n[0].ends_with(".pdf")) << n[0];
  EXPECT_NE(n[0], n[2]);
  EXPECT_EQ(n[4], "other.pdf");  // untouched
  auto again = make_plan(spec, err);
  EXPECT_EQ(names(*again), n);
  // Case-only differences collide too (macOS and Windows file systems fold case).
  auto upper = spec_for({"x/CV.resume", "y/cv.resume"});
  auto p2 = make_plan(upper, err);
  ASSERT_TRUE(p2) << err;
  EXPECT_NE(p2->outputs[0].name, p2->outputs[2].name);
}

TEST(BatchPlan, UserTemplateCollisionsAreRefused) {
  auto spec = spec_for({"a.resume", "b.resume"}, {"Backend"});
  spec.name_template = "{role}.{ext}";
  std::string err;
  EXPECT_FALSE(make_plan(spec, err));
  EXPECT_NE(err.find("two outputs would both be written to 'out/backend.pdf'"), std::string::npos)
      << err;
  EXPECT_NE(err.find("a.resume"), std::string::npos);
  EXPECT_NE(err.find("b.resume"), std::string::npos);
}

TEST(BatchPlan, AnonymizedDefaultNamesUseTheReference) {
  auto spec = spec_for({"people/Aysel Mammadova.resume"}, {"Backend"});
  spec.inputs[0].ref = "Candidate 3F9A2C";
  spec.anonymize = true;
  std::string err;
  auto plan = make_plan(spec, err);
  ASSERT_TRUE(plan) << err;
  EXPECT_EQ(plan->outputs[0].name, "candidate-3f9a2c-backend.pdf");
}

TEST(BatchPlan, OutputEqualToAnInputIsRefused) {
  fs::path dir = fs::temp_directory_path() / "tailor-batch-plan-test";
  fs::remove_all(dir);
  fs::create_directories(dir / "sub");
  std::ofstream(dir / "cv.txt") << "x";
  PlanSpec s;
  s.inputs = {{(dir / "cv.txt").string(), ""}};
  s.formats = {{"text", "txt"}};
  s.protected_paths = {(dir / "cv.txt").string()};
  s.style = "classic";
  std::string err;
  s.out_dir = dir.string();  // out/cv.txt is the input itself
  EXPECT_FALSE(make_plan(s, err));
  EXPECT_NE(err.find("refusing to overwrite the input file"), std::string::npos) << err;
  s.out_dir = (dir / "sub" / "..").string();  // the same folder, spelled differently
  EXPECT_FALSE(make_plan(s, err));
  s.out_dir.clear();
  s.output = (dir / "." / "cv.txt").string();  // -o
  EXPECT_FALSE(make_plan(s, err));
  // A symbolic link to the input is the same file.
  fs::create_symlink(dir / "cv.txt", dir / "link.txt");
  s.output = (dir / "link.txt").string();
  EXPECT_FALSE(make_plan(s, err));
  // Before the file exists, the lexical check alone refuses it.
  s.inputs = {{(dir / "new.txt").string(), ""}};
  s.protected_paths = {(dir / "new.txt").string()};
  s.output = (dir / "sub/../new.txt").string();
  EXPECT_FALSE(make_plan(s, err));
  s.output = (dir / "other.txt").string();
  EXPECT_TRUE(make_plan(s, err)) << err;
  fs::remove_all(dir);
}

TEST(BatchPlan, ManifestNameIsReserved) {
  auto spec = spec_for({"tailor-manifest.resume"});
  spec.formats = {{"x", ""}};
  spec.name_template = ".{stem}";
  std::string err;
  EXPECT_FALSE(make_plan(spec, err));
  EXPECT_NE(err.find("reserved"), std::string::npos) << err;
}
