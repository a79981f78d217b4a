// JSON Resume v1 output (https://jsonresume.org/schema): the reverse of reader::parse_json_resume.
#pragma once

#include <string>

#include "diag/diagnostic.hpp"
#include "model/document.hpp"
#include "writer/writer.hpp"

namespace tailor::writer {

/// Writes the document as JSON Resume v1: fixed key order, 2-space indent, UTF-8, LF line
/// endings. What JSON Resume cannot hold (custom sections, tags, locations outside work) is
/// reported as a warning, never dropped silently.
bool write_json(const model::Document& doc, const RenderOptions& options, std::string& out,
                diag::Diagnostics& diags);

}  // namespace tailor::writer
