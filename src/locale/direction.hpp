// The direction of a whole document: what mirrors its PDF page and makes every paragraph of
// its DOCX right to left.
#pragma once

#include <string_view>

#include "model/document.hpp"

namespace tailor::locale {

/// The direction of the first strong character: 1 right to left, 0 left to right, -1 none.
int first_strong_direction(std::string_view utf8);

/// A right-to-left language (lang:, --lang, meta.language) makes the document right to left
/// even when it opens with a Latin name; otherwise the first strong character of the name,
/// the headline, then the section titles decides.
bool is_rtl_document(const model::Document& doc);

}  // namespace tailor::locale
