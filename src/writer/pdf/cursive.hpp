// Scripts whose letters join (Arabic, Syriac, N'Ko, Mongolian…): spacing their letters apart
// breaks the joins, so letter-spacing is not applied to them.
#pragma once

#include <string_view>

namespace tailor::writer::pdf {

/// True when `utf8` holds a letter that joins its neighbours (ICU's Joining_Type is dual,
/// right, left or join-causing).
bool has_joining_letters(std::string_view utf8);

}  // namespace tailor::writer::pdf
