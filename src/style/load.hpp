// Loads a visual style from a .style file (docs/styles.md describes the format).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/source_manager.hpp"
#include "style/style.hpp"

namespace tailor::style {

/// Names of the styles a NAME can select, sorted: the compiled-in ones and those in the
/// user's data folders (data/files.hpp).
std::vector<std::string> builtin_style_names();

/// A NAME ("classic") resolves to NAME.style in the user's data folders, else the built-in
/// one ("builtin:styles/classic.style" in messages); anything containing a '/' or
/// ending in ".style" is a path. Every problem becomes a located diagnostic; nullopt on error.
std::optional<Style> load_style(const std::string& name_or_path, model::SourceManager& sources,
                                diag::Diagnostics& diags);

/// Parses style text already registered under file_id (used by load_style and by tests).
std::optional<Style> parse_style(std::uint32_t file_id, const std::string& text,
                                 diag::Diagnostics& diags);

}  // namespace tailor::style
