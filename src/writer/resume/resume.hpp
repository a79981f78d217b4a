// Writes any document back as .resume markup, escaping whatever the reader would take as
// markup, so that reading the output gives the same model (tailor convert x.json -o x.resume).
#pragma once

#include <string>

#include "diag/diagnostic.hpp"
#include "model/document.hpp"
#include "writer/writer.hpp"

namespace tailor::writer {

/// The .resume writer. Warns (never fails) about the few things the markup cannot hold,
/// such as a link whose address contains spaces.
bool write_resume(const model::Document& doc, const RenderOptions& options, std::string& out,
                  diag::Diagnostics& diags);

}  // namespace tailor::writer
