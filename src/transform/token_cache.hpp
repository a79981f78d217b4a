// The tokens of texts already tokenized on this thread. Tailoring one document asks several
// matchers (the role's keyword index, the defining-evidence matcher, the bullet and headline
// scores) about the same texts, and the documents of a batch share most of their texts; each
// asked to tokenize every text again. tokenize() is a pure function of the text, the set of
// slash compounds and the language, so its tokens are kept under exactly that key.
#pragma once

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "transform/tokens.hpp"

namespace tailor::transform {

/// A number for a set of compounds: equal sets get equal numbers, for the life of the process.
/// Takes a lock; meant for a matcher's construction, not for the hot path.
std::uint32_t compounds_id(const std::set<std::string>& compounds);

class TokenCache {
 public:
  /// Keeps at most about max_bytes of tokens (an estimate of the heap they hold), emptied when
  /// full; a text whose tokens alone would take a quarter of that is not kept.
  explicit TokenCache(std::size_t max_bytes);

  /// tokenize(text, compounds, lang), where `id` is compounds_id(*compounds) (0 and null for no
  /// compounds). The reference is valid until the next call on this cache.
  const std::vector<Token>& tokens(std::string_view text, const std::set<std::string>* compounds,
                                   std::uint32_t id, const std::string* lang);

  std::size_t bytes() const { return bytes_; }
  std::size_t size() const { return map_.size(); }
  std::size_t hits() const { return hits_; }
  std::size_t max_bytes() const { return max_bytes_; }

  /// This thread's cache (1 MiB).
  static TokenCache& for_thread();

 private:
  struct Key {
    std::uint32_t id = 0;
    bool has_lang = false;
    std::string_view lang;
    std::string_view text;
    friend bool operator==(const Key&, const Key&) = default;
  };
  struct Hash {
    std::size_t operator()(const Key& k) const;
  };
  struct Entry {
    std::string lang;
    std::string text;
    std::vector<Token> tokens;
  };
  std::size_t max_bytes_;
  std::size_t bytes_ = 0;
  std::size_t hits_ = 0;
  // Keys view the strings of their entry (a node's address does not move on rehash).
  std::unordered_map<Key, Entry, Hash> map_;
  std::vector<Token> scratch_;  // a text too large to keep
};

}  // namespace tailor::transform
