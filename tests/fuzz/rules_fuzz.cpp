// libFuzzer target "rules": see tailor::fuzz::rules in entries.hpp and docs/fuzzing.md.
#include "fuzz/entries.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  tailor::fuzz::rules(data, size);
  return 0;
}
