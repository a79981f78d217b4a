// The link policy shared by every writer: only https, http, mailto and tel become links.
#pragma once

#include <string>
#include <string_view>

namespace tailor::base {

enum class LinkCheck {
  Safe,          ///< https, http, mailto or tel: may become a clickable link.
  NoScheme,      ///< "github.com/x": made https:// by normalise_link.
  UnsafeScheme,  ///< javascript:, file:, data:, anything else: plain text only.
};

LinkCheck check_link(std::string_view url);

/// The URL a writer should emit, or an empty string when it must stay plain text.
/// Adds https:// to scheme-less web addresses ("github.com/x").
std::string normalise_link(std::string_view url);

/// The scheme of a URL, lower-cased ("https"), or empty when it has none.
std::string link_scheme(std::string_view url);

}  // namespace tailor::base
