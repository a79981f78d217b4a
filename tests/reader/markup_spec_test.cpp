// docs/markup.md is a test suite (cmark's spec.txt): each ```resume block is parsed, and the
// ```dump (model without positions) or ```error (rendered diagnostics) block after it must match.
#include <gtest/gtest.h>

#include <sstream>

#include "diag/diagnostic.hpp"
#include "model/source_manager.hpp"
#include "reader/reader.hpp"
#include "reader/strip_spans.hpp"
#include "support/test_support.hpp"
#include "writer/native/native.hpp"

namespace tailor {
namespace {

struct Example {
  int line = 0;  ///< Line of the ```resume fence in docs/markup.md.
  std::string input;
  std::string kind;  ///< "dump" or "error".
  std::string expected;
};

std::vector<Example> load_examples() {
  std::istringstream in(test::slurp(test::source_path("docs/markup.md")));
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  std::vector<Example> out;
  auto block = [&](std::size_t& i) {
    std::string text;
    for (++i; i < lines.size() && lines[i] != "```"; ++i) text += lines[i] + "\n";
    return text;
  };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i] != "```resume") continue;
    Example e;
    e.line = static_cast<int>(i + 1);
    e.input = block(i);
    std::size_t j = i + 1;
    while (j < lines.size() && lines[j].rfind("```", 0) != 0) ++j;
    if (j < lines.size()) {
      e.kind = lines[j].substr(3);
      e.expected = block(j);
      i = j;
    }
    out.push_back(std::move(e));
  }
  return out;
}

TEST(MarkupSpec, EveryExampleMatches) {
  std::vector<Example> examples = load_examples();
  EXPECT_GE(examples.size(), 15u);
  for (const Example& e : examples) {
    SCOPED_TRACE("docs/markup.md:" + std::to_string(e.line));
    model::SourceManager sources;
    diag::Diagnostics diags;
    auto id = sources.add("example.resume", e.input);
    auto doc = reader::parse_resume(id, sources.text(id), diags);
    std::string rendered = diag::render_all(diags, sources);
    if (e.kind == "dump") {
      ASSERT_TRUE(doc) << rendered;
      EXPECT_EQ(rendered, "");
      EXPECT_EQ(test::strip_spans(writer::dump_native(*doc)), e.expected);
    } else if (e.kind == "error") {
      EXPECT_EQ(rendered, e.expected);
    } else {
      ADD_FAILURE() << "a ```resume block must be followed by ```dump or ```error, not '" << e.kind
                    << "'";
    }
  }
}

}  // namespace
}  // namespace tailor
