// Font faces for the PDF writer: found by family, weight and slant through fontconfig,
// measured with HarfBuzz, subset to the used code points with hb-subset.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct hb_blob_t;
struct hb_face_t;
struct hb_font_t;

namespace tailor::writer::pdf {

/// Which member of a family: the layout uses at most these four per family.
struct FaceKey {
  std::string family;
  bool bold = false;
  bool italic = false;
  friend auto operator<=>(const FaceKey&, const FaceKey&) = default;
  /// "Liberation Serif Bold Italic" for dumps and messages.
  std::string label() const;
};

/// One TrueType face in memory: metrics for layout, the bytes for subsetting.
/// Immutable after construction, so one Face may serve many layouts at once.
class Face {
 public:
  /// Loads a face from a file (index: face in a collection). nullptr when it cannot be read.
  static std::unique_ptr<Face> from_file(const std::string& path, unsigned index);
  /// Wraps font bytes already in memory (a subset); nullptr when they are not a font.
  static std::unique_ptr<Face> from_blob(hb_blob_t* blob);
  ~Face();
  Face(const Face&) = delete;
  Face& operator=(const Face&) = delete;

  /// True when the font maps cp to a glyph.
  bool has(char32_t cp) const;
  /// Advance of cp in 1/1000 em, truncated as libharu's /W array is; 0 when not in the face.
  int width1000(char32_t cp) const;
  /// Width of UTF-8 text at a size in points, shaped (kerning and ligatures included).
  double text_width(std::string_view utf8, double size) const;
  /// The advance of a glyph in the font's own metrics (hmtx), in 1/1000 em: what a PDF /W
  /// array says of it.
  double glyph_width1000(unsigned gid) const;
  /// HarfBuzz's font object (scale = units per em), for shaping.
  hb_font_t* hb_font() const { return font_; }
  unsigned upem() const { return upem_; }
  /// Ascender and descender (descender negative) in 1/1000 em.
  int ascender() const { return ascender_; }
  int descender() const { return descender_; }
  /// Subsets the face to the given code points (hinting and OpenType layout tables dropped);
  /// returns the TrueType bytes, or an empty string when hb-subset fails.
  std::string subset(const std::set<char32_t>& code_points) const;
  /// Subsets the face to the given glyphs; returns the font bytes, or an empty string when
  /// hb-subset fails. `old_to_new` receives each glyph's ID in the subset.
  std::string subset_glyphs(const std::set<unsigned>& glyphs,
                            std::map<unsigned, unsigned>& old_to_new) const;
  const std::string& path() const { return path_; }
  /// The outlines are CFF (an OpenType font with a `CFF ` table), not TrueType.
  bool cff() const { return cff_; }
  /// The glyph cp maps to in this face's cmap; 0 (.notdef) when none.
  unsigned glyph(char32_t cp) const;

  /// What a PDF FontDescriptor says of the face, in 1/1000 em.
  struct Descriptor {
    std::string postscript_name;  ///< From the `name` table; "Font" when it has none.
    int bbox[4] = {0, 0, 1000, 1000};
    double italic_angle = 0;
    int cap_height = 700;
    bool serif = false, fixed_pitch = false, italic = false;
  };
  Descriptor descriptor() const;

 private:
  Face() = default;
  bool init(hb_blob_t* blob, unsigned index);
  hb_blob_t* blob_ = nullptr;
  hb_face_t* face_ = nullptr;
  hb_font_t* font_ = nullptr;
  unsigned upem_ = 1000;
  int ascender_ = 800, descender_ = -200;
  std::string path_;
  bool cff_ = false;
  /// The nominal glyph and advance of each ASCII code point, read once: a resume's text is
  /// mostly ASCII, and HarfBuzz's cmap and hmtx calls cost a hundred instructions or more each.
  unsigned ascii_gid_[128] = {};
  long ascii_adv_[128] = {};
  /// The same advances by glyph ID, sorted, for glyph_width1000.
  std::vector<std::pair<unsigned, long>> ascii_adv_by_gid_;
  /// The same again indexed by glyph ID (-1: not an ASCII glyph), when the highest of those IDs
  /// is small (kAsciiGidTableMax): every drawn glyph's width is read here, a load instead of a
  /// binary search.
  static constexpr unsigned kAsciiGidTableMax = 4096;
  std::vector<std::int32_t> ascii_adv_table_;
};

/// The family of the best TrueType face fontconfig sorts first among those that have cp;
/// empty when none has it. Serialised with every other fontconfig call.
std::string family_with_char(char32_t cp);

/// A style names a font by file when its family holds a '/' ("fonts/Inter.otf").
bool names_font_file(const std::string& family);

/// Where fontconfig found a face.
struct FontMatch {
  std::string file;
  unsigned index = 0;
  std::string family;  ///< The family of the file found (may differ from the one asked).
  bool exact = false;  ///< The family asked for is one of the file's family names.
};

/// Asks fontconfig for a TrueType face. nullopt-like (file empty) when nothing scalable matches.
FontMatch match_font(const FaceKey& key);

/// A process-wide cache: each face is read and parsed once and shared by every document
/// (batch builds lay out many resumes). Thread-safe. nullptr when the face cannot be loaded.
const Face* cached_face(const FaceKey& key, FontMatch* match = nullptr);

}  // namespace tailor::writer::pdf
