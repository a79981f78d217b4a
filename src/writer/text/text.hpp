// Plain text for pasting into application forms (ATS boxes): every section, nothing dropped.
#pragma once

#include <string>

#include "diag/diagnostic.hpp"
#include "model/document.hpp"
#include "writer/writer.hpp"

namespace tailor::writer {

bool write_text(const model::Document& doc, const RenderOptions& options, std::string& out,
                diag::Diagnostics& diags);
bool write_native(const model::Document& doc, const RenderOptions& options, std::string& out,
                  diag::Diagnostics& diags);

}  // namespace tailor::writer
