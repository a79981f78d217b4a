// SHA-256 (FIPS 180-4) for content hashes: the --if-changed manifest, stable candidate refs.
#pragma once

#include <array>
#include <cstdint>
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

 private:
  void block(const std::uint8_t* p);
  std::array<std::uint32_t, 8> h_;
  std::array<std::uint8_t, 64> buf_{};
  std::size_t buf_len_ = 0;
  std::uint64_t total_ = 0;
  bool done_ = false;
};

/// Lower-case hexadecimal SHA-256 of bytes.
std::string sha256_hex(std::string_view bytes);

}  // namespace tailor::base
