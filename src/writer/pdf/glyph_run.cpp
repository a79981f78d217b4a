#include "writer/pdf/glyph_run.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include "writer/pdf/fonts.hpp"

namespace tailor::writer::pdf {

std::uint32_t GlyphTable::intern(unsigned gid, std::string_view text) {
  if (gid < by_gid_.size() && by_gid_[gid] != 0) {
    std::uint32_t ref = by_gid_[gid] - 1;
    if (pairs_[ref].second == text) return ref;
  }
  std::string key(sizeof gid + text.size(), '\0');
  std::memcpy(key.data(), &gid, sizeof gid);
  std::memcpy(key.data() + sizeof gid, text.data(), text.size());
  auto [it, added] = index_.try_emplace(std::move(key), static_cast<std::uint32_t>(pairs_.size()));
  if (added) {
    pairs_.emplace_back(gid, std::string(text));
    if (gid < kByGidMax) {
      if (gid >= by_gid_.size()) by_gid_.resize(gid + 1, 0);
      if (by_gid_[gid] == 0) by_gid_[gid] = it->second + 1;
    }
  }
  return it->second;
}

namespace {

// Unsigned LEB128: seven bits a byte, low bits first, the high bit set on all but the last.
void put_varint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out += static_cast<char>(static_cast<unsigned char>(v | 0x80));
    v >>= 7;
  }
  out += static_cast<char>(static_cast<unsigned char>(v));
}

std::optional<std::uint64_t> get_varint(std::string_view s, std::size_t& at) {
  std::uint64_t v = 0;
  for (int shift = 0; at < s.size() && shift < 64; shift += 7) {
    auto b = static_cast<unsigned char>(s[at++]);
    v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
    if (!(b & 0x80)) return v;
  }
  return std::nullopt;
}

// Each item: a head (ref << 2 | has-adjust | has-rise << 1), then the adjustment as a zigzag
// varint, then the rise as the 8 bytes of its double.
constexpr std::uint64_t kAdjust = 1, kRise = 2;

}  // namespace

void GlyphRun::push(const Item& item) {
  put_varint(bytes_, static_cast<std::uint64_t>(item.ref) << 2 | (item.adjust ? kAdjust : 0) |
                         (item.rise ? kRise : 0));
  if (item.adjust) {
    auto v = static_cast<std::uint64_t>(*item.adjust);
    put_varint(bytes_, *item.adjust < 0 ? ~(v << 1) : v << 1);
  }
  if (item.rise) {
    char raw[sizeof(double)];
    std::memcpy(raw, &*item.rise, sizeof raw);
    bytes_.append(raw, sizeof raw);
  }
}

std::optional<GlyphRun::Item> GlyphRun::Reader::next() {
  auto head = get_varint(s_, at_);
  if (!head) return std::nullopt;
  Item item;
  item.ref = static_cast<std::uint32_t>(*head >> 2);
  if (*head & kAdjust) {
    auto z = get_varint(s_, at_);
    if (!z) return std::nullopt;
    item.adjust = static_cast<std::int64_t>(*z & 1 ? ~(*z >> 1) : *z >> 1);
  }
  if (*head & kRise) {
    if (s_.size() - at_ < sizeof(double)) return std::nullopt;
    double y;
    std::memcpy(&y, s_.data() + at_, sizeof y);
    at_ += sizeof y;
    item.rise = y;
  }
  return item;
}

GlyphRun pack_glyphs(const std::vector<Glyph>& glyphs, const Face& face, double size,
                     GlyphTable& table) {
  GlyphRun run;
  double pen = 0;   // where the viewer's text position is, from the op's origin (points)
  double rise = 0;  // the current Ts
  for (const Glyph& g : glyphs) {
    GlyphRun::Item item;
    item.ref = table.intern(g.gid, g.text);
    if (g.y != rise) {
      item.rise = g.y;
      rise = g.y;
    }
    // TJ numbers are thousandths of the font size, subtracted from the position; written
    // with at most three decimals, so kept as thousandths of that.
    double adjust = (pen - g.x) * 1000.0 / size;
    if (std::fabs(adjust) >= 0.0005 && std::isfinite(adjust)) {
      constexpr double kMax = static_cast<double>(std::numeric_limits<std::int64_t>::max() / 2);
      item.adjust = static_cast<std::int64_t>(std::clamp(std::round(adjust * 1000), -kMax, kMax));
    }
    run.push(item);
    pen = g.x + face.glyph_width1000(g.gid) * size / 1000.0;
  }
  return run;
}

void append_adjust(std::string& out, std::int64_t thousandths) {
  std::uint64_t v = thousandths < 0 ? 0 - static_cast<std::uint64_t>(thousandths)
                                    : static_cast<std::uint64_t>(thousandths);
  if (thousandths < 0) out += '-';
  out += std::to_string(v / 1000);
  unsigned frac = static_cast<unsigned>(v % 1000);
  if (frac == 0) return;
  char digits[4] = {static_cast<char>('0' + frac / 100), static_cast<char>('0' + frac / 10 % 10),
                    static_cast<char>('0' + frac % 10), '\0'};
  std::size_t n = 3;
  while (digits[n - 1] == '0') --n;
  out += '.';
  out.append(digits, n);
}

}  // namespace tailor::writer::pdf
