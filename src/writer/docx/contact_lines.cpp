// The contact line's line breaks in the DOCX: the same balanced split as the PDF, measured
// with the style's own font, so Word and LibreOffice never wrap it inside an item.

#include <string>
#include <vector>

#include "writer/balanced_lines.hpp"
#include "writer/docx/internal.hpp"
#include "writer/pdf/fonts.hpp"

namespace tailor::writer::docx {

std::vector<std::size_t> contact_line_ends(const std::vector<std::string>& items,
                                           const style::Style& st, const Metrics& m,
                                           double beside_pt) {
  std::vector<std::size_t> one_line;
  if (!items.empty()) one_line.push_back(items.size());
  const pdf::Face* face = pdf::cached_face({st.body_font, false, false});
  if (!face) return one_line;  // no metrics: one paragraph, as Word would wrap it
  const double size = m.half_points(st.small_size) / 2.0;
  const double width = (m.text_width() / 20.0 - beside_pt) * kMetricSafety;
  if (width <= 0) return one_line;
  std::vector<double> widths;
  widths.reserve(items.size());
  for (const std::string& it : items) widths.push_back(face->text_width(it, size));
  return balanced_breaks(widths, face->text_width(kContactSeparator, size), width);
}

int contact_item_half_points(const std::string& item, const style::Style& st, const Metrics& m,
                             int width_twips) {
  const pdf::Face* face = pdf::cached_face({st.body_font, false, false});
  const int size = m.half_points(st.small_size);
  if (!face || width_twips <= 0) return 0;
  const double room = width_twips / 20.0 * kMetricSafety;
  const double need = face->text_width(item, size / 2.0);
  if (need <= room) return 0;
  // A step or two smaller keeps an address whole; beyond a fifth smaller it would stand out
  // from its neighbours, and a line break inside it is the lesser harm.
  int fit = static_cast<int>(size * room / need);
  return fit * 5 >= size * 4 ? fit : 0;
}

}  // namespace tailor::writer::docx
