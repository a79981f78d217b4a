#include "transform/reference.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <cctype>
#include <filesystem>

#include "base/sha256.hpp"
#include "base/strings.hpp"

namespace tailor::transform {

std::string normalise_key(std::string_view text) {
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2* fold = icu::Normalizer2::getNFKCCasefoldInstance(ec);
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())));
  std::string folded;
  if (U_SUCCESS(ec)) {
    icu::UnicodeString out = fold->normalize(in, ec);
    if (U_SUCCESS(ec)) out.toUTF8String(folded);
  }
  if (U_FAILURE(ec)) folded = std::string(text);
  // ASCII white space only: NFKC has already made the Unicode spaces (U+00A0, U+3000) ' '.
  std::string out;
  bool space = false;
  for (char c : folded) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string derived_reference(std::string_view kind, std::string_view key) {
  std::string h = base::Sha256().field(kind).field(key).hex().substr(0, 12);
  for (char& c : h) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return "Candidate " + h;
}

CandidateReference candidate_reference(const model::Document* doc, const std::string& path) {
  if (doc) {
    std::string given = base::trim(doc->header.ref.value);
    if (!given.empty()) return {given, ReferenceSource::Given};
    std::string email = normalise_key(doc->header.email.value);
    if (!email.empty()) return {derived_reference("email", email), ReferenceSource::Email};
    std::string name = normalise_key(doc->header.name.value);
    if (!name.empty()) return {derived_reference("name", name), ReferenceSource::Name};
  }
  std::string normal = std::filesystem::path(path).lexically_normal().generic_string();
  return {derived_reference("path", normal), ReferenceSource::Path};
}

}  // namespace tailor::transform
