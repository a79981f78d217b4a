// The document's metadata: its title, the Info dictionary, and the catalog's /Lang and XMP.
#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <algorithm>
#include <ctime>
#include <variant>

#include "writer/pdf/emitter.hpp"
#include "writer/pdf/pdf.hpp"
#include "writer/pdf/tagging.hpp"

namespace tailor::writer::pdf {

std::string pdf_title(const model::Document& doc) {
  std::string t = doc.header.name.value;
  if (!doc.header.headline.empty()) t += (t.empty() ? "" : " \u2014 ") + doc.header.headline.value;
  return t;
}

namespace {

/// The Info dictionary's key for a text entry, as libharu names it.
const char* info_key(HPDF_InfoType t) {
  switch (t) {
    case HPDF_INFO_AUTHOR:
      return "Author";
    case HPDF_INFO_CREATOR:
      return "Creator";
    case HPDF_INFO_PRODUCER:
      return "Producer";
    case HPDF_INFO_TITLE:
      return "Title";
    case HPDF_INFO_SUBJECT:
      return "Subject";
    case HPDF_INFO_KEYWORDS:
      return "Keywords";
    default:
      return "Trapped";
  }
}

}  // namespace

void Emitter::info() {
  const model::Header& h = doc_.header;
  // libharu refuses a string over 65,535 bytes (HPDF_STRING_OUT_OF_RANGE, 0x105B) and may
  // write UTF-16 (two bytes per UTF-8 byte at worst): metadata is cut at a code point
  // boundary well below that. The page itself still shows the whole text.
  // The XMP packet repeats each value exactly as the Info dictionary has it.
  XmpFields xmp;
  // The Info dictionary, made as libharu's HPDF_SetInfoAttr makes it on first use.
  if (!pdf_->info) {
    pdf_->info = HPDF_Dict_New(pdf_->mmgr);
    if (!pdf_->info || HPDF_Xref_Add(pdf_->xref, pdf_->info) != HPDF_OK) return;
  }
  HPDF_Dict info = pdf_->info;
  auto set = [&](HPDF_InfoType t, const std::string& v) {
    if (v.empty()) return;
    constexpr std::size_t kMaxInfoBytes = 30000;
    std::size_t n = std::min(v.size(), kMaxInfoBytes);
    while (n < v.size() && n > 0 && (static_cast<unsigned char>(v[n]) & 0xC0) == 0x80) --n;
    std::string cut = v.substr(0, n);
    // What HPDF_SetInfoAttr writes with libharu's UTF-8 encoder (a UTF-16BE string with its
    // byte-order mark, in hex), without setting that encoder up for six strings per document.
    HPDF_Dict_Add(info, info_key(t), pdf_text_string(pdf_->mmgr, cut));
    switch (t) {
      case HPDF_INFO_TITLE:
        xmp.title = cut;
        break;
      case HPDF_INFO_AUTHOR:
        xmp.author = cut;
        break;
      case HPDF_INFO_SUBJECT:
        xmp.subject = cut;
        break;
      case HPDF_INFO_KEYWORDS:
        xmp.keywords = cut;
        break;
      case HPDF_INFO_CREATOR:
        xmp.creator_tool = cut;
        break;
      case HPDF_INFO_PRODUCER:
        xmp.producer = cut;
        break;
      default:
        break;
    }
  };
  set(HPDF_INFO_TITLE, pdf_title(doc_));
  set(HPDF_INFO_AUTHOR, h.name.value);
  set(HPDF_INFO_SUBJECT, doc_.meta.target_role);
  // The emphasised skills: the rule engine's list, else the skills it marked as keywords.
  std::vector<std::string> words = doc_.meta.keywords;
  if (words.empty()) {
    for (const model::Section& s : doc_.sections) {
      for (const model::Block& b : s.blocks) {
        if (const auto* g = std::get_if<model::SkillGroup>(&b)) {
          for (const model::Skill& sk : g->items) {
            if (sk.keyword) words.push_back(sk.name);
          }
        }
      }
    }
  }
  std::string kw;
  for (const std::string& k : words) kw += (kw.empty() ? "" : ", ") + k;
  set(HPDF_INFO_KEYWORDS, kw);
  set(HPDF_INFO_CREATOR, "Tailor " + options_.version);
  set(HPDF_INFO_PRODUCER, "Tailor " + options_.version + " (libharu " HPDF_VERSION_TEXT ")");
  if (options_.source_date_epoch) {
    std::time_t t = static_cast<std::time_t>(*options_.source_date_epoch);
    std::tm tm{};
    gmtime_r(&t, &tm);
    HPDF_Date d{};
    d.year = tm.tm_year + 1900;
    d.month = tm.tm_mon + 1;
    d.day = tm.tm_mday;
    d.hour = tm.tm_hour;
    d.minutes = tm.tm_min;
    d.seconds = tm.tm_sec;
    d.ind = 'Z';
    HPDF_SetInfoDateAttr(pdf_, HPDF_INFO_CREATION_DATE, d);
    HPDF_SetInfoDateAttr(pdf_, HPDF_INFO_MOD_DATE, d);
  }
  xmp.epoch = options_.source_date_epoch;
  xmp.lang = doc_.header.language.value;
  catalog(xmp);
}

void Emitter::catalog(const XmpFields& fields) {
  HPDF_MMgr mm = pdf_->mmgr;
  // The document's language; "und" (undetermined, BCP 47) when the resume does not say, so a
  // screen reader keeps its own default rather than assuming one.
  std::string lang = fields.lang.empty() ? "und" : fields.lang;
  HPDF_Dict_Add(pdf_->catalog, "Lang", HPDF_String_New(mm, lang.c_str(), nullptr));
  // Viewers show the title, not the file name (PDF/UA-1, 7.1).
  HPDF_Dict prefs = HPDF_Dict_New(mm);
  HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE);
  HPDF_Dict_Add(pdf_->catalog, "ViewerPreferences", prefs);
  HPDF_Dict meta = HPDF_DictStream_New(mm, pdf_->xref);
  if (!meta) return;
  meta->filter = HPDF_STREAM_FILTER_NONE;  // XMP stays readable to tools that scan for it
  HPDF_Dict_AddName(meta, "Type", "Metadata");
  HPDF_Dict_AddName(meta, "Subtype", "XML");
  std::string packet = xmp_packet(fields);
  HPDF_Stream_Write(meta->stream, reinterpret_cast<const HPDF_BYTE*>(packet.data()),
                    static_cast<HPDF_UINT>(packet.size()));
  HPDF_Dict_Add(pdf_->catalog, "Metadata", meta);
}

}  // namespace tailor::writer::pdf
