// render_error: an error about the document as a whole, pointing at the input file.
#pragma once

#include <string>

#include "diag/diagnostic.hpp"
#include "model/document.hpp"

namespace tailor::writer::pdf {

/// Adds an error that names the input file (no line) and returns it, for hints to be added.
diag::Diagnostic& render_error(diag::Diagnostics& diags, const model::Document& doc,
                               std::string message);

}  // namespace tailor::writer::pdf
