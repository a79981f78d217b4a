// libFuzzer target "linkedin": see tailor::fuzz::linkedin in entries.hpp and docs/fuzzing.md.
#include "fuzz/entries.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  tailor::fuzz::linkedin(data, size);
  return 0;
}
