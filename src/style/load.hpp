// Loads a visual style from a .style file (docs/styles.md describes the format).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/source_manager.hpp"
#include "style/style.hpp"

namespace tailor::style {

/// The folder holding built-in data: $TAILOR_DATA_DIR when set, else the compiled-in one.
std::string data_dir();

/// Names of the built-in styles (files in data_dir()/styles), sorted.
std::vector<std::string> builtin_style_names();

/// A NAME ("classic") resolves to data_dir()/styles/NAME.style; anything containing a '/' or
/// ending in ".style" is a path. Every problem becomes a located diagnostic; nullopt on error.
std::optional<Style> load_style(const std::string& name_or_path, model::SourceManager& sources,
                                diag::Diagnostics& diags);

/// Parses style text already registered under file_id (used by load_style and by tests).
std::optional<Style> parse_style(std::uint32_t file_id, const std::string& text,
                                 diag::Diagnostics& diags);

}  // namespace tailor::style
