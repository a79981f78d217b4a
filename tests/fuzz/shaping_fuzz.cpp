// libFuzzer target "shaping": see tailor::fuzz::shaping in entries.hpp and docs/fuzzing.md.
#include "fuzz/entries.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  tailor::fuzz::shaping(data, size);
  return 0;
}
