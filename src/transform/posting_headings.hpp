// Posting headings in Azerbaijani, Russian, Turkish and German ("Tələblər", "Требования",
// "Gereksinimler", "Ihr Profil", ...), and the words that mark one line as optional in them.
// English headings are in job_posting.cpp; docs/matching.md lists both.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "transform/job.hpp"

namespace tailor::transform {

/// Lower case for heading lookup: ASCII, Cyrillic, and the Latin letters of az, tr and de
/// (Ə, Ç, Ş, Ğ, Ö, Ü, Ä; dotted and dotless I both fold to "i"). Runs of spaces collapse.
std::string fold_heading(std::string_view s);

/// The part a heading in another language names; nullopt when it is not one we know.
std::optional<PostingPart> foreign_heading(std::string_view heading);

/// Whether a line says, in az, ru, tr or de, that its item is optional ("будет плюсом").
bool says_optional_foreign(std::string_view line);

}  // namespace tailor::transform
