// Font subsets and deflated streams shared across the documents of a batch
// (writer/pdf/shared_streams.hpp): a PDF built after others must be the PDF built alone.
#include <gtest/gtest.h>
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <random>
#include <set>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/source_manager.hpp"
#include "style/load.hpp"
#include "writer/pdf/fonts.hpp"
#include "writer/pdf/pdf.hpp"
#include "writer/pdf/shared_streams.hpp"
#include "writer/pdf_fixtures.hpp"

namespace tailor::test {
namespace {

namespace pdf = writer::pdf;

/// A whole PDF holding one stream object of `raw`: deflated by libharu at save time, or put
/// in already deflated by write_deflated.
std::string one_stream_pdf(const std::string& raw, bool shared) {
  HPDF_Doc doc = HPDF_New(nullptr, nullptr);
  EXPECT_NE(doc, nullptr);
  HPDF_Dict s = HPDF_DictStream_New(doc->mmgr, doc->xref);
  HPDF_Dict_AddNumber(s, "Length1", static_cast<HPDF_INT32>(raw.size()));
  if (shared) {
    EXPECT_TRUE(pdf::write_deflated(s, raw));
  } else {
    s->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    HPDF_Stream_Write(s->stream, reinterpret_cast<const HPDF_BYTE*>(raw.data()),
                      static_cast<HPDF_UINT>(raw.size()));
  }
  HPDF_Dict_Add(doc->catalog, "Probe", s);
  HPDF_AddPage(doc);
  HPDF_SaveToStream(doc);
  std::string out(HPDF_GetStreamSize(doc), '\0');
  HPDF_UINT32 len = static_cast<HPDF_UINT32>(out.size());
  HPDF_ReadFromStream(doc, reinterpret_cast<HPDF_BYTE*>(out.data()), &len);
  out.resize(len);
  HPDF_Free(doc);
  return out;
}

TEST(PdfSharedStreams, DeflatedStreamIsTheBytesLibharuWrites) {
  pdf::clear_shared_streams();
  std::mt19937 rng(20);
  std::string noise(20000, '\0');
  for (char& c : noise) c = static_cast<char>(rng() & 0xFF);
  std::string text;
  for (int i = 0; i < 900; ++i) text += "<00" + std::to_string(i % 97) + "> <0041>\n";
  const pdf::Face* face = pdf::cached_face({"Liberation Serif", false, false});
  ASSERT_NE(face, nullptr) << "Liberation Serif is not installed";
  std::string font = face->subset({U'A', U'ə', U'4'});
  ASSERT_FALSE(font.empty());
  // Empty, one block, several 4 KiB blocks of text, incompressible bytes, a font program.
  for (const std::string& raw : {std::string(), std::string("BT /F1 9 Tf ET"), text, noise, font}) {
    std::string own = one_stream_pdf(raw, false);
    EXPECT_EQ(one_stream_pdf(raw, true), own) << raw.size() << " bytes, first time";
    EXPECT_EQ(one_stream_pdf(raw, true), own) << raw.size() << " bytes, from the cache";
  }
  pdf::SharedStreamStats st = pdf::shared_stream_stats();
  EXPECT_EQ(st.deflate_misses, 5u);
  EXPECT_EQ(st.deflate_hits, 5u);
}

TEST(PdfSharedStreams, SubsetIsKeyedByFaceAndExactGlyphSet) {
  pdf::clear_shared_streams();
  const pdf::Face* face = pdf::cached_face({"Liberation Serif", true, false});
  ASSERT_NE(face, nullptr) << "Liberation Serif Bold is not installed";
  std::set<unsigned> small{face->glyph(U'A'), face->glyph(U'b')};
  std::set<unsigned> more = small;
  more.insert(face->glyph(U'ş'));
  for (const std::set<unsigned>& glyphs : {small, more, small, more}) {
    std::shared_ptr<const pdf::SharedSubset> s = pdf::shared_subset(*face, glyphs);
    ASSERT_NE(s, nullptr);
    std::map<unsigned, unsigned> renumbered;
    EXPECT_EQ(s->bytes, face->subset_glyphs(glyphs, renumbered));
    EXPECT_EQ(s->old_to_new, renumbered);
  }
  pdf::SharedStreamStats st = pdf::shared_stream_stats();
  EXPECT_EQ(st.subset_misses, 2u);
  EXPECT_EQ(st.subset_hits, 2u);
}

std::string build(const model::Document& doc, const style::Style& st) {
  writer::RenderOptions o;
  o.style = &st;
  o.source_date_epoch = 1700000000;
  std::string bytes;
  diag::Diagnostics d;
  EXPECT_TRUE(writer::write_pdf(doc, o, bytes, d));
  return bytes;
}

TEST(PdfSharedStreams, DocumentInABatchIsByteIdenticalToItAlone) {
  model::SourceManager sm;
  diag::Diagnostics diags;
  for (const char* name : {"classic", "modern", "compact"}) {
    auto st = style::load_style(name, sm, diags);
    ASSERT_TRUE(st.has_value()) << name;
    std::vector<model::Document> docs;
    for (const char* person : {"Aysel Məmmədova", "Zoë Ünal", "Aysel Məmmədova", "Jan Kowalski"}) {
      docs.push_back(sample_resume(3, 3));
      docs.back().header.name.value = person;
    }
    std::vector<std::string> alone;
    for (const model::Document& doc : docs) {
      pdf::clear_shared_streams();
      alone.push_back(build(doc, *st));
    }
    // As a batch: the third document shares every subset with the first, the others some
    // faces' subsets only.
    pdf::clear_shared_streams();
    for (std::size_t i = 0; i < docs.size(); ++i) {
      EXPECT_EQ(build(docs[i], *st), alone[i]) << name << ", document " << i;
    }
    pdf::SharedStreamStats s = pdf::shared_stream_stats();
    EXPECT_GT(s.subset_hits, 0u) << name;
    EXPECT_GT(s.deflate_hits, 0u) << name;
  }
}

}  // namespace
}  // namespace tailor::test
