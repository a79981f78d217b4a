// The PDF writer through real clients: qpdf, pdftotext, pdffonts, pdfinfo. Documents come
// from pdf_fixtures.hpp (C++) until samples/ exists; tests/clients/pdf_*.sh cover samples.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "model/source_manager.hpp"
#include "reader/reader.hpp"
#include "style/load.hpp"
#include "support/test_support.hpp"
#include "transform/basic.hpp"
#include "writer/pdf/layout.hpp"
#include "writer/pdf/object_streams.hpp"
#include "writer/pdf/pdf.hpp"
#include "writer/pdf/text_case.hpp"
#include "writer/pdf_fixtures.hpp"
#include "writer/text/text.hpp"

namespace tailor::test {
namespace {

namespace fs = std::filesystem;

struct ToolResult {
  int rc = 0;
  std::string out, err;
};

/// Runs a shell command, capturing stdout and stderr separately.
ToolResult tool(const std::string& cmd) {
  fs::path err_file = fs::temp_directory_path() / ("tailor-pdf-tool-" + std::to_string(getpid()));
  ToolResult r;
  FILE* p = popen((cmd + " 2>" + err_file.string()).c_str(), "r");
  if (!p) return {127, "", "popen failed"};
  std::array<char, 4096> buf;
  std::size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  int st = pclose(p);
  r.rc = WIFEXITED(st) ? WEXITSTATUS(st) : 128;
  std::ifstream in(err_file);
  std::stringstream ss;
  ss << in.rdbuf();
  r.err = ss.str();
  fs::remove(err_file);
  return r;
}

fs::path scratch() {
  fs::path d = fs::temp_directory_path() / ("tailor-pdf-test-" + std::to_string(getpid()));
  fs::create_directories(d);
  return d;
}

style::Style load(const std::string& name) {
  model::SourceManager sm;
  diag::Diagnostics diags;
  auto s = style::load_style(name, sm, diags);
  EXPECT_TRUE(s.has_value()) << diag::render_all(diags, sm);
  return s.value_or(style::Style{});
}

struct Rendered {
  bool ok = false;
  std::string bytes;
  diag::Diagnostics diags;
  fs::path path;
};

Rendered render(const model::Document& doc, const style::Style& st, int max_pages = 0,
                std::optional<std::int64_t> epoch = std::nullopt, const std::string& name = "x") {
  writer::RenderOptions o;
  o.style = &st;
  o.max_pages = max_pages;
  o.source_date_epoch = epoch;
  Rendered r;
  r.ok = writer::write_pdf(doc, o, r.bytes, r.diags);
  r.path = scratch() / (name + "-" + st.name + ".pdf");
  std::ofstream(r.path, std::ios::binary) << r.bytes;
  return r;
}

std::vector<std::string> words(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

const char* kStyles[] = {"classic", "modern", "compact"};

TEST(PdfWriter, EveryStyleIsValidExtractableAndSubset) {
  model::Document doc = sample_resume();
  for (const char* name : kStyles) {
    SCOPED_TRACE(name);
    style::Style st = load(name);
    Rendered r = render(doc, st);
    ASSERT_TRUE(r.ok);
    EXPECT_EQ(r.diags.warning_count(), 0u);

    ToolResult q = tool("qpdf --check " + r.path.string());
    EXPECT_EQ(q.rc, 0) << q.out << q.err;

    ToolResult t = tool("pdftotext -enc UTF-8 " + r.path.string() + " -");
    EXPECT_EQ(t.rc, 0);
    EXPECT_EQ(t.err, "") << "poppler warned";
    // Every word of the body, in order, Azerbaijani and Cyrillic included.
    std::string text = t.out;
    std::size_t at = 0;
    for (const std::string& w :
         words("Bakıda yaşayıram; şirkətlərdə çalışmışam, gözəl komandalarla işləməyi sevirəm. "
               "Ölçülə bilən nəticələr, ğ ı ö ü ç ş ə. Led the migration of 14 services to "
               "Kubernetes, Bakı Dövlət Universiteti Azərbaycan dili (ana dili), English (C1), "
               "Русский язык: свободно, читаю и пишу.")) {
      std::size_t f = text.find(w, at);
      ASSERT_NE(f, std::string::npos) << "missing or out of order: " << w;
      at = f + w.size();
    }
    EXPECT_NE(text.find("Aysel Məmmədova"), std::string::npos);

    ToolResult fonts = tool("pdffonts " + r.path.string());
    EXPECT_EQ(fonts.rc, 0);
    std::istringstream lines(fonts.out);
    int count = 0;
    for (std::string line; std::getline(lines, line);) {
      if (line.rfind("name", 0) == 0 || line.rfind("----", 0) == 0) continue;
      ++count;
      EXPECT_NE(line.find(" yes yes "), std::string::npos) << "not embedded+subset: " << line;
    }
    EXPECT_GE(count, 2);
  }
}

TEST(PdfWriter, InfoDictionaryAndDates) {
  model::Document doc = sample_resume(2, 2);
  style::Style st = load("modern");
  Rendered r = render(doc, st, 0, 1700000000);
  ASSERT_TRUE(r.ok);
  ToolResult i = tool("pdfinfo -isodates " + r.path.string());
  EXPECT_NE(i.out.find("Title:           Aysel Məmmədova \u2014 Senior Backend Engineer"),
            std::string::npos)
      << i.out;
  EXPECT_NE(i.out.find("Author:          Aysel Məmmədova"), std::string::npos);
  EXPECT_NE(i.out.find("Subject:         Platform Engineer"), std::string::npos);
  EXPECT_NE(i.out.find("Keywords:        Go, Kubernetes, PostgreSQL"), std::string::npos);
  EXPECT_NE(i.out.find("Creator:         Tailor "), std::string::npos);
  EXPECT_NE(i.out.find("CreationDate:    2023-11-14T22:13:20Z"), std::string::npos) << i.out;
  doc.meta.keywords.clear();  // then the skills marked as keywords
  Rendered none = render(doc, st, 0, std::nullopt, "nodate");
  ToolResult j = tool("pdfinfo " + none.path.string());
  EXPECT_EQ(j.out.find("CreationDate"), std::string::npos) << j.out;
  EXPECT_NE(j.out.find("Keywords:        Go, Kubernetes\n"), std::string::npos) << j.out;
  EXPECT_EQ(none.bytes.find("/ID"), std::string::npos);
}

// libharu's UTF-8 encoder left out every character beyond the Basic Multilingual Plane, so
// a name with an emoji or a mathematical letter lost it in the Info dictionary (while the XMP
// packet kept it: the two disagreed).
TEST(PdfWriter, InfoStringsKeepCharactersBeyondTheBasicMultilingualPlane) {
  model::Document doc = sample_resume(1, 1);
  doc.header.name.value = "Ada \U0001D400 Lovelace \U0001F680";
  style::Style st = load("classic");
  Rendered r = render(doc, st, 0, 1700000000, "astral");
  ASSERT_TRUE(r.ok);
  ToolResult i = tool("pdfinfo " + r.path.string());
  EXPECT_NE(i.out.find("Author:          Ada \U0001D400 Lovelace \U0001F680\n"), std::string::npos)
      << i.out;
  EXPECT_NE(i.out.find("Title:           Ada \U0001D400 Lovelace \U0001F680"), std::string::npos)
      << i.out;
}

TEST(PdfWriter, TwoBuildsAreIdentical) {
  model::Document doc = sample_resume();
  for (const char* name : kStyles) {
    style::Style st = load(name);
    EXPECT_EQ(render(doc, st, 0, 1700000000).bytes, render(doc, st, 0, 1700000000).bytes);
    EXPECT_EQ(render(doc, st).bytes, render(doc, st).bytes);
  }
}

TEST(PdfWriter, TimeZoneDoesNotChangeTheBytes) {
  model::Document doc = sample_resume(3, 2);
  style::Style st = load("classic");
  std::string saved = std::getenv("TZ") ? std::getenv("TZ") : "";
  std::vector<std::string> dated, undated;
  for (const char* tz : {"UTC", "Asia/Baku", "America/Los_Angeles"}) {
    setenv("TZ", tz, 1);
    tzset();
    dated.push_back(render(doc, st, 0, 1700000000).bytes);
    undated.push_back(render(doc, st).bytes);
  }
  if (saved.empty()) {
    unsetenv("TZ");
  } else {
    setenv("TZ", saved.c_str(), 1);
  }
  tzset();
  EXPECT_EQ(dated[0], dated[1]);
  EXPECT_EQ(dated[0], dated[2]);
  EXPECT_EQ(undated[0], undated[1]);
  EXPECT_EQ(undated[0], undated[2]);
  EXPECT_NE(dated[0], undated[0]);  // the dates are really in the dated build
}

TEST(PdfWriter, TwoPageResumeInThreeFacesIsSmall) {
  model::Document doc = sample_resume(6, 4);
  style::Style st = load("classic");
  Rendered r = render(doc, st, 0, std::nullopt, "typical");
  ASSERT_TRUE(r.ok);
  ToolResult i = tool("pdfinfo " + r.path.string());
  EXPECT_NE(i.out.find("Pages:           2"), std::string::npos) << i.out;
  ToolResult fonts = tool("pdffonts " + r.path.string() + " | tail -n +3 | wc -l");
  EXPECT_EQ(std::stoi(fonts.out), 3) << "faces";
  // The structure tree (issue 18) took this file to 58,621 bytes: about a hundred small
  // dictionaries that libharu 2.3 writes uncompressed. Packed into a compressed object stream
  // (object_streams.cpp) it measured 29,044 bytes: the 40 KB target of issue 9 holds again.
  EXPECT_LE(r.bytes.size(), 40u * 1024) << "bytes: " << r.bytes.size();
  std::cout << "[ size ] typical two-page classic resume: " << r.bytes.size() << " bytes\n";
}

TEST(PdfWriter, MaxPagesTightensToOnePage) {
  style::Style st = load("classic");
  // Find a document that takes about 1.3 pages at the style's own spacing.
  model::Document doc;
  double ratio = 0;
  for (int jobs = 2; jobs < 10 && ratio < 1.25; ++jobs) {
    doc = sample_resume(jobs, 3);
    writer::RenderOptions o;
    o.style = &st;
    writer::pdf::DisplayList dl;
    std::vector<std::string> subsets;
    diag::Diagnostics d;
    ASSERT_TRUE(writer::pdf::layout_two_pass(doc, o, dl, subsets, d));
    double body = dl.page_height - st.margin_top - st.margin_bottom;
    ratio = (dl.pages - 1) + dl.last_page_used / body;
  }
  ASSERT_GE(ratio, 1.2);
  ASSERT_LE(ratio, 1.45);
  Rendered r = render(doc, st, 1, std::nullopt, "fit");
  ASSERT_TRUE(r.ok) << r.diags.items().front().message;
  ToolResult i = tool("pdfinfo " + r.path.string());
  EXPECT_NE(i.out.find("Pages:           1"), std::string::npos) << i.out;
  // Everything is still there.
  ToolResult t = tool("pdftotext -enc UTF-8 " + r.path.string() + " -");
  EXPECT_NE(t.out.find("Русский язык"), std::string::npos);
  EXPECT_NE(t.out.find("Universiteti"), std::string::npos);
}

TEST(PdfWriter, MaxPagesFailsWithHowMuchIsOver) {
  style::Style st = load("classic");
  model::Document doc = sample_resume(30, 4);
  Rendered r = render(doc, st, 1);
  ASSERT_FALSE(r.ok);
  ASSERT_TRUE(r.diags.has_errors());
  std::string msg = r.diags.items().back().message;
  EXPECT_TRUE(std::regex_search(msg, std::regex("it is \\d+ lines? too long \\(\\d+ pt past "
                                                "the end of page 1\\)")))
      << msg;
  EXPECT_EQ(msg.find("allows"), std::string::npos) << msg;
}

TEST(PdfWriter, MaxPagesOverflowInLinesGrowsWithTheContent) {
  // One more entry of four bullets is at least four more lines over.
  style::Style st = load("classic");
  auto lines_over = [&](int entries) {
    Rendered r = render(sample_resume(entries, 4), st, 1);
    std::smatch m;
    std::string msg = r.diags.items().empty() ? "" : r.diags.items().back().message;
    if (!std::regex_search(msg, m, std::regex("it is (\\d+) lines? too long"))) return -1;
    return std::stoi(m[1]);
  };
  int a = lines_over(30);
  int b = lines_over(31);
  ASSERT_GT(a, 0);
  EXPECT_GE(b, a + 4);
}

TEST(PdfWriter, HundredTwentyEntriesPaginateAndKeepTheLastBullet) {
  model::Document doc = sample_resume(120, 3);
  auto& last = std::get<model::Entry>(doc.sections[1].blocks.back());
  last.bullets.back().text = {run("The very last bullet of entry one hundred and twenty.")};
  style::Style st = load("modern");
  Rendered r = render(doc, st, 0, std::nullopt, "long");
  ASSERT_TRUE(r.ok);
  ToolResult i = tool("pdfinfo " + r.path.string());
  std::smatch m;
  ASSERT_TRUE(std::regex_search(i.out, m, std::regex("Pages:\\s+(\\d+)")));
  int pages = std::stoi(m[1]);
  EXPECT_GT(pages, 10);
  ToolResult t = tool("pdftotext -enc UTF-8 -f " + std::to_string(pages) + " -l " +
                      std::to_string(pages) + " " + r.path.string() + " -");
  EXPECT_NE(t.out.find("page " + std::to_string(pages) + " of " + std::to_string(pages)),
            std::string::npos)
      << t.out;
  ToolResult all = tool("pdftotext -enc UTF-8 " + r.path.string() + " -");
  EXPECT_NE(all.out.find("The very last bullet of entry one hundred and twenty."),
            std::string::npos);
  EXPECT_EQ(all.err, "");
  // Every page from 2 on names itself correctly.
  for (int p = 2; p <= pages; ++p) {
    std::string want = "page " + std::to_string(p) + " of " + std::to_string(pages);
    EXPECT_NE(all.out.find(want), std::string::npos) << want;
  }
}

TEST(PdfWriter, LongUrlStaysOnThePage) {
  model::Document doc = sample_resume(1, 1);
  for (const char* name : kStyles) {
    style::Style st = load(name);
    writer::RenderOptions o;
    o.style = &st;
    writer::pdf::DisplayList dl;
    std::vector<std::string> subsets;
    diag::Diagnostics d;
    ASSERT_TRUE(writer::pdf::layout_two_pass(doc, o, dl, subsets, d));
    for (const writer::pdf::Op& op : dl.ops) {
      if (op.kind != writer::pdf::Op::Kind::Text) continue;
      double w = op.w;  // the shaped width the glyphs are drawn with
      EXPECT_LE(op.x + w, dl.page_width - st.margin_right + 0.01) << name << ": " << op.text;
      EXPECT_GE(op.x, st.margin_left - 0.01) << op.text;
    }
  }
}

// Characters the style's font lacks (an emoji outside the BMP, a symbol, a Han ideograph) were
// drawn as '?' with a warning each; they now come from fallback fonts (issue 14).
TEST(PdfWriter, CharactersTheStyleFontLacksAreDrawnFromFallbackFonts) {
  model::SourceManager sm;
  std::uint32_t id =
      sm.add("cv.resume", "name: A\n- Loves emoji \xF0\x9F\x98\x80 and \xE2\x98\x83\n");
  model::Document doc = sample_resume(1, 1);
  auto& e = std::get<model::Entry>(doc.sections[1].blocks.front());
  model::Run r = run("Loves emoji \xF0\x9F\x98\x80 and \xE2\x98\x83 and \xE4\xB8\xAD");
  r.span = model::SourceSpan{id, 2, 3, 2, 30};
  e.bullets.front().text = {r};
  style::Style st = load("classic");
  Rendered out = render(doc, st, 0, std::nullopt, "missing");
  ASSERT_TRUE(out.ok);
  std::string all = diag::render_all(out.diags, sm);
  EXPECT_EQ(all.find("warning"), std::string::npos) << all;
  ToolResult t = tool("pdftotext -enc UTF-8 " + out.path.string() + " -");
  EXPECT_NE(t.out.find("Loves emoji \xF0\x9F\x98\x80 and \xE2\x98\x83 and \xE4\xB8\xAD"),
            std::string::npos)
      << t.out;
  EXPECT_EQ(t.out.find("?"), std::string::npos) << t.out;
}

TEST(PdfWriter, UnsafeLinksArePlainTextWithAWarning) {
  model::Document doc = sample_resume(1, 1);
  doc.header.links.push_back(model::Link{"x", "javascript:alert(1)", {}});
  style::Style st = load("modern");
  Rendered r = render(doc, st, 0, std::nullopt, "unsafe");
  ASSERT_TRUE(r.ok);
  // The reader that kept the address reported its scheme; the writer does not say it again.
  EXPECT_EQ(r.diags.warning_count(), 0u);
  EXPECT_EQ(r.bytes.find("javascript"), std::string::npos);
  ToolResult t = tool("qpdf --qdf --object-streams=disable " + r.path.string() + " -");
  EXPECT_NE(t.out.find("/URI (mailto:aysel.memmedova@example.az)"), std::string::npos);
  EXPECT_NE(t.out.find("/URI (tel:+994501234567)"), std::string::npos);
  EXPECT_TRUE(std::regex_search(t.out, std::regex("/Border \\[\\s*0\\s+0\\s+0\\s*\\]")));
  EXPECT_EQ(t.out.find("javascript:"), std::string::npos);
}

TEST(PdfWriter, GoldenLayoutDumps) {
  model::Document doc = sample_resume();
  for (const char* name : kStyles) {
    style::Style st = load(name);
    writer::RenderOptions o;
    o.style = &st;
    writer::pdf::DisplayList dl;
    std::vector<std::string> subsets;
    diag::Diagnostics d;
    ASSERT_TRUE(writer::pdf::layout_two_pass(doc, o, dl, subsets, d));
    EXPECT_EQ(compare_golden(std::string("layout/fixture-") + name + ".txt", dl.dump()), "");
  }
}

TEST(PdfWriter, BrandingLogoHeaderAndFooter) {
  model::Document doc = sample_resume(8, 3);
  style::Style st = load("modern");
  // A real PNG to use as the logo: a page of another PDF, rendered by pdftoppm.
  Rendered plain = render(sample_resume(1, 1), st, 0, std::nullopt, "logo-source");
  fs::path png = scratch() / "logo";
  ASSERT_EQ(tool("pdftoppm -png -r 8 -singlefile " + plain.path.string() + " " + png.string()).rc,
            0);
  st.logo = png.string() + ".png";
  st.header_text = "Presented by Xəzər Talent Partners";
  st.footer_text = "Confidential — not for redistribution";
  Rendered r = render(doc, st, 0, std::nullopt, "branded");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.diags.warning_count(), 0u);
  EXPECT_EQ(tool("qpdf --check " + r.path.string()).rc, 0);
  ToolResult imgs = tool("pdfimages -list " + r.path.string() + " | tail -n +3 | wc -l");
  EXPECT_EQ(std::stoi(imgs.out), 1);
  ToolResult t = tool("pdftotext -enc UTF-8 " + r.path.string() + " -");
  EXPECT_EQ(t.err, "");
  std::size_t header_count = 0, footer_count = 0;
  for (std::size_t at = 0; (at = t.out.find("Xəzər Talent Partners", at)) != std::string::npos;
       ++at) {
    ++header_count;
  }
  for (std::size_t at = 0; (at = t.out.find("not for redistribution", at)) != std::string::npos;
       ++at) {
    ++footer_count;
  }
  ToolResult info = tool("pdfinfo " + r.path.string());
  std::smatch m;
  ASSERT_TRUE(std::regex_search(info.out, m, std::regex("Pages:\\s+(\\d+)")));
  EXPECT_EQ(header_count, static_cast<std::size_t>(std::stoi(m[1])));
  EXPECT_EQ(footer_count, header_count);
  // A logo that is not an image is left out with a warning.
  st.logo = source_path("README.md");
  Rendered bad = render(doc, st, 0, std::nullopt, "badlogo");
  ASSERT_TRUE(bad.ok);
  EXPECT_EQ(bad.diags.warning_count(), 1u);
}

TEST(PdfWriter, EmptyAndHeaderOnlyDocumentsAreValid) {
  style::Style st = load("classic");
  model::Document empty;
  Rendered a = render(empty, st, 0, std::nullopt, "empty");
  ASSERT_TRUE(a.ok) << a.diags.items().size();
  EXPECT_EQ(tool("qpdf --check " + a.path.string()).rc, 0);
  model::Document only_name;
  only_name.header.name.value = "Ləman Əliyeva";
  model::Section s;
  s.title = "Empty section";
  only_name.sections.push_back(s);
  Rendered b = render(only_name, st, 1, std::nullopt, "name-only");
  ASSERT_TRUE(b.ok);
  EXPECT_EQ(tool("qpdf --check " + b.path.string()).rc, 0);
  ToolResult t = tool("pdftotext -enc UTF-8 " + b.path.string() + " -");
  EXPECT_NE(t.out.find("Ləman Əliyeva"), std::string::npos);
  EXPECT_EQ(t.err, "");
}

TEST(PdfWriter, UpperCaseHeadingsKeepAzerbaijaniAndCyrillic) {
  EXPECT_EQ(writer::pdf::to_upper("Təcrübə və bacarıqlar"), "TƏCRÜBƏ VƏ BACARIQLAR");
  EXPECT_EQ(writer::pdf::to_upper("Şəki, Gəncə, Ağdam, Ölçü"), "ŞƏKI, GƏNCƏ, AĞDAM, ÖLÇÜ");
  EXPECT_EQ(writer::pdf::to_upper("Опыт работы ё"), "ОПЫТ РАБОТЫ Ё");
  EXPECT_EQ(writer::pdf::tel_uri("+994 (50) 123-45-67"), "tel:+994501234567");
}

TEST(PdfWriter, UpperCaseHeadingsFollowTheDocumentLanguage) {
  // Azerbaijani and Turkish keep the dot: "İş təcrübəsi" -> "İŞ TƏCRÜBƏSİ", never "...SI".
  EXPECT_EQ(writer::pdf::to_upper("İş təcrübəsi", "az"), "İŞ TƏCRÜBƏSİ");
  EXPECT_EQ(writer::pdf::to_upper("Bilgi ve beceriler", "tr"), "BİLGİ VE BECERİLER");
  // German ß becomes SS, so the heading grows by one letter.
  EXPECT_EQ(writer::pdf::to_upper("Weiterbildung in Straßburg", "de"),
            "WEITERBILDUNG IN STRASSBURG");
  // Scripts the old table never knew: Armenian and Greek (final sigma included).
  EXPECT_EQ(writer::pdf::to_upper("փորձ", "hy"), "ՓՈՐՁ");
  EXPECT_EQ(writer::pdf::to_upper("Εκπαίδευση", "el"), "ΕΚΠΑΙΔΕΥΣΗ");
}

TEST(PdfWriter, LetterPaper) {
  style::Style st = load("classic");
  writer::RenderOptions o;
  o.style = &st;
  o.paper = style::Paper::Letter;
  std::string bytes;
  diag::Diagnostics d;
  ASSERT_TRUE(writer::write_pdf(sample_resume(2, 2), o, bytes, d));
  fs::path p = scratch() / "letter.pdf";
  std::ofstream(p, std::ios::binary) << bytes;
  EXPECT_NE(tool("pdfinfo " + p.string()).out.find("612 x 792 pts (letter)"), std::string::npos);
}

TEST(PdfWriter, TextWriterWordsAppearInOrder) {
  // The same check pdf_samples.sh runs on samples/, here on the generated documents.
  for (int jobs : {3, 12}) {
    model::Document doc = sample_resume(jobs, 4);
    for (const char* name : kStyles) {
      SCOPED_TRACE(name);
      style::Style st = load(name);
      writer::RenderOptions o;
      o.style = &st;
      std::string text;
      diag::Diagnostics d;
      ASSERT_TRUE(writer::write_text(doc, o, text, d));
      fs::path txt = scratch() / ("words-" + std::string(name) + ".txt");
      std::ofstream(txt, std::ios::binary) << text;
      Rendered r = render(doc, st, 0, std::nullopt, "words");
      std::string check = "/usr/bin/python3 -P " + source_path("tests/clients/pdf_words.py");
      ToolResult t = tool("pdftotext -enc UTF-8 " + r.path.string() + " " + r.path.string() +
                          ".txt && " + check + " " + txt.string() + " " + r.path.string() + ".txt");
      EXPECT_EQ(t.rc, 0) << t.out << t.err;
      EXPECT_EQ(t.err, "");
      ToolResult raw =
          tool("pdftotext -raw -enc UTF-8 " + r.path.string() + " " + r.path.string() + ".raw && " +
               check + " --strict " + txt.string() + " " + r.path.string() + ".raw");
      EXPECT_EQ(raw.rc, 0) << raw.out << raw.err;
      EXPECT_EQ(raw.err, "");
    }
  }
}

TEST(PdfWriter, WordCheckerNoticesAMissingWord) {
  // The checker must be able to fail: drop a word from the PDF's text.
  model::Document doc = sample_resume(2, 2);
  style::Style st = load("classic");
  writer::RenderOptions o;
  o.style = &st;
  std::string text;
  diag::Diagnostics d;
  ASSERT_TRUE(writer::write_text(doc, o, text, d));
  fs::path txt = scratch() / "words-neg.txt";
  std::ofstream(txt, std::ios::binary) << text;
  Rendered r = render(doc, st, 0, std::nullopt, "words-neg");
  ToolResult t = tool("pdftotext -enc UTF-8 " + r.path.string() + " - | sed 's/partitioning//' > " +
                      r.path.string() + ".txt && /usr/bin/python3 -P " +
                      source_path("tests/clients/pdf_words.py") + " " + txt.string() + " " +
                      r.path.string() + ".txt");
  EXPECT_NE(t.rc, 0);
  EXPECT_NE(t.out.find("partitioning"), std::string::npos) << t.out;
}

// The PDF's non-stream objects in one compressed object stream, with a cross-reference
// stream (PDF 1.5): readers see the same document, and a file not laid out as libharu writes
// it is left alone.
TEST(PdfObjectStreams, StructureElementsAreCompressedAndTheFileStaysValid) {
  model::Document doc = sample_resume(3, 3);
  style::Style st;
  writer::RenderOptions o;
  o.style = &st;
  std::string bytes;
  diag::Diagnostics diags;
  ASSERT_TRUE(writer::write_pdf(doc, o, bytes, diags));
  // No classic table and no structure element in the clear: they are in the object stream.
  EXPECT_EQ(bytes.find("\nxref\n"), std::string::npos);
  EXPECT_NE(bytes.find("/Type /XRef"), std::string::npos);
  EXPECT_NE(bytes.find("/Type /ObjStm"), std::string::npos);
  EXPECT_EQ(bytes.find("/S /H1"), std::string::npos);
  EXPECT_EQ(bytes.find("/Type /Catalog"), std::string::npos);
  const std::string path = (scratch() / "object-streams.pdf").string();
  std::ofstream(path, std::ios::binary) << bytes;
  ToolResult check = tool("qpdf --check " + path);
  EXPECT_EQ(check.rc, 0) << check.out << check.err;
  EXPECT_NE(check.out.find("No syntax or stream encoding errors"), std::string::npos) << check.out;
  ToolResult xref = tool("qpdf --show-xref " + path + " | grep -c compressed");
  EXPECT_GT(std::stoi(xref.out), 20) << xref.out;
  ToolResult tree = tool("pdfinfo -struct " + path + " | grep -c 'H1\\|H2\\|LI'");
  EXPECT_GT(std::stoi(tree.out), 3) << tree.out;
}

TEST(PdfObjectStreams, AFileNotLaidOutAsLibharuWritesItIsLeftAlone) {
  EXPECT_FALSE(writer::pdf::pack_object_streams(""));
  EXPECT_FALSE(writer::pdf::pack_object_streams("%PDF-1.7\nstartxref\n9\n%%EOF\n"));
  // An already packed file has no classic table to replace.
  std::string once =
      "%PDF-1.7\n1 0 obj\n<<\n/Type /Catalog\n>>\nendobj\nxref\n0 2\n"
      "0000000000 65535 f\r\n0000000009 00000 n\r\ntrailer\n<<\n/Root 1 0 R\n"
      "/Size 2\n>>\nstartxref\n45\n%%EOF\n";
  std::optional<std::string> packed = writer::pdf::pack_object_streams(once);
  ASSERT_TRUE(packed);
  EXPECT_FALSE(writer::pdf::pack_object_streams(*packed));
  // An updated (incremental) or encrypted file is not repacked.
  std::string updated = once;
  updated.replace(updated.find("/Size 2"), 7, "/Size 2\n/Prev 9");
  EXPECT_FALSE(writer::pdf::pack_object_streams(updated));
}

}  // namespace
}  // namespace tailor::test

