// The per-thread token cache (transform/token_cache.hpp): a kept text gives exactly the tokens
// tokenize() gives, under its own compounds and language, and the cache stays within its bound.
#include "transform/token_cache.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "transform/tokens.hpp"

namespace tailor::transform {
namespace {

bool same(const std::vector<Token>& a, const std::vector<Token>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const Token &x = a[i], &y = b[i];
    if (x.norm != y.norm || x.begin != y.begin || x.end != y.end || x.compound != y.compound ||
        x.hyphenated != y.hyphenated || x.initial != y.initial ||
        x.sentence_start != y.sentence_start) {
      return false;
    }
  }
  return true;
}

// Every non-empty line of the sample resumes and the test fixtures' resumes: texts this cache
// was not written for.
std::vector<std::string> sample_lines() {
  std::vector<std::string> out;
  namespace fs = std::filesystem;
  for (const char* dir : {"/samples", "/tests/fixtures"}) {
    fs::path root = fs::path(TAILOR_SOURCE_DIR) / (dir + 1);
    if (!fs::exists(root)) continue;
    for (const auto& f : fs::recursive_directory_iterator(root)) {
      if (f.path().extension() != ".resume") continue;
      std::ifstream in(f.path());
      for (std::string line; std::getline(in, line);) {
        if (!line.empty()) out.push_back(line);
      }
    }
  }
  return out;
}

TEST(TokenCache, KeptTokensAreTheTokenizersUnderEachCompoundSetAndLanguage) {
  std::vector<std::string> lines = sample_lines();
  ASSERT_GT(lines.size(), 200u);
  lines.push_back("CI/CD and TCP/IP, Python/Django, C-level, Go/No-Go");
  std::set<std::string> none, some{"ci/cd", "tcp/ip"}, other{"ci/cd"};
  const std::string tr = "tr", en = "en";
  const std::string* langs[] = {nullptr, &tr, &en};
  TokenCache cache(64u << 20);
  std::size_t calls = 0;
  for (int round = 0; round < 2; ++round) {
    for (const std::string& l : lines) {
      for (const std::set<std::string>* c : {&none, &some, &other}) {
        for (const std::string* lang : langs) {
          const std::vector<Token>& kept = cache.tokens(l, c, compounds_id(*c), lang);
          ++calls;
          ASSERT_TRUE(same(kept, tokenize(l, c, lang))) << l;
        }
      }
    }
  }
  // The second round is answered from the cache (lines that repeat hit in the first).
  EXPECT_GE(cache.hits(), calls / 2);
}

TEST(TokenCache, CompoundSetsAreNumberedByContent) {
  std::set<std::string> a{"ci/cd"}, b{"ci/cd"}, c{"tcp/ip"};
  EXPECT_EQ(compounds_id(a), compounds_id(b));
  EXPECT_NE(compounds_id(a), compounds_id(c));
  EXPECT_EQ(compounds_id({}), 0u);
  // One text, two compound sets, two different tokenizations: each is kept under its own key.
  TokenCache cache(1u << 20);
  std::string text = "Built CI/CD pipelines";
  EXPECT_EQ(cache.tokens(text, &a, compounds_id(a), nullptr).size(), 3u);
  EXPECT_EQ(cache.tokens(text, &c, compounds_id(c), nullptr).size(), 4u);
  EXPECT_EQ(cache.tokens(text, &a, compounds_id(a), nullptr).size(), 3u);
  EXPECT_EQ(cache.hits(), 1u);
}

TEST(TokenCache, StaysWithinItsBoundAndKeepsAnsweringRight) {
  std::vector<std::string> lines = sample_lines();
  TokenCache cache(16u << 10);
  std::size_t emptied = 0, last = 0;
  for (int round = 0; round < 3; ++round) {
    for (const std::string& l : lines) {
      ASSERT_TRUE(same(cache.tokens(l, nullptr, 0, nullptr), tokenize(l)));
      ASSERT_LE(cache.bytes(), cache.max_bytes());
      if (cache.size() < last) ++emptied;
      last = cache.size();
    }
  }
  EXPECT_GT(emptied, 0u);  // the samples hold more than 16 KiB of tokens: it was emptied
  // A text whose tokens would take a quarter of the bound is answered but not kept.
  std::string big;
  for (int i = 0; i < 400; ++i) big += "Kubernetes operators and Terraform modules. ";
  std::size_t before = cache.size();
  EXPECT_TRUE(same(cache.tokens(big, nullptr, 0, nullptr), tokenize(big)));
  EXPECT_EQ(cache.size(), before);
  EXPECT_LE(cache.bytes(), cache.max_bytes());
}

TEST(TokenCache, EachThreadHasItsOwnAndBothAnswerRight) {
  std::vector<std::string> lines = sample_lines();
  std::set<std::string> some{"ci/cd", "tcp/ip"};
  std::uint32_t id = compounds_id(some);
  bool ok[2] = {true, true};
  const TokenCache* caches[2] = {nullptr, nullptr};
  auto work = [&](int k) {
    TokenCache& cache = TokenCache::for_thread();
    caches[k] = &cache;
    for (int round = 0; round < 3; ++round) {
      for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string& l = lines[(i * (k + 1)) % lines.size()];
        if (!same(cache.tokens(l, &some, id, nullptr), tokenize(l, &some))) ok[k] = false;
        if (cache.bytes() > cache.max_bytes()) ok[k] = false;
      }
    }
  };
  std::thread a(work, 0), b(work, 1);
  a.join();
  b.join();
  EXPECT_TRUE(ok[0]);
  EXPECT_TRUE(ok[1]);
  EXPECT_NE(caches[0], caches[1]);
  EXPECT_NE(caches[0], &TokenCache::for_thread());
}

}  // namespace
}  // namespace tailor::transform
