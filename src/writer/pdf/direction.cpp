// A right-to-left document: detecting it and mirroring its page.
#include "locale/direction.hpp"
#include "writer/pdf/layout.hpp"

namespace tailor::writer::pdf {

bool document_is_rtl(const model::Document& doc) { return locale::is_rtl_document(doc); }

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