namespace tailor::test {
namespace {

TEST(PdfWriterFit, MaxPagesNarrowsTheMarginsDownToTheStyleMinimumBeforeFailing) {
  // backend-infra in classic is a few lines over one page at 9 pt and the tightest spacing.
  model::SourceManager sm;
  diag::Diagnostics read_diags;
  auto doc = reader::read_document(source_path("samples/backend-infra.resume"), sm, read_diags);
  ASSERT_TRUE(doc) << diag::render_all(read_diags, sm);
  diag::Diagnostics style_diags;
  auto st = style::load_style("classic", sm, style_diags);
  ASSERT_TRUE(st);
  ASSERT_GT(st->min_margin, 0);
  // As `tailor build` does: no role selected, the style's section order.
  transform::select_variants(*doc, {});
  transform::order_sections(*doc, st->section_order);
  writer::RenderOptions o;
  o.max_pages = 1;
  // Without a minimum the margins stay and the fit fails, saying how much is over.
  style::Style fixed = *st;
  fixed.min_margin = -1;
  o.style = &fixed;
  diag::Diagnostics d1;
  EXPECT_FALSE(writer::pdf::fit_to_pages(*doc, o, d1));
  // With classic's minimum it fits, and no margin goes under it.
  o.style = &*st;
  diag::Diagnostics d2;
  auto f = writer::pdf::fit_to_pages(*doc, o, d2);
  ASSERT_TRUE(f) << diag::render_all(d2, sm);
  EXPECT_GT(f->margin_shrink, 0);
  style::Style used = style::with_margins_shrunk(*st, f->margin_shrink);
  for (double m : {used.margin_top, used.margin_right, used.margin_bottom, used.margin_left}) {
    EXPECT_GE(m, st->min_margin - 1e-9);
  }
  EXPECT_GE(f->font * st->body_size, 9.0 - 1e-9);
}

}  // namespace
}  // namespace tailor::test
