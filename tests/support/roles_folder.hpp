#pragma once

#include <string>

#include "diag/diagnostic.hpp"
#include "model/source_manager.hpp"
#include "transform/rules.hpp"

namespace tailor::test {

/// Loads lexicon.rules then every other *.rules of a folder, in name order, as a folder of
/// profiles under test is read: a title defined twice is an error (the CLI reads the built-in
/// and user profiles through transform::load_builtin_rules instead).
bool load_rules_dir(const std::string& dir, model::SourceManager& sources,
                    transform::RuleSet& rules, diag::Diagnostics& diags);

}  // namespace tailor::test
