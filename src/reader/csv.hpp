// CSV per RFC 4180, as spreadsheet programs and LinkedIn's data export write it: fields
// separated by commas, optionally in double quotes, inside which a comma, a line break or a
// doubled quote ("") is text. Every field remembers where it starts, for located messages.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/document.hpp"

namespace tailor::reader::csv {

struct Field {
  std::string text;
  model::SourceSpan span;
};

using Row = std::vector<Field>;

struct Table {
  Row header;             ///< The first record: the column names.
  std::vector<Row> rows;  ///< The other records; blank lines are skipped.
};

/// Parses the registered text of file_id (the BOM and CRLF already normalised by add_source).
/// An unterminated quoted field and more than base::kMaxCsvFields fields are errors (nullopt);
/// text after a closing quote is a warning and is kept.
std::optional<Table> parse(std::uint32_t file_id, std::string_view text, diag::Diagnostics& diags);

}  // namespace tailor::reader::csv
