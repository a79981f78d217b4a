// deflate_default (src/writer/pdf/deflate.hpp) makes the bytes zlib's compress2 makes at the
// default level, whatever the pieces and whatever the thread's reused blocks held before.
#include <gtest/gtest.h>
#include <zlib.h>

#include <functional>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "writer/pdf/deflate.hpp"

namespace tailor::writer::pdf {
namespace {

std::string reference(std::string_view in) {
  uLongf len = compressBound(static_cast<uLong>(in.size()));
  std::string out(len, '\0');
  EXPECT_EQ(compress2(reinterpret_cast<Bytef*>(out.data()), &len,
                      reinterpret_cast<const Bytef*>(in.data()), static_cast<uLong>(in.size()),
                      Z_DEFAULT_COMPRESSION),
            Z_OK);
  out.resize(len);
  return out;
}

/// Inputs of the kinds a PDF deflates: content-stream text, font-like binary, random bytes,
/// and the sizes around zlib's window (32 KiB) and lookahead.
std::vector<std::string> inputs() {
  std::mt19937 rng(4);
  std::vector<std::string> v{"", "q", std::string(1, '\0')};
  std::string content;
  while (content.size() < 90000) {
    content += "1 0 0 1 " + std::to_string(rng() % 600) + "." + std::to_string(rng() % 1000) +
               " 700.5 Tm\n[<00" + std::to_string(rng() % 90 + 10) + "> -12.5 <0031> ] TJ\n";
  }
  v.push_back(content);
  std::string random(70000, '\0');
  for (char& c : random) c = static_cast<char>(rng());
  v.push_back(random);
  std::string runs;
  while (runs.size() < 50000) runs += std::string(rng() % 300 + 1, static_cast<char>(rng() % 4));
  v.push_back(runs);
  for (std::size_t n : {32767u, 32768u, 32769u, 65536u + 258u}) v.push_back(content.substr(0, n));
  return v;
}

TEST(PdfDeflate, SameBytesAsCompress2) {
  for (const std::string& in : inputs()) {
    std::string out;
    ASSERT_TRUE(deflate_default(in, out));
    EXPECT_EQ(out, reference(in)) << in.size() << " bytes";
  }
}

TEST(PdfDeflate, PiecesAreOneInput) {
  std::mt19937 rng(7);
  for (const std::string& in : inputs()) {
    std::vector<std::string_view> pieces;
    for (std::size_t at = 0; at < in.size();) {
      std::size_t n = std::min<std::size_t>(in.size() - at, rng() % 9000);  // some empty
      pieces.push_back(std::string_view(in).substr(at, n));
      at += n;
    }
    std::string out = "kept ";
    ASSERT_TRUE(deflate_default(pieces, out));
    EXPECT_EQ(out, "kept " + reference(in)) << in.size() << " bytes in " << pieces.size();
  }
}

TEST(PdfDeflate, ReusedBlocksLeaveNoTraceInTheOutput) {
  // Large random streams fill the thread's reused window with bytes that a short, repetitive
  // stream after them would match if zlib ever read past what it wrote.
  std::vector<std::string> in = inputs();
  std::mt19937 rng(11);
  for (int round = 0; round < 40; ++round) {
    const std::string& s = in[rng() % in.size()];
    std::string out;
    ASSERT_TRUE(deflate_default(s, out));
    ASSERT_EQ(out, reference(s)) << "round " << round << ", " << s.size() << " bytes";
  }
  // One stream's blocks are kept for the next, and no more than a bounded number.
  EXPECT_GT(deflate_pool_blocks(), 0u);
  EXPECT_LE(deflate_pool_blocks(), 8u);
}

TEST(PdfDeflate, EachThreadKeepsItsOwnBlocks) {
  std::vector<std::string> in = inputs();
  std::vector<std::string> expected;
  for (const std::string& s : in) expected.push_back(reference(s));
  auto work = [&](int seed, int& bad) {
    std::mt19937 rng(seed);
    for (int i = 0; i < 30; ++i) {
      std::size_t k = rng() % in.size();
      std::string out;
      if (!deflate_default(in[k], out) || out != expected[k]) ++bad;
    }
  };
  int bad1 = 0, bad2 = 0;
  std::thread a(work, 1, std::ref(bad1)), b(work, 2, std::ref(bad2));
  a.join();
  b.join();
  EXPECT_EQ(bad1 + bad2, 0);
}

}  // namespace
}  // namespace tailor::writer::pdf
