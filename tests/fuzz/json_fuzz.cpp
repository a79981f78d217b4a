// libFuzzer target "json": see tailor::fuzz::json in entries.hpp and docs/fuzzing.md.
#include "fuzz/entries.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  tailor::fuzz::json(data, size);
  return 0;
}
