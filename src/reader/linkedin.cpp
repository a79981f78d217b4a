// A LinkedIn data export ("Get a copy of your data": a ZIP of CSV files, or the folder it
// unzips to) into the document model. docs/import.md lists the files and columns read.
//
//   Profile.csv        First Name + Last Name -> name; Headline; Summary -> Summary section;
//                      Geo Location -> location; Address, Zip Code -> address; Websites,
//                      Twitter Handles -> links
//   Positions.csv      -> Experience entries (no Finished On: ongoing)
//   Education.csv      -> Education entries
//   Skills.csv         -> one skill group, in file order
//   Languages.csv      -> one group per language: "Name: Proficiency"
//   Certifications.csv, Projects.csv, Honors.csv, Publications.csv, Volunteering.csv -> entries
// Sections come in the order above. A missing file is skipped with a note; an unknown column
// is ignored with a note; a date that is not one ("Mar 2021", "2021") is kept as text.
#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>

#include "base/limits.hpp"
#include "base/regular_files.hpp"
#include "diag/limits.hpp"
#include "reader/csv.hpp"
#include "reader/loose_date.hpp"
#include "reader/reader.hpp"
#include "reader/zip_archive.hpp"

namespace tailor::reader {

namespace {

using csv::Field;

struct Csv {
  std::string name;     ///< "Positions.csv"
  std::string display;  ///< "export.zip:Positions.csv" or "export/Positions.csv"
  std::string bytes;
};

const std::vector<std::string>& export_files() {
  static const std::vector<std::string> kFiles = {
      "Profile.csv",      "Positions.csv",      "Education.csv", "Skills.csv",
      "Languages.csv",    "Certifications.csv", "Projects.csv",  "Honors.csv",
      "Publications.csv", "Volunteering.csv"};
  return kFiles;
}

/// One row with its cells by column name.
class Record {
 public:
  Record(const csv::Row& header, const csv::Row& row) : header_(header), row_(row) {}
  const Field* get(const char* column) const {
    for (std::size_t i = 0; i < header_.size() && i < row_.size(); ++i) {
      if (header_[i].text == column) {
        return row_[i].text.find_first_not_of(" \t\n") == std::string::npos ? nullptr : &row_[i];
      }
    }
    return nullptr;
  }
  std::string text(const char* column) const {
    const Field* f = get(column);
    return f ? trim(f->text) : std::string();
  }
  model::SourceSpan span() const { return row_.empty() ? model::SourceSpan{} : row_[0].span; }

  static std::string trim(const std::string& s) {
    std::size_t a = s.find_first_not_of(" \t\n");
    if (a == std::string::npos) return {};
    return s.substr(a, s.find_last_not_of(" \t\n") - a + 1);
  }

 private:
  const csv::Row& header_;
  const csv::Row& row_;
};

class LinkedIn {
 public:
  LinkedIn(model::SourceManager& sources, diag::Diagnostics& diags)
      : sources_(sources), diags_(diags) {}

  /// Maps the files found; `where` names the export in notes about missing files.
  std::optional<model::Document> map(const std::string& where, std::vector<Csv> files) {
    model::Document doc;
    model::SourceSpan export_span{0, 0, 0, 0, 0};
    bool any = false;
    for (const std::string& name : export_files()) {
      auto it =
          std::find_if(files.begin(), files.end(), [&](const Csv& c) { return c.name == name; });
      if (it == files.end()) {
        if (export_span.file_id == 0) export_span.file_id = sources_.add(where, std::string());
        note(export_span, name + " is not in the export; skipped");
        continue;
      }
      std::uint32_t id = add_source(it->display, it->bytes, InputFormat::Resume, sources_, diags_);
      if (id == 0) return std::nullopt;
      std::optional<csv::Table> table = csv::parse(id, sources_.text(id), diags_);
      if (!table) return std::nullopt;
      any = true;
      read(name, *table, doc);
    }
    if (!any) {
      if (export_span.file_id == 0) export_span.file_id = sources_.add(where, std::string());
      diags_.error(export_span, "no LinkedIn export file found (Profile.csv, Positions.csv, ...)")
          .hints.push_back(
              "LinkedIn: Settings, Data privacy, Get a copy of your data; give Tailor the "
              ".zip it sends, or the folder it unzips to");
      return std::nullopt;
    }
    if (diags_.has_errors()) return std::nullopt;
    return doc;
  }

 private:
  using RowFn = std::function<void(const Record&)>;

  void note(const model::SourceSpan& at, std::string message, std::string hint = {}) {
    diag::Diagnostic d;
    d.severity = diag::Severity::Note;
    d.span = at;
    d.message = std::move(message);
    if (!hint.empty()) d.hints.push_back(std::move(hint));
    diags_.add(std::move(d));
  }

