#include "transform/token_cache.hpp"

#include <functional>
#include <map>
#include <mutex>

namespace tailor::transform {

std::uint32_t compounds_id(const std::set<std::string>& compounds) {
  if (compounds.empty()) return 0;
  static std::mutex mutex;
  static std::map<std::set<std::string>, std::uint32_t> ids;
  std::lock_guard<std::mutex> lock(mutex);
  auto [it, added] = ids.emplace(compounds, static_cast<std::uint32_t>(ids.size() + 1));
  return it->second;
}

std::size_t TokenCache::Hash::operator()(const Key& k) const {
  std::size_t h = std::hash<std::string_view>{}(k.text);
  h ^= (static_cast<std::size_t>(k.id) << 1 | (k.has_lang ? 1 : 0)) + 0x9e3779b97f4a7c15ULL +
       (h << 6) + (h >> 2);
  if (k.has_lang) h ^= std::hash<std::string_view>{}(k.lang) + (h << 6) + (h >> 2);
  return h;
}

TokenCache::TokenCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

namespace {

// The heap an entry holds, roughly: its strings, its tokens and a node.
std::size_t footprint(std::string_view text, std::string_view lang,
                      const std::vector<Token>& toks) {
  std::size_t n = 96 + text.size() + lang.size() + toks.capacity() * sizeof(Token);
  for (const Token& t : toks) {
    if (t.norm.size() > 15) n += t.norm.capacity() + 1;  // beyond the short-string buffer
  }
  return n;
}

}  // namespace

const std::vector<Token>& TokenCache::tokens(std::string_view text,
                                             const std::set<std::string>* compounds,
                                             std::uint32_t id, const std::string* lang) {
  Key probe{id, lang != nullptr, lang ? std::string_view(*lang) : std::string_view(), text};
  if (auto it = map_.find(probe); it != map_.end()) {
    ++hits_;
    return it->second.tokens;
  }
  std::vector<Token> toks = tokenize(text, compounds, lang);
  std::size_t size = footprint(text, probe.lang, toks);
  if (size * 4 > max_bytes_) {
    scratch_ = std::move(toks);
    return scratch_;
  }
  if (bytes_ + size > max_bytes_) {
    map_.clear();
    bytes_ = 0;
  }
  Entry e{std::string(probe.lang), std::string(text), std::move(toks)};
  Key key{id, probe.has_lang, {}, {}};
  // The key views the entry's own strings once the entry is in its node.
  auto [it, added] = map_.emplace(probe, std::move(e));
  (void)added;
  key.lang = it->second.lang;
  key.text = it->second.text;
  // Re-key the node to view its own strings (the probe views the caller's).
  auto node = map_.extract(it);
  node.key() = key;
  auto placed = map_.insert(std::move(node));
  bytes_ += size;
  return placed.position->second.tokens;
}

TokenCache& TokenCache::for_thread() {
  thread_local TokenCache cache(1u << 20);
  return cache;
}

}  // namespace tailor::transform
