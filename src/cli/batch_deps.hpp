// What a build's outputs depend on besides the inputs: files and option values.
#pragma once

#include <string>
#include <vector>

#include "cli/build_request.hpp"
#include "style/style.hpp"

namespace tailor::cli {

/// The files a style makes outputs depend on: the style file, its logo, and the font files
/// fontconfig resolves its body and heading families to (regular, bold, italic, bold italic),
/// which the PDF writer embeds (with_fonts: only builds that lay out a PDF depend on them).
/// For --if-changed, --watch and the overwrite check.
std::vector<std::string> style_dependencies(const style::Style& style, bool with_fonts);

/// The part of a build request that changes output bytes, as stable text for the manifest.
std::string request_fingerprint(const BuildRequest& req);

}  // namespace tailor::cli
