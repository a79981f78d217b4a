// Upper-casing for headings set in capitals.
#pragma once

#include <string>

namespace tailor::writer::pdf {

/// Upper-cases letters of Latin (incl. Azerbaijani ə), Greek and Cyrillic scripts.
std::string to_upper(const std::string& utf8);

}  // namespace tailor::writer::pdf
