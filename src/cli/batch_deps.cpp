#include "cli/batch_deps.hpp"

#include <algorithm>
#include <cstdlib>
#include <sstream>

#include "writer/pdf/fonts.hpp"

namespace tailor::cli {

std::vector<std::string> style_dependencies(const style::Style& style, bool with_fonts) {
  std::vector<std::string> files;
  auto add = [&](const std::string& f) {
    if (!f.empty() && std::find(files.begin(), files.end(), f) == files.end()) files.push_back(f);
  };
  add(style.source_path);
  add(style.logo);
  if (!with_fonts) return files;
  for (const std::string& family : {style.body_font, style.heading_font}) {
    for (bool bold : {false, true}) {
      for (bool italic : {false, true}) {
        add(writer::pdf::match_font(writer::pdf::FaceKey{family, bold, italic}).file);
      }
    }
  }
  return files;
}

std::string request_fingerprint(const BuildRequest& req) {
  std::ostringstream s;
  s << "style=" << req.style << "\nlang=" << req.lang << "\npaper=" << req.paper
    << "\nmax-pages=" << req.max_pages << "\nrules=" << req.rules_file << "\njob=" << req.job_file
    << "\nmax-skills=" << req.max_skills << "\nmax-bullets=" << req.max_bullets
    << "\nkeep-order=" << req.keep_order << "\nanonymize=" << req.anonymize << "\nref=" << req.ref;
  // Dates in PDF and DOCX metadata follow SOURCE_DATE_EPOCH.
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  s << "\nsource-date-epoch=" << (epoch ? epoch : "");
  return s.str();
}

}  // namespace tailor::cli
