// What a command's help says besides its options: notes on defaults and choices, and examples.
#pragma once

#include <string>
#include <vector>

namespace tailor::cli {

struct Example {
  const char* command;  ///< "tailor build cv.resume -o cv.pdf"
  const char* meaning;  ///< "render a PDF"
};

/// Examples for the command `name` (empty for an unknown name).
const std::vector<Example>& examples(const std::string& name);

/// Paragraphs after the options: formats, styles and defaults, from the registries, so they
/// cannot fall behind the program. Empty when the command has none.
std::string notes(const std::string& name);

}  // namespace tailor::cli
