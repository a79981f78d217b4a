// A persistent record of fontconfig's answers, so a process that builds one PDF does not pay
// for parsing fontconfig's XML configuration (about two thirds of a small build's start-up).
//
// The file remembers, for each face asked for, the font file fontconfig chose, beside a stamp
// of everything that could change that choice: the modification time, size and inode of every
// configuration file and folder, every font folder and sub-folder and every fontconfig cache
// folder, the chosen font files themselves, and the environment variables fontconfig reads.
// Installing or removing a font changes a font folder (and fc-cache rewrites its cache), so
// any such change makes the whole record stale, and fontconfig is asked again.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "writer/pdf/fonts.hpp"

namespace tailor::writer::pdf {

class FontMatchCache {
 public:
  /// $TAILOR_CACHE_DIR, else $XDG_CACHE_HOME/tailor, else $HOME/.cache/tailor, followed by
  /// /fonts-1.cache. Empty (no cache) when TAILOR_FONT_CACHE=off or no folder is known.
  static std::string default_path();

  /// Reads the file; a missing, unreadable, malformed or stale file leaves the cache empty.
  /// The chosen font files' own stamps are checked by find(), when a face is first used: a
  /// record names every face any build asked for (world-text fallbacks included), and a
  /// build uses a few.
  void load(const std::string& path);
  /// The recorded answer for `key`; none when there is none, or when the face's font file has
  /// changed since, which makes the whole record stale.
  std::optional<FontMatch> find(const FaceKey& key);
  /// Records an answer fontconfig just gave and rewrites the file (temporary file + rename, so
  /// a concurrent reader sees the old or the new record, never a torn one). Failures to write
  /// are ignored: the cache only saves time.
  void add(const FaceKey& key, const FontMatch& match);

 private:
  std::string path_;
  std::map<FaceKey, FontMatch> faces_;
  std::vector<std::string> stamped_;  ///< Files and folders whose state the record depends on.
  /// Recorded font files not yet checked, with their recorded state (signature()).
  std::map<std::string, std::string> unchecked_files_;
  bool stamps_known_ = false;

  void forget();
};

}  // namespace tailor::writer::pdf
