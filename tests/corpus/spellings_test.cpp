// Synonyms grow where users write them: every row of tests/corpus/spellings.tsv ("GH Actions",
// "Postgres", "k8s", "Golang", ...) counts as its term in a resume and in a posting.
#include <gtest/gtest.h>

#include "corpus/corpus.hpp"
#include "transform/tokens.hpp"

namespace tailor::corpus {
namespace {

std::vector<std::pair<std::string, std::string>> spellings() {
  std::vector<std::pair<std::string, std::string>> out;
  std::istringstream in(test::slurp(test::source_path("tests/corpus/spellings.tsv")));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f = split(line, "\t");
    if (f.size() != 2) {
      ADD_FAILURE() << "spellings.tsv: two columns wanted: " << line;
      continue;
    }
    out.emplace_back(f[0], f[1]);
  }
  return out;
}

TEST(Spellings, TheTableIsNotEmpty) { EXPECT_GE(spellings().size(), 50u); }

TEST(Spellings, EachSpellingCountsAsItsTermInAResume) {
  const transform::Lexicon& lex = corpus().rules.lexicon;
  for (const auto& [spelling, term] : spellings()) {
    transform::Matcher m({term}, lex.synonyms, lex.cased);
    std::string text = "Daily work with " + spelling + " in production.";
    EXPECT_EQ(m.find_distinct(text), std::vector<std::size_t>{0})
        << "'" << spelling << "' -> " << term;
  }
}

TEST(Spellings, EachSpellingCountsAsItsTermInAPosting) {
  Corpus& c = corpus();
  model::Document empty;
  for (const auto& [spelling, term] : spellings()) {
    diag::Diagnostics d;
    std::string text =
        "Engineer\n\nRequirements:\n- Daily work with " + spelling + " in production\n";
    std::uint32_t id = c.sources.add("spelling-" + spelling + ".txt", text);
    auto posting = transform::parse_posting_text(id, c.sources.text(id), d);
    ASSERT_TRUE(posting) << spelling;
    transform::JobAnalysis a = transform::analyse_posting(*posting, c.rules, empty);
    std::vector<std::string> found;
    for (const transform::PostingKeyword& k : a.keywords) found.push_back(k.text);
    EXPECT_NE(std::find(found.begin(), found.end(), term), found.end())
        << "'" << spelling << "' -> " << term << "; found " << ::testing::PrintToString(found);
  }
}

}  // namespace
}  // namespace tailor::corpus
