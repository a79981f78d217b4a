// Placeholder until the JSON Resume reader lands.
#include "reader/reader.hpp"

namespace tailor::reader {

std::optional<model::Document> parse_json_resume(std::uint32_t file_id, std::string_view,
                                                 diag::Diagnostics& diags) {
  diags.error(model::SourceSpan{file_id, 1, 1, 1, 1}, "the JSON Resume reader is not built yet");
  return std::nullopt;
}

}  // namespace tailor::reader
