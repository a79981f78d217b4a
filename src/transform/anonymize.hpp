// --anonymize: blind-screening copies of a resume for recruiters.
#pragma once

#include <string>
#include <string_view>

#include "model/document.hpp"

namespace tailor::transform {

/// What anonymize() changed, for messages and tests.
struct AnonymizeReport {
  int fields_removed = 0;    ///< Header fields, links and the photo.
  int text_scrubbed = 0;     ///< Occurrences replaced in body text.
  int links_removed = 0;     ///< Run and entry links that pointed at the person.
  int sections_removed = 0;  ///< References sections (third parties' contact data).
};

/// Makes a document safe for blind screening:
/// - the name becomes `reference`; email, phone, street address, photo and every header link
///   are removed (location, headline, work history, skills and education stay);
/// - those strings (email, phone in any spacing, link URLs with or without scheme, the full
///   name and each name part of two letters or more, compared case- and accent-insensitively
///   as whole words) are replaced in all body text, and any other e-mail address too;
/// - links in runs and entries that point at mailto:, tel:, a header link or a profile site
///   (linkedin.com, github.com, ...) are dropped, keeping the (scrubbed) text;
/// - References sections are removed: they hold other people's names and phone numbers.
AnonymizeReport anonymize(model::Document& doc, const std::string& reference);

}  // namespace tailor::transform
