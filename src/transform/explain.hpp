// The audit trail of --explain: every keyword behind a title decision with its file:line:col,
// each failed condition, the evidence still missing, and the keywords behind moved or
// emphasised bullets; as text lines or as one JSON object (--explain=json).
#pragma once

#include <string>

#include "model/source_manager.hpp"
#include "transform/report.hpp"

namespace tailor::transform {

/// "path:line:col", or "" when the span is unknown.
std::string span_text(const model::SourceSpan& s, const model::SourceManager& sources);

/// The title decision and bullet notes as text lines ("tailor: title: ...").
std::string explain_text(const Report& report, const model::SourceManager& sources);

}  // namespace tailor::transform