  /// Notes each column that is neither read nor known to be left out, once per file.
  void columns(const csv::Table& t, const std::string& file,
               std::initializer_list<const char*> read,
               std::initializer_list<const char*> left_out = {}) {
    for (const Field& h : t.header) {
      auto in = [&](std::initializer_list<const char*> list) {
        return std::find_if(list.begin(), list.end(), [&](const char* c) { return h.text == c; }) !=
               list.end();
      };
      if (in(read)) continue;
      if (in(left_out)) {
        note(h.span, file + ": column \"" + h.text + "\" is not carried over");
        continue;
      }
      std::string known;
      for (const char* c : read) known += (known.empty() ? "" : ", ") + std::string(c);
      note(h.span, file + ": unknown column \"" + h.text + "\" is ignored",
           "the columns read here: " + known + " (docs/import.md)");
    }
  }

  model::Section& section(model::Document& doc, model::SectionKind kind, const char* title,
                          const model::SourceSpan& span) {
    for (model::Section& s : doc.sections) {
      if (s.kind == kind) return s;
    }
    model::Section s;
    s.kind = kind;
    s.title = title;
    s.span = span;
    doc.sections.push_back(std::move(s));
    return doc.sections.back();
  }

  model::Date date(const Record& r, const char* column, model::Entry& e) {
    const Field* f = r.get(column);
    if (!f) return {};
    std::optional<model::Date> d = parse_loose_date(f->text);
    if (!d) {
      diags_
          .warning(f->span,
                   std::string(column) + ": \"" + f->text + "\" is not a date; it is kept as text")
          .hints.push_back("LinkedIn writes dates as \"Mar 2021\" or \"2021\"");
      e.description.push_back(paragraph(f->text, f->span));
      return {};
    }
    d->span = f->span;
    return *d;
  }

  static model::Paragraph paragraph(const std::string& text, const model::SourceSpan& span) {
    model::Paragraph p;
    p.text.push_back(model::Run{text, false, false, false, {}, span});
    p.span = span;
    return p;
  }

  /// Free text: lines that start with "-", "*" or "•" become bullets, others paragraphs.
  void prose(const Field* f, model::Entry& e, const std::string& prefix = {}) {
    if (!f) return;
    std::size_t start = 0;
    const std::string& t = f->text;
    bool first = true;
    while (start <= t.size()) {
      std::size_t nl = t.find('\n', start);
      if (nl == std::string::npos) nl = t.size();
      std::string line = Record::trim(t.substr(start, nl - start));
      start = nl + 1;
      if (line.empty()) continue;
      std::string bullet;
      if (line.rfind("\xE2\x80\xA2", 0) == 0) bullet = line.substr(3);  // •
      if ((line[0] == '-' || line[0] == '*') && line.size() > 1 && line[1] == ' ') {
        bullet = line.substr(2);
      }
      bullet = Record::trim(bullet);
      if (!bullet.empty()) {
        model::Bullet b;
        b.text.push_back(model::Run{bullet, false, false, false, {}, f->span});
        b.span = f->span;
        e.bullets.push_back(std::move(b));
      } else {
        e.description.push_back(paragraph(first ? prefix + line : line, f->span));
        first = false;
      }
    }
  }

  void range(const Record& r, const char* from, const char* to, model::Entry& e, bool open) {
    e.dates.start = date(r, from, e);
    e.dates.end = date(r, to, e);
    if (open && !e.dates.start.empty() && e.dates.end.empty() && !r.get(to)) {
      e.dates.end.present = true;
      e.dates.end.span = e.dates.start.span;
    }
  }

  void rows(const csv::Table& t, const RowFn& fn) {
    for (const csv::Row& row : t.rows) fn(Record(t.header, row));
  }

