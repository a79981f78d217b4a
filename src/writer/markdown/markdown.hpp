// GitHub-flavoured Markdown (for a profile README or a personal site): headings, lists,
// links and emphasis kept; every Markdown-special character in the text escaped.
#pragma once

#include <string>

#include "diag/diagnostic.hpp"
#include "model/document.hpp"
#include "writer/writer.hpp"

namespace tailor::writer {

bool write_markdown(const model::Document& doc, const RenderOptions& options, std::string& out,
                    diag::Diagnostics& diags);

namespace markdown {

/// Text as GFM inline content that reads back as exactly this text: backslash before every
/// character that could start markup (emphasis, links, code, HTML, tables, strikethrough,
/// entities), and before a line start that would open a block (heading, list, quote).
std::string escape(const std::string& text, bool line_start);

}  // namespace markdown

}  // namespace tailor::writer
