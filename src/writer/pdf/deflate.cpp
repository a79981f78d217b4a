#include "writer/pdf/deflate.hpp"

#include <zlib.h>

#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

namespace tailor::writer::pdf {

namespace {

/// zlib's blocks, kept for the next stream of this thread. Each block carries its size in a
/// 16-byte header (keeping malloc's alignment), since zfree is not told the size.
class Pool {
 public:
  Pool() = default;
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;
  ~Pool() {
    for (void* p : free_) std::free(p);
  }

  void* take(std::size_t size) {
    for (std::size_t i = 0; i < free_.size(); ++i) {
      if (size_of(free_[i]) == size) {
        void* p = free_[i];
        free_[i] = free_.back();
        free_.pop_back();
        return static_cast<char*>(p) + kHeader;
      }
    }
    void* p = std::malloc(size + kHeader);
    if (!p) return nullptr;
    std::memcpy(p, &size, sizeof size);
    return static_cast<char*>(p) + kHeader;
  }

  void give(void* user) {
    void* p = static_cast<char*>(user) - kHeader;
    // One stream's blocks (state, window, hash chains, hash heads, pending buffer) and a few
    // more: enough for every stream, since each is finished before the next starts.
    if (free_.size() < kKeep) {
      free_.push_back(p);
    } else {
      std::free(p);
    }
  }

  std::size_t size() const { return free_.size(); }
  std::string& output() { return output_; }

 private:
  static constexpr std::size_t kHeader = 16;
  static constexpr std::size_t kKeep = 8;
  static std::size_t size_of(void* p) {
    std::size_t n;
    std::memcpy(&n, p, sizeof n);
    return n;
  }
  std::vector<void*> free_;
  std::string output_;
};

Pool& pool() {
  thread_local Pool p;
  return p;
}

extern "C" voidpf pool_alloc(voidpf, uInt items, uInt size) {
  return pool().take(static_cast<std::size_t>(items) * size);
}

extern "C" void pool_free(voidpf, voidpf address) { pool().give(address); }

}  // namespace

bool deflate_default(std::span<const std::string_view> pieces, std::string& out) {
  z_stream z{};
  z.zalloc = pool_alloc;
  z.zfree = pool_free;
  if (deflateInit(&z, Z_DEFAULT_COMPRESSION) != Z_OK) return false;
  uLong total = 0;
  for (std::string_view p : pieces) total += static_cast<uLong>(p.size());
  uLong bound = deflateBound(&z, total);
  if (bound > std::numeric_limits<uInt>::max()) {
    deflateEnd(&z);
    return false;
  }
  // deflateBound is an upper bound for the whole stream, so one pass of deflate fills the
  // output buffer; the bytes do not depend on how the input or the output is cut. The buffer
  // is the thread's own, grown to the largest stream so far, so a stream allocates nothing but
  // its exact output.
  std::string& buffer = pool().output();
  if (buffer.size() < bound) buffer.resize(bound);
  z.next_out = reinterpret_cast<Bytef*>(buffer.data());
  z.avail_out = static_cast<uInt>(bound);
  bool ok = true;
  for (std::string_view p : pieces) {
    if (p.empty()) continue;  // zlib reports an empty call as an error
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(p.data()));
    z.avail_in = static_cast<uInt>(p.size());
    if (deflate(&z, Z_NO_FLUSH) != Z_OK || z.avail_in != 0) {
      ok = false;
      break;
    }
  }
  ok = ok && deflate(&z, Z_FINISH) == Z_STREAM_END;
  if (ok) out.append(buffer.data(), z.total_out);
  deflateEnd(&z);
  return ok;
}

bool deflate_default(std::string_view in, std::string& out) {
  return deflate_default(std::span<const std::string_view>(&in, 1), out);
}

std::size_t deflate_pool_blocks() { return pool().size(); }

}  // namespace tailor::writer::pdf