  void read(const std::string& file, const csv::Table& t, model::Document& doc) {
    model::SourceSpan at = t.header.empty() ? model::SourceSpan{} : t.header[0].span;
    auto entries = [&](model::SectionKind kind, const char* title,
                       const std::function<model::Entry(const Record&)>& fn) {
      rows(t, [&](const Record& r) {
        model::Entry e = fn(r);
        e.span = r.span();
        if (e.role.empty() && e.organisation.empty() && e.description.empty() &&
            e.bullets.empty()) {
          return;
        }
        section(doc, kind, title, at).blocks.push_back(std::move(e));
      });
    };
    if (file == "Profile.csv") {
      columns(t, file,
              {"First Name", "Last Name", "Headline", "Summary", "Geo Location", "Address",
               "Zip Code", "Websites", "Twitter Handles"},
              {"Maiden Name", "Birth Date", "Industry", "Instant Messengers"});
      if (t.rows.empty()) return;
      Record r(t.header, t.rows.front());
      profile(r, doc);
    } else if (file == "Positions.csv") {
      columns(t, file,
              {"Company Name", "Title", "Description", "Location", "Started On", "Finished On"});
      entries(model::SectionKind::Experience, "Experience", [&](const Record& r) {
        model::Entry e;
        e.role = r.text("Title");
        e.organisation = r.text("Company Name");
        e.location = r.text("Location");
        range(r, "Started On", "Finished On", e, true);
        prose(r.get("Description"), e);
        return e;
      });
    } else if (file == "Education.csv") {
      columns(t, file,
              {"School Name", "Start Date", "End Date", "Notes", "Degree Name", "Activities"});
      entries(model::SectionKind::Education, "Education", [&](const Record& r) {
        model::Entry e;
        e.role = r.text("Degree Name");
        e.organisation = r.text("School Name");
        range(r, "Start Date", "End Date", e, false);
        prose(r.get("Notes"), e);
        prose(r.get("Activities"), e, "Activities: ");
        return e;
      });
    } else if (file == "Skills.csv") {
      columns(t, file, {"Name"});
      model::SkillGroup g;
      g.span = at;
      rows(t, [&](const Record& r) {
        if (const Field* f = r.get("Name")) {
          g.items.push_back(model::Skill{Record::trim(f->text), false, f->span});
        }
      });
      if (!g.items.empty()) {
        section(doc, model::SectionKind::Skills, "Skills", at).blocks.push_back(std::move(g));
      }
    } else if (file == "Languages.csv") {
      columns(t, file, {"Name", "Proficiency"});
      rows(t, [&](const Record& r) {
        const Field* name = r.get("Name");
        const Field* level = r.get("Proficiency");
        if (!name) return;
        model::SkillGroup g;
        g.span = r.span();
        if (level) {
          g.label = Record::trim(name->text);
          g.items.push_back(model::Skill{Record::trim(level->text), false, level->span});
        } else {
          g.items.push_back(model::Skill{Record::trim(name->text), false, name->span});
        }
        section(doc, model::SectionKind::Languages, "Languages", at).blocks.push_back(std::move(g));
      });
    } else if (file == "Certifications.csv") {
      columns(t, file, {"Name", "Url", "Authority", "Started On", "Finished On", "License Number"});
      entries(model::SectionKind::Certifications, "Certifications", [&](const Record& r) {
        model::Entry e;
        e.role = r.text("Name");
        e.organisation = r.text("Authority");
        e.url = r.text("Url");
        range(r, "Started On", "Finished On", e, false);
        if (const Field* l = r.get("License Number")) {
          e.description.push_back(paragraph("License: " + Record::trim(l->text), l->span));
        }
        return e;
      });
    } else if (file == "Projects.csv") {
      columns(t, file, {"Title", "Description", "Url", "Started On", "Finished On"});
      entries(model::SectionKind::Projects, "Projects", [&](const Record& r) {
        model::Entry e;
        e.role = r.text("Title");
        e.url = r.text("Url");
        range(r, "Started On", "Finished On", e, false);
        prose(r.get("Description"), e);
        return e;
      });
    } else if (file == "Honors.csv") {
      columns(t, file, {"Title", "Description", "Issued On"});
      entries(model::SectionKind::Awards, "Honors", [&](const Record& r) {
        model::Entry e;
        e.role = r.text("Title");
        e.dates.start = date(r, "Issued On", e);
        prose(r.get("Description"), e);
        return e;
      });
    } else if (file == "Publications.csv") {
      columns(t, file, {"Name", "Published On", "Description", "Publisher", "Url"});
      entries(model::SectionKind::Publications, "Publications", [&](const Record& r) {
        model::Entry e;
        e.role = r.text("Name");
        e.organisation = r.text("Publisher");
        e.url = r.text("Url");
        e.dates.start = date(r, "Published On", e);
        prose(r.get("Description"), e);
        return e;
      });
    } else if (file == "Volunteering.csv") {
      columns(t, file,
              {"Company Name", "Role", "Cause", "Started On", "Finished On", "Description"});
      entries(model::SectionKind::Volunteering, "Volunteering", [&](const Record& r) {
        model::Entry e;
        e.role = r.text("Role");
        e.organisation = r.text("Company Name");
        range(r, "Started On", "Finished On", e, true);
        if (const Field* c = r.get("Cause")) {
          e.description.push_back(paragraph("Cause: " + Record::trim(c->text), c->span));
        }
        prose(r.get("Description"), e);
        return e;
      });
    }
  }

