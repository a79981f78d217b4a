#include "base/sha256.hpp"

#include <openssl/evp.h>

#include <stdexcept>

namespace tailor::base {

// The EVP context, behind an opaque type so no caller includes OpenSSL's headers.
struct Sha256::Ctx {
  EVP_MD_CTX* md = nullptr;
};

namespace {

void free_ctx(Sha256::Ctx* c) {
  if (c) EVP_MD_CTX_free(c->md);
  delete c;
}

}  // namespace

Sha256::Sha256() : ctx_(new Ctx, &free_ctx) {
  ctx_->md = EVP_MD_CTX_new();
  if (!ctx_->md || EVP_DigestInit_ex(ctx_->md, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("libcrypto cannot start a SHA-256 digest");
  }
}

Sha256& Sha256::update(std::string_view bytes) {
  if (!done_ && !bytes.empty()) EVP_DigestUpdate(ctx_->md, bytes.data(), bytes.size());
  return *this;
}

Sha256& Sha256::field(std::string_view bytes) {
  std::string len = std::to_string(bytes.size()) + ":";
  update(len);
  return update(bytes);
}

std::array<std::uint8_t, 32> Sha256::digest() {
  if (!done_) {
    unsigned int n = 0;
    EVP_DigestFinal_ex(ctx_->md, digest_.data(), &n);
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
