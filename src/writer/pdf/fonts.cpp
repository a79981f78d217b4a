#include "writer/pdf/fonts.hpp"

#include <fontconfig/fontconfig.h>
#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <mutex>
#include <optional>
#include <vector>

#include "base/utf8.hpp"
#include "writer/pdf/font_cache.hpp"
#include "writer/pdf/shaping.hpp"

namespace tailor::writer::pdf {

std::string FaceKey::label() const {
  std::string s = family;
  if (bold) s += " Bold";
  if (italic) s += " Italic";
  if (!bold && !italic) s += " Regular";
  return s;
}

std::unique_ptr<Face> Face::from_file(const std::string& path, unsigned index) {
  hb_blob_t* blob = hb_blob_create_from_file_or_fail(path.c_str());
  if (!blob) return nullptr;
  std::unique_ptr<Face> f(new Face());
  f->path_ = path;
  bool ok = f->init(blob, index);
  hb_blob_destroy(blob);
  if (!ok) return nullptr;
  return f;
}

std::unique_ptr<Face> Face::from_blob(hb_blob_t* blob) {
  std::unique_ptr<Face> f(new Face());
  if (!f->init(blob, 0)) return nullptr;
  return f;
}

bool Face::init(hb_blob_t* blob, unsigned index) {
  blob_ = hb_blob_reference(blob);
  face_ = hb_face_create(blob_, index);
  if (!face_ || hb_face_get_glyph_count(face_) == 0) return false;
  upem_ = hb_face_get_upem(face_);
  if (upem_ == 0) return false;
  font_ = hb_font_create(face_);
  hb_blob_t* cff = hb_face_reference_table(face_, HB_TAG('C', 'F', 'F', ' '));
  cff_ = hb_blob_get_length(cff) > 0;
  hb_blob_destroy(cff);
  hb_font_set_scale(font_, static_cast<int>(upem_), static_cast<int>(upem_));
  hb_font_extents_t ext{};
  if (hb_font_get_h_extents(font_, &ext)) {
    ascender_ = static_cast<int>(static_cast<long>(ext.ascender) * 1000 / upem_);
    descender_ = static_cast<int>(static_cast<long>(ext.descender) * 1000 / upem_);
  }
  for (char32_t cp = 0; cp < 128; ++cp) {
    hb_codepoint_t gid = 0;
    if (!hb_font_get_nominal_glyph(font_, cp, &gid)) continue;
    ascii_gid_[cp] = gid;
    ascii_adv_[cp] = hb_font_get_glyph_h_advance(font_, gid);
    ascii_adv_by_gid_.emplace_back(gid, ascii_adv_[cp]);
  }
  std::sort(ascii_adv_by_gid_.begin(), ascii_adv_by_gid_.end());
  ascii_adv_by_gid_.erase(std::unique(ascii_adv_by_gid_.begin(), ascii_adv_by_gid_.end()),
                          ascii_adv_by_gid_.end());
  if (!ascii_adv_by_gid_.empty() && ascii_adv_by_gid_.back().first < kAsciiGidTableMax) {
    ascii_adv_table_.assign(ascii_adv_by_gid_.back().first + 1, -1);
    for (auto [gid, adv] : ascii_adv_by_gid_) {
      if (adv >= 0 && adv <= INT32_MAX) ascii_adv_table_[gid] = static_cast<std::int32_t>(adv);
    }
  }
  return true;
}

Face::~Face() {
  if (font_) hb_font_destroy(font_);
  if (face_) hb_face_destroy(face_);
  if (blob_) hb_blob_destroy(blob_);
}

bool Face::has(char32_t cp) const {
  if (cp < 128) return ascii_gid_[cp] != 0;
  hb_codepoint_t gid = 0;
  return hb_font_get_nominal_glyph(font_, cp, &gid) && gid != 0;
}

int Face::width1000(char32_t cp) const {
  if (cp < 128) return static_cast<int>(ascii_adv_[cp] * 1000 / static_cast<long>(upem_));
  hb_codepoint_t gid = 0;
  if (!hb_font_get_nominal_glyph(font_, cp, &gid)) return 0;
  long adv = hb_font_get_glyph_h_advance(font_, gid);
  return static_cast<int>(adv * 1000 / static_cast<long>(upem_));
}

unsigned Face::glyph(char32_t cp) const {
  if (cp < 128) return ascii_gid_[cp];
  hb_codepoint_t gid = 0;
  if (!hb_font_get_nominal_glyph(font_, cp, &gid)) return 0;
  return gid;
}

namespace {

/// Big-endian fields of a font table, 0 past its end.
struct TableReader {
  hb_blob_t* blob;
  const unsigned char* data;
  unsigned len;
  TableReader(hb_face_t* face, hb_tag_t tag) : blob(hb_face_reference_table(face, tag)) {
    data = reinterpret_cast<const unsigned char*>(hb_blob_get_data(blob, &len));
  }
  ~TableReader() { hb_blob_destroy(blob); }
  TableReader(const TableReader&) = delete;
  TableReader& operator=(const TableReader&) = delete;
  std::uint32_t u16(unsigned at) const {
    return at + 2 <= len ? static_cast<std::uint32_t>(data[at] << 8 | data[at + 1]) : 0;
  }
  int s16(unsigned at) const { return static_cast<std::int16_t>(u16(at)); }
  std::uint32_t u32(unsigned at) const { return u16(at) << 16 | u16(at + 2); }
};

}  // namespace

Face::Descriptor Face::descriptor() const {
  Descriptor d;
  auto em = [&](long v) { return static_cast<int>(v * 1000 / static_cast<long>(upem_)); };
  TableReader head(face_, HB_TAG('h', 'e', 'a', 'd'));
  if (head.len >= 54) {
    for (int k = 0; k < 4; ++k) d.bbox[k] = em(head.s16(36 + 2 * static_cast<unsigned>(k)));
  }
  TableReader post(face_, HB_TAG('p', 'o', 's', 't'));
  if (post.len >= 16) {
    d.italic_angle = static_cast<std::int32_t>(post.u32(4)) / 65536.0;
    d.fixed_pitch = post.u32(12) != 0;
  }
  TableReader os2(face_, HB_TAG('O', 'S', '/', '2'));
  if (os2.len >= 32) {
    unsigned family_class = os2.u16(30) >> 8;
    d.serif = (family_class >= 1 && family_class <= 5) || family_class == 7;
    d.italic = (os2.u16(62) & 1) != 0;
  }
  if (os2.len >= 90 && os2.u16(0) >= 2) d.cap_height = em(os2.s16(88));
  if (d.italic_angle != 0) d.italic = true;
  char name[128];
  unsigned size = sizeof name;
  if (hb_ot_name_get_utf8(face_, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &size, name) >
      0) {
    for (char* c = name; *c; ++c) {
      // A PDF name: printable ASCII without delimiters.
      if (static_cast<unsigned char>(*c) > ' ' && static_cast<unsigned char>(*c) < 0x7F &&
          std::string_view("()<>[]{}/%#").find(*c) == std::string_view::npos) {
        d.postscript_name += *c;
      }
    }
  }
  if (d.postscript_name.empty()) d.postscript_name = "Font";
  return d;
}

double Face::text_width(std::string_view utf8, double size) const {
  return shaped_width(*this, utf8, size, Direction::Auto);
}

double Face::glyph_width1000(unsigned gid) const {
  if (gid < ascii_adv_table_.size() && ascii_adv_table_[gid] >= 0) {
    return static_cast<double>(static_cast<long>(ascii_adv_table_[gid])) * 1000.0 / upem_;
  }
  auto it = std::lower_bound(ascii_adv_by_gid_.begin(), ascii_adv_by_gid_.end(),
                             std::pair<unsigned, long>{gid, 0L},
                             [](const auto& a, const auto& b) { return a.first < b.first; });
  long adv = it != ascii_adv_by_gid_.end() && it->first == gid
                 ? it->second
                 : static_cast<long>(hb_font_get_glyph_h_advance(font_, gid));
  return static_cast<double>(adv) * 1000.0 / upem_;
}

namespace {

std::string blob_bytes(hb_blob_t* blob) {
  unsigned len = 0;
  const char* data = hb_blob_get_data(blob, &len);
  return std::string(data ? data : "", data ? len : 0);
}

/// The font program of a subset face, which is released; empty when there is none.
std::string take_face_bytes(hb_face_t* sub) {
  if (!sub) return {};
  hb_blob_t* blob = hb_face_reference_blob(sub);
  std::string out = blob_bytes(blob);
  hb_blob_destroy(blob);
  hb_face_destroy(sub);
  return out;
}

/// A PDF draws glyphs at positions the layout computed: hinting, the OpenType layout tables
/// (used for shaping) and the grid-fitting table are dead weight in the embedded program.
void drop_shaping_tables(hb_subset_input_t* in) {
  hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
  hb_set_t* drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (hb_tag_t t : {HB_TAG('G', 'D', 'E', 'F'), HB_TAG('G', 'P', 'O', 'S'),
                     HB_TAG('G', 'S', 'U', 'B'), HB_TAG('g', 'a', 's', 'p')}) {
    hb_set_add(drop, t);
  }
}

}  // namespace

std::string Face::subset(const std::set<char32_t>& code_points) const {
  hb_subset_input_t* in = hb_subset_input_create_or_fail();
  if (!in) return {};
  hb_set_t* unicodes = hb_subset_input_unicode_set(in);
  for (char32_t cp : code_points) hb_set_add(unicodes, cp);
  drop_shaping_tables(in);
  hb_face_t* sub = hb_subset_or_fail(face_, in);
  hb_subset_input_destroy(in);
  return take_face_bytes(sub);
}

namespace {

/// The code points whose nominal glyph is one of `glyphs`, when every glyph but .notdef is
/// some code point's; nullopt when a glyph is reached only through GSUB (a ligature, an
/// Arabic form). Subsetting by these code points gives the same font as subsetting by the
/// glyphs: hb-subset keeps exactly the cmap entries that lead to a kept glyph either way. By
/// glyphs, though, it first builds a map of the whole cmap, which cost as much as the rest of
/// subsetting a Latin face; the code points' glyphs come from HarfBuzz's cmap cache.
std::optional<std::vector<hb_codepoint_t>> nominal_code_points(hb_face_t* face, hb_font_t* font,
                                                               const std::set<unsigned>& glyphs) {
  hb_set_t* all = hb_set_create();
  hb_face_collect_unicodes(face, all);
  std::vector<hb_codepoint_t> cps(hb_set_get_population(all));
  hb_codepoint_t from = HB_SET_VALUE_INVALID;
  cps.resize(hb_set_next_many(all, from, cps.data(), static_cast<unsigned>(cps.size())));
  hb_set_destroy(all);
  std::vector<hb_codepoint_t> gids(cps.size(), 0);
  if (!cps.empty()) {
    hb_font_get_nominal_glyphs(font, static_cast<unsigned>(cps.size()), cps.data(),
                               sizeof(hb_codepoint_t), gids.data(), sizeof(hb_codepoint_t));
  }
  // By glyph ID: 0 not wanted, 1 wanted, 2 wanted and reached from a code point.
  std::vector<std::uint8_t> state(hb_face_get_glyph_count(face), 0);
  for (unsigned g : glyphs) {
    if (g >= state.size()) return std::nullopt;
    state[g] = 1;
  }
  std::vector<hb_codepoint_t> out;
  for (std::size_t i = 0; i < cps.size(); ++i) {
    hb_codepoint_t g = gids[i];
    if (g != 0 && g < state.size() && state[g] != 0) {
      out.push_back(cps[i]);
      state[g] = 2;
    }
  }
  for (unsigned g : glyphs) {
    if (g != 0 && state[g] != 2) return std::nullopt;
  }
  return out;
}

}  // namespace

std::string Face::subset_glyphs(const std::set<unsigned>& glyphs,
                                std::map<unsigned, unsigned>& old_to_new) const {
  hb_subset_input_t* in = hb_subset_input_create_or_fail();
  if (!in) return {};
  if (auto cps = nominal_code_points(face_, font_, glyphs)) {
    hb_set_t* unicodes = hb_subset_input_unicode_set(in);
    for (hb_codepoint_t cp : *cps) hb_set_add(unicodes, cp);
  } else {
    hb_set_t* gids = hb_subset_input_glyph_set(in);
    for (unsigned g : glyphs) hb_set_add(gids, g);
  }
  // The glyphs shaping chose (GSUB included) are kept by ID and renumbered; the emitter maps
  // them through old_to_new. Keeping the IDs (RETAIN_GIDS) cost a tenth of a Latin build.
  drop_shaping_tables(in);
  hb_subset_plan_t* plan = hb_subset_plan_create_or_fail(face_, in);
  hb_subset_input_destroy(in);
  if (!plan) return {};
  const hb_map_t* map = hb_subset_plan_old_to_new_glyph_mapping(plan);
  old_to_new.clear();
  for (unsigned g : glyphs) {
    hb_codepoint_t n = hb_map_get(map, g);
    if (n != HB_MAP_VALUE_INVALID) old_to_new[g] = n;
  }
  hb_face_t* sub = hb_subset_plan_execute_or_fail(plan);
  hb_subset_plan_destroy(plan);
  return take_face_bytes(sub);
}

namespace {

std::mutex& font_mutex() {
  static std::mutex mu;
  return mu;
}

bool same_name(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

// Called with font_mutex() held: fontconfig's default configuration is not thread-safe to
// initialise.
FontMatch ask_fontconfig(const FaceKey& key) {
  FontMatch out;
  FcConfig* config = FcConfigGetCurrent();
  FcPattern* pat = FcPatternCreate();
  FcPatternAddString(pat, FC_FAMILY, reinterpret_cast<const FcChar8*>(key.family.c_str()));
  FcPatternAddInteger(pat, FC_WEIGHT, key.bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
  FcPatternAddInteger(pat, FC_SLANT, key.italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
  FcPatternAddBool(pat, FC_SCALABLE, FcTrue);
  // libharu embeds TrueType outlines only; CFF-flavoured OpenType would not load.
  FcPatternAddString(pat, FC_FONTFORMAT, reinterpret_cast<const FcChar8*>("TrueType"));
  FcConfigSubstitute(config, pat, FcMatchPattern);
  FcDefaultSubstitute(pat);
  FcResult result = FcResultNoMatch;
  FcPattern* m = FcFontMatch(config, pat, &result);
  FcPatternDestroy(pat);
  if (!m) return out;
  FcChar8* file = nullptr;
  FcChar8* format = nullptr;
  if (FcPatternGetString(m, FC_FILE, 0, &file) == FcResultMatch &&
      FcPatternGetString(m, FC_FONTFORMAT, 0, &format) == FcResultMatch &&
      std::string(reinterpret_cast<const char*>(format)) == "TrueType") {
    out.file = reinterpret_cast<const char*>(file);
    int index = 0;
    if (FcPatternGetInteger(m, FC_INDEX, 0, &index) == FcResultMatch && index > 0) {
      out.index = static_cast<unsigned>(index);
    }
    FcChar8* fam = nullptr;
    for (int i = 0; FcPatternGetString(m, FC_FAMILY, i, &fam) == FcResultMatch; ++i) {
      std::string name = reinterpret_cast<const char*>(fam);
      if (i == 0) out.family = name;
      if (same_name(name, key.family)) {
        out.exact = true;
        out.family = name;
      }
    }
  }
  FcPatternDestroy(m);
  return out;
}

// Called with font_mutex() held. fontconfig is initialised only when the persistent record
// has no valid answer (font_cache.hpp).
FontMatch match_font_locked(const FaceKey& key) {
  static FontMatchCache cache = [] {
    FontMatchCache c;
    c.load(FontMatchCache::default_path());
    return c;
  }();
  if (auto hit = cache.find(key)) return *hit;
  FontMatch out = ask_fontconfig(key);
  cache.add(key, out);
  return out;
}

}  // namespace

std::string family_with_char(char32_t cp) {
  std::lock_guard<std::mutex> lock(font_mutex());
  std::string out;
  FcPattern* pat = FcPatternCreate();
  FcCharSet* cs = FcCharSetCreate();
  FcCharSetAddChar(cs, static_cast<FcChar32>(cp));
  FcPatternAddCharSet(pat, FC_CHARSET, cs);
  FcPatternAddBool(pat, FC_SCALABLE, FcTrue);
  FcConfigSubstitute(nullptr, pat, FcMatchPattern);
  FcDefaultSubstitute(pat);
  FcResult r = FcResultNoMatch;
  FcFontSet* set = FcFontSort(nullptr, pat, FcFalse, nullptr, &r);
  if (set) {
    for (int i = 0; i < set->nfont && out.empty(); ++i) {
      FcPattern* m = set->fonts[i];
      FcCharSet* has = nullptr;
      FcChar8* format = nullptr;
      FcChar8* family = nullptr;
      if (FcPatternGetCharSet(m, FC_CHARSET, 0, &has) != FcResultMatch ||
          !FcCharSetHasChar(has, static_cast<FcChar32>(cp))) {
        continue;
      }
      if (FcPatternGetString(m, FC_FONTFORMAT, 0, &format) != FcResultMatch ||
          std::string(reinterpret_cast<const char*>(format)) != "TrueType") {
        continue;
      }
      if (FcPatternGetString(m, FC_FAMILY, 0, &family) == FcResultMatch) {
        out = reinterpret_cast<const char*>(family);
      }
    }
    FcFontSetDestroy(set);
  }
  FcCharSetDestroy(cs);
  FcPatternDestroy(pat);
  return out;
}

bool names_font_file(const std::string& family) { return family.find('/') != std::string::npos; }

namespace {

/// A font named by file: that file, whatever the weight and slant asked for.
FontMatch file_match(const FaceKey& key) {
  FontMatch m;
  m.file = key.family;
  m.family = key.family;
  m.exact = true;
  return m;
}

}  // namespace

FontMatch match_font(const FaceKey& key) {
  if (names_font_file(key.family)) return file_match(key);
  std::lock_guard<std::mutex> lock(font_mutex());
  return match_font_locked(key);
}

const Face* cached_face(const FaceKey& key, FontMatch* match) {
  struct Entry {
    FontMatch match;
    std::unique_ptr<Face> face;
  };
  static std::map<FaceKey, Entry> cache;
  std::lock_guard<std::mutex> lock(font_mutex());
  auto it = cache.find(key);
  if (it == cache.end()) {
    Entry e;
    e.match = names_font_file(key.family) ? file_match(key) : match_font_locked(key);
    if (!e.match.file.empty()) e.face = Face::from_file(e.match.file, e.match.index);
    it = cache.emplace(key, std::move(e)).first;
  }
  if (match) *match = it->second.match;
  return it->second.face.get();
}

}  // namespace tailor::writer::pdf
