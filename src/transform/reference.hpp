// Stable candidate references for blind screening: the same person keeps the same reference
// when their resume is edited, because it never depends on the file's bytes.
#pragma once

#include <string>
#include <string_view>

#include "model/document.hpp"

namespace tailor::transform {

/// Where a reference came from, in order of preference.
enum class ReferenceSource { Given, Email, Name, Path };

struct CandidateReference {
  std::string text;  ///< "R-1042" (given) or "Candidate 3F9A2C04B17E" (derived).
  ReferenceSource source = ReferenceSource::Path;
};

/// NFKC, case-folded (ICU's NFKC_Casefold), with surrounding white space trimmed and inner runs
/// of white space made one space: "  AYSEL@Example.COM " and "aysel@example.com" are one key.
std::string normalise_key(std::string_view text);

/// "Candidate " and the first 12 hex digits (upper case) of the SHA-256 of `kind` and `key`.
/// 48 bits: among a million people the chance of any two sharing one is below 0.2 %.
std::string derived_reference(std::string_view kind, std::string_view key);

/// The reference of one resume: the header's `ref:` (JSON Resume meta.ref) as given; else
/// derived from the normalised e-mail address; else from the normalised name; else, for a
/// resume with neither (or one that did not parse: doc null), from the input path as named,
/// lexically normalised.
CandidateReference candidate_reference(const model::Document* doc, const std::string& path);

}  // namespace tailor::transform
