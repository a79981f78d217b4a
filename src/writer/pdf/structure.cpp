// Structure markers for tagged PDF: the layout brackets each part of the model (the name, a
// section, an entry, a list item, a link) in Begin/End ops, so the emitter can build the
// structure tree in the same single pass that draws the page. Runs in another script than the
// document's get the likely language of that script, for /Lang on their marked content.
#include <unicode/uloc.h>
#include <unicode/uscript.h>

#include "base/utf8.hpp"
#include "writer/pdf/layout_engine.hpp"

namespace tailor::writer::pdf::detail {

namespace {

/// The script a locale is usually written in (CLDR likely subtags): "az" -> Latn, "ja" -> Jpan.
int script_of_locale(const std::string& tag) {
  UErrorCode err = U_ZERO_ERROR;
  char full[ULOC_FULLNAME_CAPACITY] = {};
  uloc_addLikelySubtags(tag.c_str(), full, sizeof full, &err);
  if (U_FAILURE(err)) return -1;
  char script[ULOC_SCRIPT_CAPACITY] = {};
  uloc_getScript(full, script, sizeof script, &err);
  if (U_FAILURE(err) || script[0] == 0) return -1;
  UScriptCode codes[4];
  int n = uscript_getCode(script, codes, 4, &err);
  return U_FAILURE(err) || n < 1 ? -1 : codes[0];
}

/// The first character's script that is not shared (Common, Inherited); -1 when none.
int first_script(const std::string& text) {
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = base::decode_next(text, i);
    if (cp < 0x80) {
      if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') return USCRIPT_LATIN;
      continue;
    }
    UErrorCode err = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript(static_cast<UChar32>(cp), &err);
    if (U_SUCCESS(err) && sc != USCRIPT_COMMON && sc != USCRIPT_INHERITED) return sc;
  }
  return -1;
}

/// True when text in script `run` belongs to a document written in `doc`: Japanese mixes
/// kana and Han, Korean Hangul and Han, Chinese writes Han.
bool same_writing(int doc, int run) {
  if (doc == run) return true;
  if (run == USCRIPT_HAN) {
    return doc == USCRIPT_JAPANESE || doc == USCRIPT_KOREAN || doc == USCRIPT_SIMPLIFIED_HAN ||
           doc == USCRIPT_TRADITIONAL_HAN;
  }
  if (run == USCRIPT_HIRAGANA || run == USCRIPT_KATAKANA) return doc == USCRIPT_JAPANESE;
  if (run == USCRIPT_HANGUL) return doc == USCRIPT_KOREAN;
  return false;
}

}  // namespace

void Engine::tag(std::size_t first, const char* type) {
  if (first >= boxes_.size()) return;
  std::vector<Op>& front = boxes_[first].ops;
  front.insert(front.begin(), Op::open(type));
  boxes_.back().ops.push_back(Op::close());
}

std::string Engine::run_language(const std::string& text) const {
  if (doc_script_ < 0) return {};
  int sc = first_script(text);
  if (sc < 0 || same_writing(doc_script_, sc)) return {};
  // "und-Cyrl" -> "ru-Cyrl-RU": the language most often written in that script (CLDR).
  std::string und = std::string("und-") + uscript_getShortName(static_cast<UScriptCode>(sc));
  UErrorCode err = U_ZERO_ERROR;
  char full[ULOC_FULLNAME_CAPACITY] = {};
  uloc_addLikelySubtags(und.c_str(), full, sizeof full, &err);
  char lang[ULOC_LANG_CAPACITY] = {};
  if (U_SUCCESS(err)) uloc_getLanguage(full, lang, sizeof lang, &err);
  if (U_FAILURE(err) || lang[0] == 0 || std::string(lang) == "und") return {};
  return lang;
}

bool Engine::joins_run_language(const std::string& run, const std::string& text) const {
  if (doc_script_ < 0) return true;
  int added = first_script(text);
  if (added < 0) return true;  // spaces, digits and punctuation go with any run
  int held = first_script(run);
  if (held < 0) return true;  // the run takes the script of what joins it
  return run_language(run) == run_language(text);
}

void Engine::init_language() {
  const model::Header& h = doc_.header;
  doc_script_ = h.language.empty() ? first_script(h.name.value + " " + h.headline.value)
                                   : script_of_locale(h.language.value);
}

}  // namespace tailor::writer::pdf::detail
