#include "base/base64.hpp"

#include <openssl/evp.h>

namespace tailor::base {

std::string base64(std::string_view bytes) {
  // EVP_EncodeBlock writes 4 characters per 3 bytes (padded), then a NUL.
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(bytes.data()),
                          static_cast<int>(bytes.size()));
  out.resize(n < 0 ? 0 : static_cast<std::size_t>(n));
  return out;
}

}  // namespace tailor::base
