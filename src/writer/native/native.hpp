// The model as stable indented text (pandoc -t native). The golden format for tests.
#pragma once

#include <string>

#include "model/document.hpp"

namespace tailor::writer {

/// Dumps the model. Spans print as @line:col-end_line:end_col; paths never appear, so
/// goldens do not depend on where the file was.
std::string dump_native(const model::Document& doc);

}  // namespace tailor::writer
