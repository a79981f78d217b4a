// The posting side of issue 13 on the corpus postings: headings in five languages, work given to
// someone else, terms not assessed with the share of requirement lines understood, and posting
// traps that the same mention rules as resumes keep from counting.
#include <gtest/gtest.h>

#include <tuple>

#include "corpus/corpus.hpp"

namespace tailor::corpus {
namespace {

const transform::Posting& posting(const std::string& name) { return corpus().postings.at(name); }

transform::PostingPart part_of(const transform::Posting& p, const std::string& needle) {
  for (const transform::PostingLine& l : p.lines) {
    if (l.text.find(needle) != std::string::npos) return l.part;
  }
  ADD_FAILURE() << "no line with " << needle;
  return transform::PostingPart::Context;
}

transform::JobAnalysis analyse(const std::string& name) {
  static const model::Document empty;
  return transform::analyse_posting(posting(name), corpus().rules, empty);
}

const transform::PostingKeyword* keyword(const transform::JobAnalysis& a, const std::string& k) {
  for (const transform::PostingKeyword& x : a.keywords) {
    if (x.text == k) return &x;
  }
  return nullptr;
}

std::vector<std::string> not_assessed(const transform::JobAnalysis& a) {
  std::vector<std::string> out;
  for (const transform::NotAssessed& n : a.coverage.not_assessed) out.push_back(n.term);
  std::sort(out.begin(), out.end());
  return out;
}

using transform::PostingPart;

TEST(PostingHeadings, RussianAzerbaijaniTurkishAndGermanHeadingsSetTheParts) {
  const auto& ru = posting("java-developer-bank-ru");
  EXPECT_EQ(part_of(ru, "REST API на Java"), PostingPart::Responsibility);  // Обязанности
  EXPECT_EQ(part_of(ru, "Java от трёх лет"), PostingPart::Required);        // Требования
  EXPECT_EQ(part_of(ru, "Kafka"), PostingPart::Optional);  // Будет плюсом
  const auto& az = posting("infrastructure-az");
  EXPECT_EQ(part_of(az, "AWS hesablarını"), PostingPart::Responsibility);  // Vəzifələr
  EXPECT_EQ(part_of(az, "ən azı üç il"), PostingPart::Required);           // Tələblər
  EXPECT_EQ(part_of(az, "Vault"), PostingPart::Optional);                  // Üstünlük sayılır
  const auto& tr = posting("sre-tr");
  EXPECT_EQ(part_of(tr, "error budget"), PostingPart::Responsibility);   // Sorumluluklar
  EXPECT_EQ(part_of(tr, "Kubernetes ve Linux"), PostingPart::Required);  // Gereksinimler
  EXPECT_EQ(part_of(tr, "OpenTelemetry"), PostingPart::Optional);        // Tercih sebebi
  const auto& de = posting("devops-de");
  EXPECT_EQ(part_of(de, "Konfigurationsmanagement"), PostingPart::Responsibility);  // Ihre Aufgaben
  EXPECT_EQ(part_of(de, "Linux und Bash"), PostingPart::Required);                  // Ihr Profil
  EXPECT_EQ(part_of(de, "Terraform"), PostingPart::Optional);  // Wünschenswert
}

TEST(PostingHeadings, HeadingsInAnyLetterCaseAndOptionalLinesInOtherLanguages) {
  Corpus& c = corpus();
  diag::Diagnostics d;
  std::string text =
      "Backend-разработчик\n\nТРЕБОВАНИЯ\n- Go\n- Kafka будет плюсом\n\nGEREKSİNİMLER:\n- "
      "PostgreSQL\n\nÜSTÜNLÜK SAYILIR\n- Redis\n\nIhr Profil\n- Docker von Vorteil\n";
  std::uint32_t id = c.sources.add("caps.txt", text);
  auto p = transform::parse_posting_text(id, c.sources.text(id), d);
  ASSERT_TRUE(p);
  EXPECT_EQ(part_of(*p, "Go"), PostingPart::Required);
  EXPECT_EQ(part_of(*p, "Kafka"), PostingPart::Optional);
  EXPECT_EQ(part_of(*p, "PostgreSQL"), PostingPart::Required);
  EXPECT_EQ(part_of(*p, "Redis"), PostingPart::Optional);
  EXPECT_EQ(part_of(*p, "Docker"), PostingPart::Optional);
}

// "The merchant portal in C# and .NET is built by a separate team; you will not work on it."
TEST(PostingScope, WorkGivenToAnotherTeamIsNotAskedOfTheCandidate) {
  transform::JobAnalysis be = analyse("backend-engineer-fintech");
  EXPECT_EQ(keyword(be, "C#"), nullptr);
  EXPECT_EQ(keyword(be, ".NET"), nullptr);
  ASSERT_NE(keyword(be, "Go"), nullptr);
  EXPECT_TRUE(keyword(be, "Go")->required);
  transform::JobAnalysis node = analyse("node-developer-en");
  EXPECT_EQ(keyword(node, "Python"), nullptr);  // "owned by the data team"
  // "Email templates for the marketing team are out of scope; mobile operators integration is
  // handled elsewhere": no keyword comes from a line that gives its work away.
  for (const char* name : {"backend-engineer-fintech", "node-developer-en", "platform-en"}) {
    std::vector<std::uint32_t> away;
    for (const transform::PostingLine& l : posting(name).lines) {
      if (l.elsewhere) away.push_back(l.span.line);
    }
    EXPECT_FALSE(away.empty()) << name;
    for (const transform::PostingKeyword& k : analyse(name).keywords) {
      for (const model::SourceSpan& sp : k.spans) {
        EXPECT_EQ(std::count(away.begin(), away.end(), sp.line), 0) << name << ": " << k.text;
      }
    }
  }
}

TEST(PostingCoverage, TermsTheVocabularyDoesNotKnowAreListedNotScored) {
  transform::JobAnalysis data = analyse("data-engineer-en");
  EXPECT_EQ(not_assessed(data),
            (std::vector<std::string>{"Airflow", "Scala", "Snowflake", "Spark", "dbt"}));
  // Requirement lines: two responsibilities, three requirements, one nice to have. Understood:
  // "Python and SQL", "Kafka", "Terraform"; the other three name unknown tools.
  EXPECT_EQ(data.coverage.requirement_lines, 6);
  EXPECT_EQ(data.coverage.understood_lines, 3);
  for (const transform::PostingKeyword& k : data.keywords) {
    for (const std::string& t : not_assessed(data)) EXPECT_NE(k.text, t);
  }
  transform::JobAnalysis be = analyse("backend-engineer-fintech");
  EXPECT_EQ(not_assessed(be), (std::vector<std::string>{"Elixir", "Scala"}));
  // The line that gives C# and .NET to a separate team is not a requirement line.
  EXPECT_EQ(be.coverage.requirement_lines, 9);
  transform::JobAnalysis ru = analyse("java-developer-bank-ru");
  EXPECT_EQ(not_assessed(ru), (std::vector<std::string>{"JUnit", "Oracle"}));
  transform::JobAnalysis de = analyse("devops-de");
  EXPECT_EQ(not_assessed(de), std::vector<std::string>{});  // German nouns are not terms
}

TEST(PostingCoverage, ATermTheResumeListsIsAssessed) {
  Corpus& c = corpus();
  std::optional<model::Document> kamila = c.read(c.people.at("kamila"));
  ASSERT_TRUE(kamila);
  transform::JobAnalysis a =
      transform::analyse_posting(posting("java-developer-bank-ru"), c.rules, *kamila);
  EXPECT_EQ(not_assessed(a), std::vector<std::string>{"Oracle"});  // her skills name JUnit
  EXPECT_NE(keyword(a, "JUnit"), nullptr);
}

// The posting is read with the resume's mention rules: "Before each Go-Live", "take the helm",
// "the rest of the team" and "guard rails" ask for nothing.
TEST(PostingTraps, RewordingPostingTrapsChangesNoKeyword) {
  Corpus& c = corpus();
  struct T {
    std::string posting, phrase, paraphrase;
  };
  for (const T& t : std::vector<T>{
           {"platform-en", "Before each Go-Live", "Before each launch"},
           {"platform-en", "the guard rails", "the safeguards"},
           {"backend-engineer-fintech", "You will take the helm of", "You will lead"},
           {"backend-engineer-fintech", "the\nrest of the team", "the\nother engineers"},
       }) {
    std::string raw =
        test::slurp(test::source_path("tests/corpus/evidence/postings/" + t.posting + ".txt"));
    ASSERT_NE(raw.find(t.phrase), std::string::npos) << t.phrase;
    auto analysed = [&](const std::string& text) {
      diag::Diagnostics d;
      std::uint32_t id = c.sources.add(t.posting + ".txt", text);
      auto p = transform::parse_posting_text(id, c.sources.text(id), d);
      model::Document empty;
      std::vector<std::tuple<std::string, int, bool>> ks;
      if (!p) return ks;
      for (const auto& k : transform::analyse_posting(*p, c.rules, empty).keywords) {
        ks.emplace_back(k.text, k.weight, k.required);
      }
      std::sort(ks.begin(), ks.end());
      return ks;
    };
    EXPECT_EQ(analysed(raw), analysed(replace_all(raw, t.phrase, t.paraphrase)))
        << t.posting << ": '" << t.phrase << "'";
  }
}

}  // namespace
}  // namespace tailor::corpus
