// The inline Markdown of RenderCV and YAMLResume values (**bold**, *italic*, [label](url),
// backslash escapes) into our runs. Lenient as Markdown is: a marker without its partner is
// kept as the character it is, never an error, so no word of the text is lost.
#pragma once

#include <string_view>

#include "model/document.hpp"

namespace tailor::reader {

/// Runs of `text`; every run carries `span` (the value's position in the file).
model::Inlines markdown_runs(std::string_view text, const model::SourceSpan& span);

}  // namespace tailor::reader
