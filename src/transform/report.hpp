// What tailoring changed and why: the report behind --explain, and a profile as text.
#pragma once

#include <string>
#include <vector>

#include "model/source_manager.hpp"
#include "transform/evidence.hpp"

namespace tailor::transform {

/// One change, for --explain.
struct Change {
  std::string what;    ///< "headline", "skills", "bullets", "summary", "sections", "emphasis".
  std::string detail;  ///< old -> new, or the new position.
  std::string reason;
  model::SourceSpan rule;  ///< The rule that caused it (file:line), when there is one.
};

struct Report {
  std::string role;
  std::vector<Change> changes;
  Evidence evidence;
  const TitleRule* fired = nullptr;         ///< The title rule that rewrote the headline.
  std::vector<std::string> licensed_words;  ///< Title words the fired rule may use.
};

/// "path:line: what: detail (reason)" lines.
std::string render_report(const Report& report, const model::SourceManager& sources);

/// A profile as text (for `tailor roles NAME`).
std::string describe_profile(const Profile& profile, const model::SourceManager& sources);

}  // namespace tailor::transform
