// Building blocks shared by the YAML resume readers (RenderCV, YAMLResume): Markdown values
// into paragraphs and bullets, comma lists into skill groups, section titles from keys.
#pragma once

#include <string>
#include <vector>

#include "model/document.hpp"
#include "reader/yaml_tree.hpp"

namespace tailor::reader {

/// A paragraph / bullet of a scalar's inline Markdown.
model::Paragraph markdown_paragraph(const yaml::Node& v);
model::Bullet markdown_bullet(const yaml::Node& v);

/// The plain text of a scalar's Markdown, and its first link ("[FlashInfer](https://...)").
std::string markdown_plain(const yaml::Node& v, std::string* url = nullptr);

/// "Label: a, b, c" from a comma list (commas inside parentheses do not split). A group with
/// no label holds the details as its items.
model::SkillGroup comma_group(const std::string& label, const model::SourceSpan& label_span,
                              const yaml::Node& details, const model::SourceSpan& span);

/// A section title from a key: "selected_honors" -> "Selected Honors"; a key with a capital
/// or a space is kept as written.
std::string title_from_key(const std::string& key);

/// A new section of the kind its title names (model::section_kind_from_title).
model::Section make_section(const std::string& title, const model::SourceSpan& span);

}  // namespace tailor::reader
