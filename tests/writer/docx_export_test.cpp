// Writes the DOCX fixtures (every fixture document x every fixture style, .docx and Flat OPC)
// for tests/clients/docx_*.sh to open with python-docx, pandoc and LibreOffice.
// Runs only when TAILOR_DOCX_EXPORT_DIR is set; the client script sets it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "writer/docx/docx.hpp"
#include "writer/docx_fixtures.hpp"

namespace tailor::test {
namespace {

namespace fx = docx_fixtures;

TEST(DocxExport, WritesFixturesForClientChecks) {
  const char* dir = std::getenv("TAILOR_DOCX_EXPORT_DIR");
  if (!dir || !*dir) GTEST_SKIP() << "TAILOR_DOCX_EXPORT_DIR not set (the client check sets it)";
  std::filesystem::create_directories(dir);
  struct Doc {
    const char* name;
    model::Document doc;
  };
  struct Sty {
    const char* name;
    style::Style style;
  };
  std::vector<Doc> docs = {{"aysel", fx::aysel()}, {"hostile", fx::hostile()}};
  // "branded": the modern style with an agency logo in the header (a binary part).
  std::string logo = std::string(dir) + "/logo.png";
  std::ofstream(logo, std::ios::binary) << fx::logo_png();
  style::Style branded = fx::modern();
  branded.logo = logo;
  std::vector<Sty> styles = {{"classic", fx::classic()},
                             {"modern", fx::modern()},
                             {"compact", fx::compact()},
                             {"branded", branded}};
  for (const Doc& d : docs) {
    for (const Sty& s : styles) {
      writer::RenderOptions options;
      options.style = &s.style;
      options.source_date_epoch = 1714564800;
      std::string base = std::string(dir) + "/fixture-" + d.name + "-" + s.name;
      std::string bytes;
      diag::Diagnostics diags;
      ASSERT_TRUE(writer::write_docx(d.doc, options, bytes, diags));
      std::ofstream(base + ".docx", std::ios::binary) << bytes;
      bytes.clear();
      ASSERT_TRUE(writer::write_docx_xml(d.doc, options, bytes, diags));
      std::ofstream(base + ".xml", std::ios::binary) << bytes;
      // What a reader must find: the name and every section title, one per line.
      std::ofstream expect(base + ".expect", std::ios::binary);
      expect << d.doc.header.name.value << "\n";
      for (const model::Section& sec : d.doc.sections) expect << sec.title << "\n";
    }
  }
}

}  // namespace
}  // namespace tailor::test
