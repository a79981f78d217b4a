// Diagnostics for machines: JSON lines for scripts, workflow commands for GitHub Actions.
#pragma once

#include <string>
#include <string_view>

#include "diag/diagnostic.hpp"

namespace tailor::diag {

/// "error", "warning" or "note".
const char* severity_name(Severity s);

/// One line: {"file":…,"line":…,"col":…,"end_line":…,"end_col":…,"severity":…,"message":…,
/// "hints":[…]}. file is null when the diagnostic names no file; the positions are null when
/// it has no known position.
std::string render_json(const Diagnostic& d, const model::SourceManager& sources);

/// One line, "::error file=F,line=L,col=C,endLine=…,endColumn=…::MESSAGE" (::warning,
/// ::notice for notes), with the hints after the message on lines of their own. Escaped as
/// GitHub's workflow commands require: in the message %, CR and LF; in property values also
/// ':' and ','.
std::string render_github(const Diagnostic& d, const model::SourceManager& sources);

/// The escapes of render_github, for tests: message data and property values.
std::string github_escape_data(std::string_view s);
std::string github_escape_property(std::string_view s);

}  // namespace tailor::diag
