// Lines of a posting that give the work to someone else.
#include "transform/posting_scope.hpp"

#include <array>
#include <string>
#include <vector>

#include "transform/posting_headings.hpp"

namespace tailor::transform {

namespace {

// Folded with fold_heading on first use. Each says who does the work, or that nobody in this
// role does: a phrase, never a single common word.
constexpr std::array kElsewhere = {
    // English
    "by a separate team",
    "by another team",
    "by a different team",
    "by other teams",
    "by our partner",
    "by a vendor",
    "by an external",
    "owned by the",
    "owned by another",
    "owned by a separate",
    "handled by the",
    "handled by another",
    "handled by a separate",
    "handled elsewhere",
    "done elsewhere",
    "out of scope",
    "not part of this role",
    "not part of the role",
    "not required for this role",
    "you will not work on",
    "you won't work on",
    "you will not be working on",
    "is not your responsibility",
    "are not your responsibility",
    "not in scope",
    // Azerbaijani
    "ayrı komanda",
    "başqa komanda",
    "digər komanda",
    "bu vəzifəyə aid deyil",
    // Russian
    "отдельная команда",
    "отдельной командой",
    "другая команда",
    "другой командой",
    "не входит в обязанности",
    "не входит в задачи",
    "вне рамок",
    // Turkish
    "ayrı bir ekip",
    "başka bir ekip",
    "diğer ekip",
    "kapsam dışı",
    "sorumluluğunda değil",
    // German
    "von einem separaten team",
    "von einem anderen team",
    "ein anderes team",
    "nicht teil dieser rolle",
    "nicht teil der rolle",
    "außerhalb des aufgabenbereichs",
};

}  // namespace

bool assigned_elsewhere(std::string_view line) {
  static const std::vector<std::string> phrases = [] {
    std::vector<std::string> p;
    for (const char* x : kElsewhere) p.push_back(fold_heading(x));
    return p;
  }();
  std::string f = fold_heading(line);
  for (const std::string& p : phrases) {
    if (f.find(p) != std::string::npos) return true;
  }
  return false;
}

}  // namespace tailor::transform
