#include "reader/csv.hpp"

#include "base/limits.hpp"
#include "reader/resume_support.hpp"

namespace tailor::reader::csv {

std::optional<Table> parse(std::uint32_t file_id, std::string_view text, diag::Diagnostics& diags) {
  resume::Locator loc(file_id, text);
  Table table;
  Row row;
  bool first = true;
  std::size_t fields = 0;
  std::size_t i = 0;
  auto end_row = [&] {
    // A blank line is one empty field: no record.
    bool blank = row.size() == 1 && row[0].text.empty();
    if (!blank) {
      if (first) {
        table.header = std::move(row);
        first = false;
      } else {
        table.rows.push_back(std::move(row));
      }
    }
    row.clear();
  };
  while (i <= text.size()) {
    if (i == text.size() && row.empty()) break;  // the file ended with a line break
    if (++fields > base::kMaxCsvFields) {
      diags
          .error(loc.span_at(i), "too many fields: the limit is " +
                                     base::group_digits(base::kMaxCsvFields) + " in one CSV file")
          .hints.push_back("a LinkedIn export file holds a few thousand fields (docs/limits.md)");
      return std::nullopt;
    }
    Field f;
    f.span = loc.span_at(i);
    if (i < text.size() && text[i] == '"') {
      std::size_t open = i++;
      bool closed = false;
      while (i < text.size()) {
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            f.text += '"';
            i += 2;
            continue;
          }
          ++i;
          closed = true;
          break;
        }
        f.text += text[i++];
      }
      if (!closed) {
        diags.error(loc.span_at(open), "a quoted field is not closed")
            .hints.push_back(
                "a field that begins with \" ends at the next \" that is not doubled (\"\")");
        return std::nullopt;
      }
      if (i < text.size() && text[i] != ',' && text[i] != '\n') {
        diags.warning(loc.span_at(i), "text after a closing quote is kept as part of the field")
            .hints.push_back("write a quote inside a quoted field as \"\"");
        while (i < text.size() && text[i] != ',' && text[i] != '\n') f.text += text[i++];
      }
    } else {
      while (i < text.size() && text[i] != ',' && text[i] != '\n') f.text += text[i++];
    }
    row.push_back(std::move(f));
    if (i < text.size() && text[i] == ',') {
      ++i;  // at the end of the text, the loop reads the empty last field
      continue;
    }
    end_row();
    ++i;  // the line break, or past the end
  }
  if (!row.empty()) end_row();
  return table;
}

}  // namespace tailor::reader::csv
