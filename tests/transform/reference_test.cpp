// Candidate references are stable: from the given ref, the e-mail, the name, never the bytes.
#include <gtest/gtest.h>

#include <set>

#include "model/source_manager.hpp"
#include "reader/reader.hpp"
#include "transform/reference.hpp"

namespace transform = tailor::transform;
namespace model = tailor::model;

namespace {

model::Document parse(const std::string& text, model::SourceManager& sources) {
  tailor::diag::Diagnostics diags;
  auto doc = tailor::reader::read_document_bytes("cv.resume", text, sources, diags);
  EXPECT_TRUE(doc) << "parse failed";
  return doc ? *doc : model::Document{};
}

std::string ref_of(const std::string& text) {
  model::SourceManager sources;
  model::Document d = parse(text, sources);
  return transform::candidate_reference(&d, "in/cv.resume").text;
}

}  // namespace

TEST(CandidateReference, ATypoFixKeepsTheReference) {
  std::string before =
      "name: Aysel Hüseynova\nemail: Aysel@Example.com\n\n== Experience\n"
      "=== Engineer | Acme | Bakı | 2020-01 – present\n- Bulit the API gateway\n";
  std::string after =
      "name: Aysel Hüseynova\nemail: aysel@example.com \n\n== Experience\n"
      "=== Engineer | Acme | Bakı | 2020-01 – present\n- Built the API gateway\n";
  EXPECT_EQ(ref_of(before), ref_of(after));
  EXPECT_EQ(ref_of(before).rfind("Candidate ", 0), 0u) << ref_of(before);
}

TEST(CandidateReference, GivenRefWinsThenEmailThenName) {
  model::SourceManager sources;
  model::Document given = parse("name: A B\nemail: a@b.c\nref:  R-1042 \n", sources);
  auto r = transform::candidate_reference(&given, "x.resume");
  EXPECT_EQ(r.text, "R-1042");
  EXPECT_EQ(r.source, transform::ReferenceSource::Given);
  model::Document mail = parse("name: A B\nemail: a@b.c\n", sources);
  EXPECT_EQ(transform::candidate_reference(&mail, "x.resume").source,
            transform::ReferenceSource::Email);
  model::Document name = parse("name: Ａｙｓｅｌ  HÜSEYNOVA\n", sources);
  model::Document name2 = parse("name: aysel hüseynova\n", sources);
  auto n = transform::candidate_reference(&name, "x.resume");
  EXPECT_EQ(n.source, transform::ReferenceSource::Name);
  // NFKC folds the full-width letters; case folding and the space run do the rest.
  EXPECT_EQ(n.text, transform::candidate_reference(&name2, "y.resume").text);
  EXPECT_EQ(transform::candidate_reference(nullptr, "./in/x.resume").text,
            transform::candidate_reference(nullptr, "in/x.resume").text);
}

TEST(CandidateReference, JsonResumeMetaRef) {
  model::SourceManager sources;
  tailor::diag::Diagnostics diags;
  auto doc = tailor::reader::read_document_bytes(
      "cv.json", R"({"basics":{"name":"A B","email":"a@b.c"},"meta":{"ref":"ATS-7"}})", sources,
      diags);
  ASSERT_TRUE(doc);
  EXPECT_EQ(transform::candidate_reference(&*doc, "cv.json").text, "ATS-7");
}

TEST(CandidateReference, ManyGeneratedPeopleNeverCollide) {
  // 20,000 people with generated names and addresses, some sharing a first or last name.
  const char* first[] = {"Aysel", "Kamran", "Leyla", "Murad", "Nigar", "Orxan", "Ülviyyə", "Elçin",
                         "Jane",  "John",   "María", "José",  "Wei",   "Aiko",  "Olu",     "Sven"};
  const char* last[] = {"Hüseynova", "Əliyev", "Smith", "García", "Chen", "Sato",
                        "Okafor",    "Berg",   "Kim",   "Rossi",  "Novak"};
  std::set<std::string> by_email, by_name;
  std::size_t names = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string name =
        std::string(first[i % 16]) + " " + last[(i / 16) % 11] + " " + std::to_string(i / 176);
    std::string email = "person" + std::to_string(i) + "@example.org";
    EXPECT_TRUE(by_email.insert(transform::derived_reference("email", email)).second) << email;
    if (i < 176 * 40) {
      ++names;
      by_name.insert(transform::derived_reference("name", transform::normalise_key(name)));
    }
  }
  EXPECT_EQ(by_name.size(), names);
}
