// DOCX writer: a WordprocessingML package built part by part with pugixml, then either zipped
// with zlib (.docx, zip_container.hpp) or written as one Flat OPC document (docx-xml). Word lays
// the text out.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/document.hpp"
#include "writer/writer.hpp"

namespace tailor::writer::docx {

/// One part of the package: "word/document.xml" (no leading slash), its content type and
/// its bytes (UTF-8 XML for every part the writer makes; binary for images).
struct Part {
  std::string name;
  std::string content_type;
  std::string data;
  bool binary = false;
};

/// The parts in their fixed zip order, "[Content_Types].xml" first.
using Package = std::vector<Part>;

/// Builds every part in memory. Warnings (dropped characters, unsafe links) go to diags.
/// Returns nullopt only after adding an error.
std::optional<Package> build_package(const model::Document& doc, const RenderOptions& options,
                                     diag::Diagnostics& diags);

/// Zips a package (deflate, fixed entry order, fixed 1980-01-01 timestamps whatever TZ is).
bool zip_package(const Package& package, std::string& out, diag::Diagnostics& diags);

/// The package as one Flat OPC document (pkg:package), which Word opens directly.
/// [Content_Types].xml is left out: every pkg:part carries its own content type.
std::string flat_opc(const Package& package);

}  // namespace tailor::writer::docx

namespace tailor::writer {

/// --format docx: a zipped WordprocessingML package.
bool write_docx(const model::Document& doc, const RenderOptions& options, std::string& out,
                diag::Diagnostics& diags);
/// --format docx-xml: the same parts as Flat OPC XML.
bool write_docx_xml(const model::Document& doc, const RenderOptions& options, std::string& out,
                    diag::Diagnostics& diags);

}  // namespace tailor::writer
