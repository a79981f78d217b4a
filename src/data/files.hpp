// Where roles, styles and locales come from: the user's folders first, then the built-ins.
// docs/data.md describes the precedence to users.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tailor::data {

/// A data file as the loaders see it. `path` is what diagnostics and --explain cite: a real
/// path for a user's file, "builtin:styles/classic.style" for a built-in one.
struct File {
  std::string name;  ///< File name: "classic.style".
  std::string path;
};

/// The prefix of a built-in file's path: "builtin:".
inline constexpr std::string_view kBuiltinPrefix = "builtin:";

/// The folders searched before the built-ins for one kind ("roles", "styles", "locales"),
/// highest precedence first: $TAILOR_DATA_DIR/KIND, then $XDG_DATA_HOME/tailor/KIND
/// ($XDG_DATA_HOME defaults to ~/.local/share). Folders that do not exist are left out.
std::vector<std::string> user_dirs(std::string_view kind);

/// Every file of a kind whose name ends in `ext` (".style"), one per file name: the first
/// user folder that has it, else the built-in. Sorted by name.
std::vector<File> list(std::string_view kind, std::string_view ext);

/// One file by name ("classic.style") under the same precedence; nullopt when none has it.
std::optional<File> find(std::string_view kind, std::string_view name);

/// True for a "builtin:..." path.
bool is_builtin(std::string_view path);

/// A built-in file's bytes by its "builtin:..." path; nullopt for any other path.
std::optional<std::string_view> builtin_text(std::string_view path);

}  // namespace tailor::data
