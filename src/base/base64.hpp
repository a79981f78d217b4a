// Base64 (RFC 4648, with padding, no line breaks) for data: URIs. libcrypto encodes.
#pragma once

#include <string>
#include <string_view>

namespace tailor::base {

/// The bytes as one line of standard base64 ("TWE=" for "Ma").
std::string base64(std::string_view bytes);

}  // namespace tailor::base
