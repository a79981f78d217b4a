// write_pdf: layout in two passes around hb-subset (layout_passes.cpp), then emission (Emitter).
#include "writer/pdf/pdf.hpp"

#include <utility>

#include "writer/pdf/emitter.hpp"
#include "writer/pdf/render_error.hpp"
#include "writer/smart_text.hpp"

namespace tailor::writer {

bool write_pdf(const model::Document& source, const RenderOptions& options, std::string& out,
               diag::Diagnostics& diags) {
  model::Document typeset;
  const model::Document& doc = typographic(source, options.style->smart_punctuation, typeset);
  pdf::DisplayList dl;
  std::vector<std::string> subsets;
  std::size_t errors = diags.error_count();
  bool ok = pdf::layout_two_pass(doc, options, dl, subsets, diags);
  std::string bytes;
  if (ok) {
    pdf::Emitter e(doc, options, diags);
    ok = e.emit(dl, subsets, bytes);
  }
  if (!ok) {
    // The contract: false only with an error. Guard it, so a missed path cannot fail silently.
    if (diags.error_count() == errors) {
      pdf::render_error(diags, doc, "internal error: the PDF could not be written");
    }
    return false;
  }
  out = std::move(bytes);
  return true;
}

}  // namespace tailor::writer
