// Font fallback: which installed family draws a character the style's font lacks, and which
// Debian package would cover a script no installed font has.
#pragma once

#include <string>

namespace tailor::writer::pdf {

/// A family that has cp, for its script: a preferred family per script when installed
/// (Noto for the scripts Noto covers; a TrueType CJK face, since Noto CJK is CFF), else the
/// best TrueType match fontconfig sorts first. Empty when no installed font has cp.
std::string fallback_family(char32_t cp, bool serif);

/// The ICU script code of cp (USCRIPT_*), with Common and Inherited kept as they are.
int script_of(char32_t cp);
/// "Arabic", "Han"... for messages.
std::string script_name(int script);
/// The Debian package whose fonts cover a script ("fonts-noto-core", "fonts-noto-cjk").
std::string script_package(int script);

}  // namespace tailor::writer::pdf
