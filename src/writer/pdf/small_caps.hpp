// Small capitals for headings: lower-case letters become capitals set smaller.
#pragma once

#include <string>
#include <vector>

namespace tailor::writer::pdf {

/// A run of a heading in small capitals: its text, already upper-cased where it was lower
/// case, and whether it is set at the reduced size.
struct CapsRun {
  std::string text;
  bool reduced = false;
};

/// The relative size of small capitals (the x-height of most text faces is 0.45–0.55 em,
/// capitals about 0.7; 0.8 of the cap height matches what word processors synthesise).
constexpr double kSmallCapsScale = 0.8;

/// Splits text into runs of letters that were lower case (upper-cased by the rules of
/// `lang`, reduced) and everything else (kept). Combining marks stay with their base letter.
std::vector<CapsRun> small_caps_runs(const std::string& utf8, const std::string& lang);

}  // namespace tailor::writer::pdf
