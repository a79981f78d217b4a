// Borderless layout tables for the sidebar and date-column styles: Word, LibreOffice and
// python-docx read a table's cells row by row, left to right, so each column reads whole.
#include <algorithm>

#include "writer/docx/internal.hpp"

namespace tailor::writer::docx {

namespace {

void width(pugi::xml_node parent, const char* name, int twips) {
  pugi::xml_node w = parent.append_child(name);
  w.append_attribute("w:w") = twips;
  w.append_attribute("w:type") = "dxa";
}

}  // namespace

pugi::xml_node layout_table(pugi::xml_node parent, const std::vector<int>& columns) {
  pugi::xml_node tbl = parent.append_child("w:tbl");
  // CT_TblPr order: tblW, tblInd, tblBorders, tblLayout, tblCellMar, tblLook.
  pugi::xml_node pr = tbl.append_child("w:tblPr");
  int total = 0;
  for (int c : columns) total += c;
  width(pr, "w:tblW", total);
  width(pr, "w:tblInd", 0);
  pugi::xml_node borders = pr.append_child("w:tblBorders");
  for (const char* side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"}) {
    pugi::xml_node b = borders.append_child(side);
    b.append_attribute("w:val") = "nil";
  }
  pr.append_child("w:tblLayout").append_attribute("w:type") = "fixed";
  pugi::xml_node mar = pr.append_child("w:tblCellMar");
  width(mar, "w:left", 0);
  width(mar, "w:right", 0);
  pugi::xml_node look = pr.append_child("w:tblLook");
  look.append_attribute("w:val") = "0000";
  look.append_attribute("w:firstRow") = 0;
  look.append_attribute("w:lastRow") = 0;
  look.append_attribute("w:firstColumn") = 0;
  look.append_attribute("w:lastColumn") = 0;
  look.append_attribute("w:noHBand") = 1;
  look.append_attribute("w:noVBand") = 1;
  pugi::xml_node grid = tbl.append_child("w:tblGrid");
  for (int c : columns) grid.append_child("w:gridCol").append_attribute("w:w") = c;
  return tbl;
}

pugi::xml_node layout_row(pugi::xml_node table, bool keep_whole) {
  pugi::xml_node tr = table.append_child("w:tr");
  if (keep_whole) tr.append_child("w:trPr").append_child("w:cantSplit");
  return tr;
}

pugi::xml_node layout_cell(pugi::xml_node row, int twips, int gap_left, int gap_right) {
  pugi::xml_node tc = row.append_child("w:tc");
  // CT_TcPr order: tcW, tcMar.
  pugi::xml_node pr = tc.append_child("w:tcPr");
  width(pr, "w:tcW", twips);
  if (gap_left > 0 || gap_right > 0) {
    pugi::xml_node mar = pr.append_child("w:tcMar");
    width(mar, "w:left", gap_left);
    width(mar, "w:right", gap_right);
  }
  return tc;
}

void finish_cell(pugi::xml_node cell) {
  // A cell must end with a paragraph (CT_Tc); an empty one stays empty.
  if (!cell.last_child() || std::string(cell.last_child().name()) != "w:p") {
    cell.append_child("w:p");
  }
}

ColumnWidths column_widths(const style::Style& st, const Metrics& m) {
  ColumnWidths c;
  c.main = m.text_width();
  if (st.layout == style::Layout::Sidebar) {
    c.side = std::min(Metrics::twips(st.sidebar_width), m.text_width() * 45 / 100);
    c.gutter = Metrics::twips(30);
  } else if (st.layout == style::Layout::DateColumn) {
    c.side = Metrics::twips(m.scaled(st.date_column_width));
    c.gutter = Metrics::twips(m.scaled(12));
  }
  c.main = m.text_width() - c.side - c.gutter;
  return c;
}

}  // namespace tailor::writer::docx
