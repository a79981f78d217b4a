#include "writer/pdf/shared_streams.hpp"

#include "writer/pdf/flate_filter.hpp"

#include <hpdf_conf.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <mutex>
#include <unordered_map>
#include <utility>
#include <vector>

#include "writer/pdf/deflate.hpp"
#include "writer/pdf/fonts.hpp"

namespace tailor::writer::pdf {

namespace {

// What each cache may hold before it starts again from empty. A batch of one template keeps
// a few hundred kilobytes; distinct documents with distinct glyph sets stop at these bounds,
// so a long batch's memory stays flat (docs/performance.md, peak RSS).
constexpr std::size_t kSubsetBudget = 1u << 20;
constexpr std::size_t kDeflateBudget = 1u << 20;

struct SubsetKey {
  const Face* face;
  std::vector<unsigned> glyphs;
  friend auto operator<=>(const SubsetKey&, const SubsetKey&) = default;
};

struct ContentHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct Caches {
  std::mutex mu;
  std::map<SubsetKey, std::shared_ptr<const SharedSubset>> subsets;
  std::size_t subset_bytes = 0;
  std::unordered_map<std::string, std::shared_ptr<const std::string>, ContentHash, std::equal_to<>>
      deflated;
  std::size_t deflate_bytes = 0;
  SharedStreamStats stats;
};

Caches& caches() {
  static Caches c;
  return c;
}

std::size_t footprint(const SharedSubset& s, std::size_t glyphs) {
  // The bytes, the map's nodes (about 48 bytes each) and the key's glyph list.
  return s.bytes.size() + 48 * s.old_to_new.size() + 4 * glyphs;
}

}  // namespace

std::shared_ptr<const SharedSubset> shared_subset(const Face& face,
                                                  const std::set<unsigned>& glyphs) {
  Caches& c = caches();
  SubsetKey key{&face, std::vector<unsigned>(glyphs.begin(), glyphs.end())};
  {
    std::lock_guard lock(c.mu);
    if (auto it = c.subsets.find(key); it != c.subsets.end()) {
      ++c.stats.subset_hits;
      return it->second;
    }
    ++c.stats.subset_misses;
  }
  // Outside the lock: two workers may subset the same set at once; both get the same bytes.
  auto made = std::make_shared<SharedSubset>();
  made->bytes = face.subset_glyphs(glyphs, made->old_to_new);
  if (made->bytes.empty()) return nullptr;
  std::size_t size = footprint(*made, key.glyphs.size());
  std::lock_guard lock(c.mu);
  if (c.subset_bytes + size > kSubsetBudget) {
    c.subsets.clear();
    c.subset_bytes = 0;
  }
  if (c.subsets.emplace(std::move(key), made).second) c.subset_bytes += size;
  return made;
}

std::shared_ptr<const std::string> shared_deflate(std::string_view raw) {
  Caches& c = caches();
  {
    std::lock_guard lock(c.mu);
    if (auto it = c.deflated.find(raw); it != c.deflated.end()) {
      ++c.stats.deflate_hits;
      return it->second;
    }
    ++c.stats.deflate_misses;
  }
  // The bytes libharu's HPDF_Stream_WriteToStream makes under /FlateDecode: zlib at its
  // default level (deflate.hpp), without copying the contents through two memory streams.
  // libharu writes nothing at all for empty contents (it stops at the end of its input before
  // starting zlib), not an empty zlib stream.
  auto made = std::make_shared<std::string>();
  bool ok = raw.empty() || deflate_default(raw, *made);
  if (!ok) return nullptr;
  std::size_t size = raw.size() + made->size() + 64;
  std::lock_guard lock(c.mu);
  if (c.deflate_bytes + size > kDeflateBudget) {
    c.deflated.clear();
    c.deflate_bytes = 0;
  }
  if (c.deflated.emplace(std::string(raw), made).second) c.deflate_bytes += size;
  return made;
}

bool write_deflated(HPDF_Dict stream, std::string_view raw) {
  std::shared_ptr<const std::string> z = shared_deflate(raw);
  if (!z) return false;
  // Written as it is: no filter for libharu to apply, and the /Filter entry it would have
  // written comes from write_fn.
  stream->filter = HPDF_STREAM_FILTER_NONE;
  stream->write_fn = tailor_write_flate_filter;
  return HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(z->data()),
                           static_cast<HPDF_UINT>(z->size())) == HPDF_OK;
}

SharedStreamStats shared_stream_stats() {
  Caches& c = caches();
  std::lock_guard lock(c.mu);
  return c.stats;
}

void clear_shared_streams() {
  Caches& c = caches();
  std::lock_guard lock(c.mu);
  c.subsets.clear();
  c.subset_bytes = 0;
  c.deflated.clear();
  c.deflate_bytes = 0;
  c.stats = {};
}

}  // namespace tailor::writer::pdf
