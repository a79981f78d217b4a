// A right-to-left document: detecting it and mirroring its page.
#include "locale/text.hpp"
#include "writer/pdf/bidi.hpp"
#include "writer/pdf/layout.hpp"

namespace tailor::writer::pdf {

bool document_is_rtl(const model::Document& doc) {
  // A right-to-left language (lang:, --lang, meta.language) mirrors the page even when the
  // resume opens with a Latin name; otherwise the first strong character decides.
  if (locale::is_rtl_language(doc.header.language.value)) return true;
  for (const std::string* s : {&doc.header.name.value, &doc.header.headline.value}) {
    int d = first_strong_direction(*s);
    if (d >= 0) return d == 1;
  }
  for (const model::Section& s : doc.sections) {
    int d = first_strong_direction(s.title);
    if (d >= 0) return d == 1;
  }
  return false;
}

void mirror_page(DisplayList& dl) {
  double w = dl.page_width;
  for (Op& op : dl.ops) {
    switch (op.kind) {
      case Op::Kind::Line:
        op.x = w - op.x;
        op.w = -op.w;
        break;
      case Op::Kind::Text:
      case Op::Kind::Rect:
      case Op::Kind::Link:
      case Op::Kind::Image:
        op.x = w - op.x - op.w;
        break;
      case Op::Kind::Begin:
      case Op::Kind::End:
        break;  // structure markers have no place on the page
    }
  }
}

}  // namespace tailor::writer::pdf
