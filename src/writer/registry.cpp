// The single list of output formats. Adding a writer means adding a line here.
#include <filesystem>

#include "writer/docx/docx.hpp"
#include "writer/html/html.hpp"
#include "writer/json/json.hpp"
#include "writer/markdown/markdown.hpp"
#include "writer/pdf/pdf.hpp"
#include "writer/resume/resume.hpp"
#include "writer/text/text.hpp"
#include "writer/writer.hpp"

namespace tailor::writer {

const std::vector<WriterInfo>& writers() {
  static const std::vector<WriterInfo> kWriters = {
      {"text", {".txt"}, &write_text, "plain text for pasting into application forms"},
      {"native", {".native"}, &write_native, "the document model as indented text (for tests)"},
      {"json", {".json"}, &write_json, "JSON Resume v1 (for convert and JSON Resume themes)"},
      {"resume", {".resume"}, &write_resume, "Tailor's own .resume markup (round-trips)"},
      {"pdf", {".pdf"}, &write_pdf, "PDF with embedded subset fonts, links and metadata"},
      {"docx", {".docx"}, &write_docx, "Word document with named styles a recruiter can edit"},
      {"docx-xml", {".xml"}, &write_docx_xml, "the DOCX as one Flat OPC XML file (Word opens it)"},
      {"html",
       {".html", ".htm"},
       &write_html,
       "one self-contained web page (no script, no fetches)"},
      {"md", {".md", ".markdown"}, &write_markdown, "GitHub-flavoured Markdown (a profile README)"},
  };
  return kWriters;
}

const WriterInfo* find_writer(const std::string& name) {
  for (const WriterInfo& w : writers()) {
    if (name == w.name) return &w;
  }
  return nullptr;
}

const WriterInfo* writer_for_path(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const WriterInfo& w : writers()) {
    for (const char* e : w.extensions) {
      if (ext == e) return &w;
    }
  }
  return nullptr;
}

std::string writer_names() {
  std::string out;
  for (const WriterInfo& w : writers()) out += (out.empty() ? "" : ", ") + std::string(w.name);
  return out;
}

}  // namespace tailor::writer
