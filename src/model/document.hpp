// The document model: plain C++ value types that every reader fills and every writer reads.
// Depends on nothing but the standard library (pandoc-types' Definition.hs in spirit).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace tailor::model {

/// Where a node came from. Lines and columns are 1-based; columns count code points.
/// file_id indexes the SourceManager that read the file; 0 means "no source" (synthesised).
struct SourceSpan {
  std::uint32_t file_id = 0;
  std::uint32_t line = 0;
  std::uint32_t col = 0;
  std::uint32_t end_line = 0;
  std::uint32_t end_col = 0;

  bool known() const { return line != 0; }
  friend bool operator==(const SourceSpan&, const SourceSpan&) = default;
};

/// One run of inline text with uniform formatting. Inline markup is flattened into runs:
/// "**Go** and *Rust*" is three runs. Writers never need to walk a tree.
struct Run {
  std::string text;      ///< UTF-8, markup removed, escapes resolved.
  bool strong = false;   ///< **bold** in the source.
  bool emph = false;     ///< *italic* in the source.
  bool keyword = false;  ///< Emphasised by the rule engine for the target role.
  std::string url;       ///< Non-empty when the run is a link; the scheme is checked by writers.
  SourceSpan span;
  friend bool operator==(const Run&, const Run&) = default;
};

using Inlines = std::vector<Run>;

/// Concatenated text of a run list, without formatting.
std::string plain_text(const Inlines& inlines);

/// A calendar date of which only the year may be known. year == 0 means "no date".
struct Date {
  int year = 0;
  int month = 0;         ///< 1..12, or 0 when only the year is given.
  int day = 0;           ///< 1..31, or 0.
  bool present = false;  ///< "present": the range is ongoing.
  SourceSpan span;

  bool empty() const { return year == 0 && !present; }
  friend bool operator==(const Date&, const Date&) = default;
};

/// A single date (start only) or a range. end.present marks an ongoing role.
struct DateRange {
  Date start;
  Date end;  ///< empty() for a single date.
  friend bool operator==(const DateRange&, const DateRange&) = default;
};

/// A labelled link in the header ("GitHub <https://github.com/x>").
struct Link {
  std::string label;
  std::string url;
  SourceSpan span;
  friend bool operator==(const Link&, const Link&) = default;
};

/// A field of the header: the value and where it was written.
struct Field {
  std::string value;
  SourceSpan span;
  bool empty() const { return value.empty(); }
  friend bool operator==(const Field&, const Field&) = default;
};

/// Who the resume is about.
struct Header {
  Field name;
  Field headline;  ///< The title line under the name; the rule engine may rewrite it.
  Field email;
  Field phone;
  Field location;  ///< City and country: kept by --anonymize.
  Field address;   ///< Street address: removed by --anonymize.
  Field photo;     ///< Path or URL of a photo: removed by --anonymize.
  /// The photo's file as the writers open it: `photo` resolved against the resume's folder
  /// by the front end; empty for a URL, or when there is no photo.
  std::string photo_file;
  Field language;  ///< BCP 47 tag of the document's language ("de", "az"); empty: as written.
  Field ref;       ///< The candidate reference a recruiter gave ("ref:", JSON meta.ref).
  std::vector<Link> links;
  friend bool operator==(const Header&, const Header&) = default;
};

/// A paragraph of prose (a summary, an entry's description, free text).
struct Paragraph {
  Inlines text;
  std::vector<std::string> tags;
  SourceSpan span;
  friend bool operator==(const Paragraph&, const Paragraph&) = default;
};

/// A bullet point. Continuation lines are already joined with single spaces.
struct Bullet {
  Inlines text;
  std::vector<std::string> tags;
  SourceSpan span;
  friend bool operator==(const Bullet&, const Bullet&) = default;
};

/// One item of a skill group ("Kubernetes").
struct Skill {
  std::string name;
  bool keyword = false;  ///< Emphasised by the rule engine.
  SourceSpan span;
  friend bool operator==(const Skill&, const Skill&) = default;
};

/// "Label: item, item, item". Used for skills, and for languages and interests lines.
struct SkillGroup {
  std::string label;
  std::vector<Skill> items;
  std::vector<std::string> tags;
  SourceSpan span;
  friend bool operator==(const SkillGroup&, const SkillGroup&) = default;
};

/// A dated item: a job, a degree, a project, a certificate, an award, a publication.
/// For education, role is the degree and organisation the institution.
struct Entry {
  std::string role;
  std::string organisation;
  std::string location;
  DateRange dates;
  std::string url;  ///< Optional link for the entry (project page, publication).
  std::vector<std::string> tags;
  std::vector<Paragraph> description;  ///< Prose lines under the heading.
  std::vector<Bullet> bullets;
  SourceSpan span;
  friend bool operator==(const Entry&, const Entry&) = default;
};

/// A section's content, in source order.
using Block = std::variant<Paragraph, Bullet, Entry, SkillGroup>;

/// The standard sections. Custom is any other heading, kept with its own title.
enum class SectionKind {
  Summary,
  Experience,
  Education,
  Skills,
  Projects,
  Certifications,
  Languages,
  Awards,
  Publications,
  Volunteering,
  Interests,
  References,
  Custom,
};

/// Stable lower-case name of a kind ("experience"); used by dumps and rule files.
const char* to_string(SectionKind kind);
/// The kind for a heading such as "Work Experience" or "Skills"; Custom when unknown.
SectionKind section_kind_from_title(const std::string& title);

struct Section {
  SectionKind kind = SectionKind::Custom;
  std::string title;              ///< As written ("Work Experience").
  std::vector<std::string> tags;  ///< Variant tags: "== Summary {infrastructure}".
  std::vector<Block> blocks;
  SourceSpan span;
  friend bool operator==(const Section&, const Section&) = default;
};

/// Facts about the build that writers put into metadata. Filled by transforms, not readers.
struct Meta {
  std::string target_role;            ///< "Infrastructure Engineer" when tailored.
  std::vector<std::string> keywords;  ///< Emphasised skills, in order.
  friend bool operator==(const Meta&, const Meta&) = default;
};

/// A whole resume.
struct Document {
  Header header;
  std::vector<Section> sections;
  Meta meta;
  friend bool operator==(const Document&, const Document&) = default;
};

}  // namespace tailor::model
