// What the contact line shows for a header link, shared by the PDF and DOCX writers.
#pragma once

#include <string>

#include "model/document.hpp"

namespace tailor::writer {

/// A URL as the contact line shows it: no scheme, no trailing slash.
std::string display_url(const std::string& url);

/// The text for a header link. `safe_url` is the link after base::normalise_link (empty when
/// it is not a link). With `labels` the label is shown, else the address. Nothing only one of
/// them says is lost: a link without a usable address shows its label, and an address that
/// lacks the user name a label carries ("Twitter (jdoe)" for https://www.twitter.com, as a
/// JSON Resume profile without a URL to the user) shows the label.
std::string contact_link_text(const model::Link& link, const std::string& safe_url, bool labels);

}  // namespace tailor::writer
