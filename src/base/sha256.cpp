#include "base/sha256.hpp"

// libcrypto's one-call-per-block SHA-256 (SHA256_Init/Update/Final). OpenSSL 3 marks it
// deprecated in favour of EVP, but EVP's first digest initialises the whole provider machinery
// (reads openssl.cnf, loads the default provider, builds its name maps): 5.2 M instructions
// and 0.7 M more at exit, a tenth of a whole PDF build, for hashing a few short strings
// (docs/performance.md, "Start-up"). The low-level functions hash with the same assembly and
// need no initialisation. Only this file sees the deprecated declarations.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>

namespace tailor::base {

struct Sha256::Ctx {
  SHA256_CTX sha;
};

namespace {

void free_ctx(Sha256::Ctx* c) { delete c; }

}  // namespace

Sha256::Sha256() : ctx_(new Ctx, &free_ctx) { SHA256_Init(&ctx_->sha); }

Sha256& Sha256::update(std::string_view bytes) {
  if (!done_ && !bytes.empty()) SHA256_Update(&ctx_->sha, bytes.data(), bytes.size());
  return *this;
}

Sha256& Sha256::field(std::string_view bytes) {
  std::string len = std::to_string(bytes.size()) + ":";
  update(len);
  return update(bytes);
}

std::array<std::uint8_t, 32> Sha256::digest() {
  if (!done_) {
    SHA256_Final(digest_.data(), &ctx_->sha);
    done_ = true;
  }
  return digest_;
}

std::string Sha256::hex() {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string s;
  for (std::uint8_t b : digest()) {
    s += kHex[b >> 4];
    s += kHex[b & 15];
  }
  return s;
}

std::string sha256_hex(std::string_view bytes) { return Sha256().update(bytes).hex(); }

}  // namespace tailor::base
