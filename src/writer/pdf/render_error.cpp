// render_error: an error about the document as a whole, pointing at the input file.
#include "writer/pdf/render_error.hpp"

#include <utility>

namespace tailor::writer::pdf {

diag::Diagnostic& render_error(diag::Diagnostics& diags, const model::Document& doc,
                               std::string message) {
  diag::Diagnostic d;
  // Point at the input file (no line): the problem is the document as a whole.
  d.span.file_id = doc.header.name.span.file_id;
  d.message = std::move(message);
  return diags.add(std::move(d));
}

}  // namespace tailor::writer::pdf
