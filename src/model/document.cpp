// Small helpers over the model types.
#include "model/document.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

namespace tailor::model {

std::string plain_text(const Inlines& inlines) {
  std::string out;
  for (const Run& r : inlines) out += r.text;
  return out;
}

const char* to_string(SectionKind kind) {
  switch (kind) {
    case SectionKind::Summary:
      return "summary";
    case SectionKind::Experience:
      return "experience";
    case SectionKind::Education:
      return "education";
    case SectionKind::Skills:
      return "skills";
    case SectionKind::Projects:
      return "projects";
    case SectionKind::Certifications:
      return "certifications";
    case SectionKind::Languages:
      return "languages";
    case SectionKind::Awards:
      return "awards";
    case SectionKind::Publications:
      return "publications";
    case SectionKind::Volunteering:
      return "volunteering";
    case SectionKind::Interests:
      return "interests";
    case SectionKind::References:
      return "references";
    case SectionKind::Custom:
      return "custom";
  }
  return "custom";
}

SectionKind section_kind_from_title(const std::string& title) {
  std::string t;
  for (unsigned char c : title) t += static_cast<char>(std::tolower(c));
  // Headings people actually write, mapped to the standard kinds.
  static const std::pair<const char*, SectionKind> kNames[] = {
      {"summary", SectionKind::Summary},
      {"profile", SectionKind::Summary},
      {"about", SectionKind::Summary},
      {"about me", SectionKind::Summary},
      {"professional summary", SectionKind::Summary},
      {"experience", SectionKind::Experience},
      {"work experience", SectionKind::Experience},
      {"work", SectionKind::Experience},
      {"employment", SectionKind::Experience},
      {"professional experience", SectionKind::Experience},
      {"education", SectionKind::Education},
      {"skills", SectionKind::Skills},
      {"technical skills", SectionKind::Skills},
      {"projects", SectionKind::Projects},
      {"certifications", SectionKind::Certifications},
      {"certificates", SectionKind::Certifications},
      {"languages", SectionKind::Languages},
      {"awards", SectionKind::Awards},
      {"honors", SectionKind::Awards},
      {"honours", SectionKind::Awards},
      {"publications", SectionKind::Publications},
      {"volunteering", SectionKind::Volunteering},
      {"volunteer", SectionKind::Volunteering},
      {"volunteer experience", SectionKind::Volunteering},
      {"interests", SectionKind::Interests},
      {"references", SectionKind::References},
  };
  auto it = std::find_if(std::begin(kNames), std::end(kNames),
                         [&](const auto& p) { return t == p.first; });
  return it == std::end(kNames) ? SectionKind::Custom : it->second;
}

}  // namespace tailor::model
