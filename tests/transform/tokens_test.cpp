// Token-exact matching: C, C++ and C# differ; .NET, Node.js, CI/CD are one token; Go is not Google.
#include <gtest/gtest.h>

#include "transform/tokens.hpp"

namespace tailor::transform {
namespace {

std::vector<std::string> norms(std::string_view text, const std::set<std::string>* c = nullptr) {
  std::vector<std::string> out;
  for (const Token& t : tokenize(text, c)) out.push_back(t.norm);
  return out;
}

using V = std::vector<std::string>;

TEST(Tokenize, KeepsLanguageNamesWhole) {
  EXPECT_EQ(norms("C, C++ and C# (not F#)."), (V{"c", "c++", "and", "c#", "not", "f#"}));
  EXPECT_EQ(norms(".NET 8 and ASP.NET Core"), (V{".net", "8", "and", "asp.net", "core"}));
  EXPECT_EQ(norms("Node.js, Vue.js."), (V{"node.js", "vue.js"}));
  EXPECT_EQ(norms("Notepad++ A+B"), (V{"notepad++", "a", "b"}));
  EXPECT_EQ(norms("Python 3.11."), (V{"python", "3.11"}));
}

TEST(Tokenize, SlashJoinsOnlyKnownCompounds) {
  std::set<std::string> compounds{"ci/cd", "tcp/ip"};
  EXPECT_EQ(norms("CI/CD and TCP/IP", &compounds), (V{"ci/cd", "and", "tcp/ip"}));
  EXPECT_EQ(norms("Python/Django, C/C++", &compounds), (V{"python", "django", "c", "c++"}));
  EXPECT_EQ(norms("CI/CD"), (V{"ci", "cd"}));  // unknown without the lexicon
}

TEST(Tokenize, ByteRangesPointIntoTheText) {
  std::string s = "Ləman uses Go — daily";
  std::vector<Token> t = tokenize(s);
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(s.substr(t[0].begin, t[0].end - t[0].begin), "Ləman");
  EXPECT_EQ(s.substr(t[2].begin, t[2].end - t[2].begin), "Go");
  EXPECT_EQ(t[3].norm, "daily");
}

class MatcherTest : public ::testing::Test {
 protected:
  std::vector<std::string> terms{
      "C",    "C++",        "C#",   ".NET",       "Node.js",    "CI/CD",          "Go",
      "Java", "JavaScript", "gRPC", "Kubernetes", "PostgreSQL", "GitHub Actions", "load testing"};
  std::vector<Synonym> syns{{"Kubernetes", {"k8s"}, {}},
                            {"PostgreSQL", {"Postgres"}, {}},
                            {"Go", {"golang"}, {}},
                            {"GitHub Actions", {"GHA"}, {}},
                            {"load testing", {"load tests"}, {}}};
  Matcher m{terms, syns};

  std::vector<std::string> found(std::string_view text) {
    std::vector<std::string> out;
    for (std::size_t k : m.find_distinct(text)) out.push_back(terms[k]);
    return out;
  }
};

TEST_F(MatcherTest, CFamilyIsTokenExact) {
  EXPECT_EQ(found("C++ only"), (V{"C++"}));
  EXPECT_EQ(found("C# only"), (V{"C#"}));
  EXPECT_EQ(found("plain C drivers"), (V{"C"}));
  EXPECT_EQ(found("C/C++"), (V{"C", "C++"}));
  EXPECT_EQ(found("CSS and C-suite"), (V{"C"}));  // "C-suite" splits at '-', CSS is not C
}

TEST_F(MatcherTest, GoNeverMatchesGoogleOrGood) {
  EXPECT_TRUE(found("Google Cloud, good habits, going, goes").empty());
  EXPECT_EQ(found("services in Go."), (V{"Go"}));
  EXPECT_EQ(found("golang tooling"), (V{"Go"}));
}

TEST_F(MatcherTest, JavaNeverMatchesJavaScript) {
  EXPECT_EQ(found("JavaScript front end"), (V{"JavaScript"}));
  EXPECT_EQ(found("Java back end"), (V{"Java"}));
}

TEST_F(MatcherTest, CompoundTokensAndSynonyms) {
  EXPECT_EQ(found("ran CI/CD on GHA"), (V{"CI/CD", "GitHub Actions"}));
  EXPECT_EQ(found("CI only, CD only"), V{});
  EXPECT_EQ(found("ASP.NET and .NET"), (V{".NET"}));
  EXPECT_EQ(found("Node.js and gRPC"), (V{"Node.js", "gRPC"}));
  EXPECT_EQ(found("nodejs, node"), V{});  // no synonym given here
  EXPECT_EQ(found("moved to k8s on Postgres"), (V{"Kubernetes", "PostgreSQL"}));
  EXPECT_EQ(found("Load Testing and load tests"), (V{"load testing"}));
  EXPECT_EQ(found("load balancing; testing"), V{});
}

TEST_F(MatcherTest, CaseInsensitive) {
  EXPECT_EQ(found("KUBERNETES, github actions, POSTGRESQL"),
            (V{"Kubernetes", "GitHub Actions", "PostgreSQL"}));
}

TEST_F(MatcherTest, HitRangesCoverTheMatchedText) {
  std::string s = "Moved to k8s with GitHub Actions.";
  std::vector<Hit> h = m.find(s);
  ASSERT_EQ(h.size(), 2u);
  EXPECT_EQ(s.substr(h[0].begin, h[0].end - h[0].begin), "k8s");
  EXPECT_EQ(s.substr(h[1].begin, h[1].end - h[1].begin), "GitHub Actions");
}

TEST(Matcher, CasedTermsMatchOnlyAsWritten) {
  Matcher m({"Go", "Kubernetes"}, {{"Go", {"golang"}, {}}}, {"Go"});
  auto count = [&](std::string_view t) { return m.find(t).size(); };
  EXPECT_EQ(count("Services in Go"), 1u);
  EXPECT_EQ(count("ready to go live"), 0u);
  EXPECT_EQ(count("GO"), 0u);
  EXPECT_EQ(count("Golang and golang"), 2u);
  EXPECT_EQ(count("kubernetes"), 1u);  // other terms stay case-insensitive
}

}  // namespace
}  // namespace tailor::transform
