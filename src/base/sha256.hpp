// SHA-256 (FIPS 180-4) for content hashes: the --if-changed manifest, stable candidate refs.
// libcrypto (OpenSSL 3, Debian libssl-dev) computes it; this is the project's interface to it.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace tailor::base {

/// Incremental SHA-256. Feed bytes with update(), then call hex() or digest() once.
class Sha256 {
 public:
  Sha256();
  Sha256& update(std::string_view bytes);
  /// Feeds a length-prefixed field, so ("ab","c") and ("a","bc") hash differently.
  Sha256& field(std::string_view bytes);
  std::array<std::uint8_t, 32> digest();
  /// Lower-case hexadecimal digest (64 characters).
  std::string hex();

  struct Ctx;  ///< libcrypto's digest context (sha256.cpp).

 private:
  std::unique_ptr<Ctx, void (*)(Ctx*)> ctx_;
  std::array<std::uint8_t, 32> digest_{};
  bool done_ = false;
};

/// Lower-case hexadecimal SHA-256 of bytes.
std::string sha256_hex(std::string_view bytes);

}  // namespace tailor::base