  void profile(const Record& r, model::Document& doc) {
    model::Header& h = doc.header;
    std::string name = r.text("First Name");
    std::string last = r.text("Last Name");
    if (!last.empty()) name = name.empty() ? last : name + " " + last;
    if (!name.empty()) {
      const Field* f = r.get("First Name") ? r.get("First Name") : r.get("Last Name");
      h.name = {name, f->span};
    }
    if (const Field* f = r.get("Headline")) h.headline = {Record::trim(f->text), f->span};
    if (const Field* f = r.get("Geo Location")) h.location = {Record::trim(f->text), f->span};
    std::string address = r.text("Address");
    std::string zip = r.text("Zip Code");
    if (!zip.empty()) address = address.empty() ? zip : address + ", " + zip;
    if (!address.empty()) {
      const Field* f = r.get("Address") ? r.get("Address") : r.get("Zip Code");
      h.address = {address, f->span};
    }
    // "[PORTFOLIO:https://a.dev,COMPANY:https://b.com]" and "[handle,handle]".
    auto list = [](const std::string& s) {
      std::string inner = s;
      if (!inner.empty() && inner.front() == '[') inner.erase(0, 1);
      if (!inner.empty() && inner.back() == ']') inner.pop_back();
      std::vector<std::string> out;
      std::size_t start = 0;
      while (start <= inner.size()) {
        std::size_t comma = inner.find(',', start);
        if (comma == std::string::npos) comma = inner.size();
        std::string item = Record::trim(inner.substr(start, comma - start));
        if (!item.empty()) out.push_back(item);
        start = comma + 1;
      }
      return out;
    };
    if (const Field* f = r.get("Websites")) {
      for (const std::string& site : list(f->text)) {
        std::size_t colon = site.find(':');
        bool typed = colon != std::string::npos && site.compare(colon, 3, "://") != 0;
        std::string label = typed ? site.substr(0, colon) : "Website";
        std::string url = typed ? site.substr(colon + 1) : site;
        if (!label.empty()) {
          for (std::size_t i = 1; i < label.size(); ++i) {
            label[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(label[i])));
          }
        }
        h.links.push_back(model::Link{label, url, f->span});
      }
    }
    if (const Field* f = r.get("Twitter Handles")) {
      for (const std::string& handle : list(f->text)) {
        std::string user = handle[0] == '@' ? handle.substr(1) : handle;
        h.links.push_back(model::Link{"X (" + user + ")", "https://x.com/" + user, f->span});
      }
    }
    if (const Field* f = r.get("Summary")) {
      model::Entry holder;
      prose(f, holder);
      model::Section s;
      s.kind = model::SectionKind::Summary;
      s.title = "Summary";
      s.span = f->span;
      for (auto& p : holder.description) s.blocks.push_back(std::move(p));
      for (auto& b : holder.bullets) s.blocks.push_back(std::move(b));
      if (!s.blocks.empty()) doc.sections.insert(doc.sections.begin(), std::move(s));
    }
  }

  model::SourceManager& sources_;
  diag::Diagnostics& diags_;
};

}  // namespace

std::optional<model::Document> read_linkedin_zip(const std::string& path, std::string_view raw,
                                                 model::SourceManager& sources,
                                                 diag::Diagnostics& diags) {
  auto files = read_zip(path, raw, export_files(), sources, diags);
  if (!files) return std::nullopt;
  std::vector<Csv> csvs;
  for (ZipFile& f : *files) {
    csvs.push_back(Csv{f.name, path + ":" + f.entry, std::move(f.bytes)});
  }
  return LinkedIn(sources, diags).map(path, std::move(csvs));
}

std::optional<model::Document> read_linkedin_folder(const std::string& path,
                                                    model::SourceManager& sources,
                                                    diag::Diagnostics& diags) {
  std::vector<Csv> csvs;
  for (const std::string& name : export_files()) {
    std::filesystem::path file = std::filesystem::path(path) / name;
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) continue;
    std::string err;
    bool too_large = false;
    std::optional<std::string> bytes =
        base::read_regular_file(file.string(), err, base::kMaxInputBytes, &too_large);
    if (!bytes) {
      diag::report_read_failure(file.string(), "cannot read file", err, too_large, sources, diags);
      return std::nullopt;
    }
    csvs.push_back(Csv{name, file.string(), std::move(*bytes)});
  }
  return LinkedIn(sources, diags).map(path, std::move(csvs));
}

bool is_linkedin_folder(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_directory(path, ec)) return false;
  for (const std::string& name : export_files()) {
    if (std::filesystem::is_regular_file(std::filesystem::path(path) / name, ec)) return true;
  }
  return false;
}

std::optional<std::string> linkedin_folder_fingerprint(const std::string& path, std::string& err) {
  std::string out;
  for (const std::string& name : export_files()) {
    std::filesystem::path file = std::filesystem::path(path) / name;
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) continue;
    bool too_large = false;
    std::optional<std::string> bytes =
        base::read_regular_file(file.string(), err, base::kMaxInputBytes, &too_large);
    if (!bytes) return std::nullopt;
    out += name + '\n' + std::to_string(bytes->size()) + '\n' + *bytes;
  }
  return out;
}

}  // namespace tailor::reader
