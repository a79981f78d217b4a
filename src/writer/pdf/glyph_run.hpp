// A text op's drawn glyphs, packed: what the PDF's TJ array needs and no more.
//
// The display list holds every glyph of the document until the PDF is written, so the size of
// one glyph is the size of the document: as a shaped Glyph (ID, x, y and a std::string) it took
// 56 bytes, 56 times the bytes of Latin text. Here each distinct (glyph ID, text) pair is kept
// once, in the display list's GlyphTable, and a run stores for each glyph the pair's number and
// the TJ adjustment in front of it, as variable-length integers: about 2 bytes a glyph.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "writer/pdf/shaping.hpp"

namespace tailor::writer::pdf {

class Face;

/// The distinct (glyph ID, text) pairs a display list draws, numbered from 0 in the order they
/// were first drawn. The text is what the glyph stands for in a ToUnicode map (Glyph::text).
class GlyphTable {
 public:
  /// The pair's number, adding it when new.
  std::uint32_t intern(unsigned gid, std::string_view text);
  unsigned gid(std::uint32_t ref) const { return pairs_[ref].first; }
  const std::string& text(std::uint32_t ref) const { return pairs_[ref].second; }
  const std::pair<unsigned, std::string>& pair(std::uint32_t ref) const { return pairs_[ref]; }
  std::size_t size() const { return pairs_.size(); }
  friend bool operator==(const GlyphTable& a, const GlyphTable& b) { return a.pairs_ == b.pairs_; }

 private:
  std::vector<std::pair<unsigned, std::string>> pairs_;
  std::unordered_map<std::string, std::uint32_t> index_;  ///< gid's 4 bytes + text -> number
  /// By glyph ID below kByGidMax: 1 + the number of the first pair with that ID, 0 for none.
  /// Nearly every glyph stands for one text only, so intern() finds it here without making
  /// and hashing a key; a different text for the ID goes to index_ as before.
  static constexpr unsigned kByGidMax = 4096;
  std::vector<std::uint32_t> by_gid_;
};

/// The glyphs of one text op in visual order, each as its GlyphTable number, the TJ adjustment
/// before it and, where it changes, its rise (Ts). The adjustment is in thousandths of the font
/// size, rounded as the content stream writes it: the glyph's x subtracted from where the font's
/// own advance of the glyph before it left the pen (kerning, marks, letter-spacing).
class GlyphRun {
 public:
  struct Item {
    std::uint32_t ref = 0;
    /// The TJ number written before the glyph, in thousandths of a unit (1500 is "1.5");
    /// absent when the glyph sits where the pen is.
    std::optional<std::int64_t> adjust;
    /// The glyph's y (points), present where it differs from the glyph before it (from 0).
    std::optional<double> rise;
  };

  void push(const Item& item);
  bool empty() const { return bytes_.empty(); }
  /// Bytes held (tests and benchmarks).
  std::size_t bytes() const { return bytes_.size(); }

  /// Reads the items back in order: `for (Reader r(run); auto item = r.next();)`.
  class Reader {
   public:
    explicit Reader(const GlyphRun& run) : s_(run.bytes_) {}
    std::optional<Item> next();

   private:
    std::string_view s_;
    std::size_t at_ = 0;
  };

  friend bool operator==(const GlyphRun&, const GlyphRun&) = default;

 private:
  std::string bytes_;  ///< Short runs (a skill item, a date) stay inside the string itself.
};

/// Packs shaped glyphs (x and y from the op's origin) drawn in `face` at `size`, interning
/// their (ID, text) pairs in `table`.
GlyphRun pack_glyphs(const std::vector<Glyph>& glyphs, const Face& face, double size,
                     GlyphTable& table);

/// A TJ adjustment of GlyphRun::Item as the content stream writes it: "-12.5", "3", "0.001".
void append_adjust(std::string& out, std::int64_t thousandths);

}  // namespace tailor::writer::pdf
