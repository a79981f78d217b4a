// The X3 JSON grammar: values, escapes, surrogates, numbers, positions, and located errors.
#include <gtest/gtest.h>

#include "reader/json_value.hpp"

using namespace tailor;

namespace {

struct Parsed {
  std::optional<json::Value> value;
  std::string diagnostics;  // rendered, short format
};

Parsed parse(const std::string& text) {
  model::SourceManager sm;
  std::uint32_t id = sm.add("t.json", text);
  diag::Diagnostics ds;
  Parsed p;
  p.value = reader::parse_json(id, sm.text(id), ds);
  p.diagnostics = diag::render_all(ds, sm, diag::Format::Short);
  return p;
}

std::string span(const model::SourceSpan& s) {
  return std::to_string(s.line) + ":" + std::to_string(s.col) + "-" + std::to_string(s.end_line) +
         ":" + std::to_string(s.end_col);
}

}  // namespace

TEST(JsonValue, ParsesEveryKindWithKeysInSourceOrder) {
  Parsed p = parse(R"({"z": null, "a": true, "m": false, "n": -12.5e1, "s": "x", "arr": [1, []],
 "o": {}})");
  ASSERT_TRUE(p.value) << p.diagnostics;
  const json::Value& v = *p.value;
  ASSERT_EQ(v.kind, json::Kind::Object);
  std::vector<std::string> keys;
  for (const auto& m : v.members) keys.push_back(m.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"z", "a", "m", "n", "s", "arr", "o"}));
  EXPECT_EQ(v.find("z")->kind, json::Kind::Null);
  EXPECT_TRUE(v.find("a")->boolean);
  EXPECT_FALSE(v.find("m")->boolean);
  EXPECT_EQ(v.find("n")->number, -125.0);
  EXPECT_EQ(v.find("n")->text, "-12.5e1");
  EXPECT_EQ(v.find("s")->text, "x");
  ASSERT_EQ(v.find("arr")->items.size(), 2u);
  EXPECT_EQ(v.find("arr")->items[1].kind, json::Kind::Array);
  EXPECT_EQ(v.find("o")->kind, json::Kind::Object);
  EXPECT_EQ(v.find("missing"), nullptr);
  EXPECT_EQ(span(v.span), "1:1-2:10");
  EXPECT_EQ(span(v.find("o")->span), "2:7-2:9");
}

TEST(JsonValue, EveryValueAndKeyCarriesItsSpanInCodePoints) {
  // "ə" is two bytes but one column.
  Parsed p = parse("{\n  \"ad\": \"Ləman\",\n  \"yaş\": 30\n}");
  ASSERT_TRUE(p.value) << p.diagnostics;
  EXPECT_EQ(span(p.value->members[0].key_span), "2:3-2:7");
  EXPECT_EQ(span(p.value->members[0].value.span), "2:9-2:16");
  EXPECT_EQ(span(p.value->members[1].key_span), "3:3-3:8");
  EXPECT_EQ(span(p.value->members[1].value.span), "3:10-3:12");
}

TEST(JsonValue, DecodesEscapesAndSurrogatePairs) {
  Parsed p = parse(R"(["\"\\\/\b\f\n\r\t", "\u0259\u00E7", "\uD83D\uDE00", "a\u0000b"])");
  ASSERT_TRUE(p.value) << p.diagnostics;
  EXPECT_EQ(p.value->items[0].text, "\"\\/\b\f\n\r\t");
  EXPECT_EQ(p.value->items[1].text, "\xC9\x99\xC3\xA7");      // ə ç
  EXPECT_EQ(p.value->items[2].text, "\xF0\x9F\x98\x80");      // U+1F600
  EXPECT_EQ(p.value->items[3].text, std::string("a\0b", 3));  // NUL survives
}

TEST(JsonValue, KeepsRawUtf8InStrings) {
  Parsed p = parse("{\"name\": \"Kamran Məmmədov — Бакы\"}");
  ASSERT_TRUE(p.value) << p.diagnostics;
  EXPECT_EQ(p.value->find("name")->text, "Kamran Məmmədov — Бакы");
}

TEST(JsonValue, Numbers) {
  Parsed p = parse("[0, -0, 12, 3.25, 1e3, 2E-2, -7.5e+1]");
  ASSERT_TRUE(p.value) << p.diagnostics;
  std::vector<double> got;
  for (const auto& i : p.value->items) got.push_back(i.number);
  EXPECT_EQ(got, (std::vector<double>{0, 0, 12, 3.25, 1000, 0.02, -75}));
}

TEST(JsonValue, TopLevelScalarIsAValue) {
  Parsed p = parse("  \"x\"  \n");
  ASSERT_TRUE(p.value) << p.diagnostics;
  EXPECT_EQ(p.value->text, "x");
}

TEST(JsonValue, DuplicateKeyWarnsAndTheLastWins) {
  Parsed p = parse("{\"a\": 1,\n \"a\": 2}");
  ASSERT_TRUE(p.value);
  ASSERT_EQ(p.value->members.size(), 1u);
  EXPECT_EQ(p.value->members[0].value.number, 2);
  EXPECT_EQ(p.diagnostics, "t.json:2:2: warning: duplicate key \"a\"; the last one is used\n");
}

struct ErrorCase {
  const char* text;
  const char* expected;
};

void PrintTo(const ErrorCase& c, std::ostream* os) { *os << testing::PrintToString(c.text); }

class JsonErrors : public testing::TestWithParam<ErrorCase> {};

TEST_P(JsonErrors, AreLocated) {
  Parsed p = parse(GetParam().text);
  EXPECT_FALSE(p.value);
  EXPECT_EQ(p.diagnostics, GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Syntax, JsonErrors,
    testing::Values(
        ErrorCase{"{\n  \"a\": [1, 2",
                  "t.json:2:13: error: unexpected end of file: expected ',' or ']'\n"},
        ErrorCase{"{\"a\": 1", "t.json:1:8: error: unexpected end of file: expected ',' or '}'\n"},
        ErrorCase{"{\"a\": 1\n\n",
                  "t.json:1:8: error: unexpected end of file: expected ',' or "
                  "'}'\n"},
        ErrorCase{"{\"a\": \"abc",
                  "t.json:1:11: error: unexpected end of file: expected closing "
                  "'\"'\n"},
        ErrorCase{"", "t.json:1:1: error: unexpected end of file: expected a JSON value\n"},
        ErrorCase{"{\"a\": 1,}", "t.json:1:9: error: trailing comma before '}'\n"},
        ErrorCase{"[1,\n 2,\n]", "t.json:3:1: error: trailing comma before ']'\n"},
        ErrorCase{"{\"a\": \"x\ty\"}", "t.json:1:9: error: control character U+0009 in a string\n"},
        ErrorCase{"{\"a\": \"x\ny\"}", "t.json:1:9: error: control character U+000A in a string\n"},
        ErrorCase{"{\"a\": 1} x", "t.json:1:10: error: unexpected 'x' after the JSON value\n"},
        ErrorCase{"{\"a\": 1}{}", "t.json:1:9: error: unexpected '{' after the JSON value\n"},
        ErrorCase{"{\"ə\": \"\\q\"}", "t.json:1:9: error: invalid escape \\q in a string\n"},
        ErrorCase{"[\"\\u12G4\"]",
                  "t.json:1:5: error: unexpected '12G4': expected four hex "
                  "digits\n"},
        ErrorCase{"[\"\\uD83D\"]", "t.json:1:3: error: lone high surrogate \\uD83D in a string\n"},
        ErrorCase{"[\"\\uDE00\"]", "t.json:1:3: error: lone low surrogate \\uDE00 in a string\n"},
        ErrorCase{"[\"\\uD83Dx\"]", "t.json:1:3: error: lone high surrogate \\uD83D in a string\n"},
        ErrorCase{"[01]", "t.json:1:3: error: unexpected '1': expected ',' or ']'\n"},
        ErrorCase{"[1.]", "t.json:1:4: error: unexpected ']': expected a digit\n"},
        ErrorCase{"[-]", "t.json:1:3: error: unexpected ']': expected a digit\n"},
        ErrorCase{"[True]", "t.json:1:2: error: unexpected 'True': expected a JSON value or ']'\n"},
        ErrorCase{"{'a': 1}", "t.json:1:2: error: unexpected ''': expected a string key or '}'\n"},
        ErrorCase{"{\"a\" 1}", "t.json:1:6: error: unexpected '1': expected ':'\n"},
        ErrorCase{"{\"a\": 1 \"b\": 2}",
                  "t.json:1:9: error: unexpected '\"': expected ',' or "
                  "'}'\n"},
        ErrorCase{"{\"a\": \xE2\x80\x9Cx\xE2\x80\x9D}",
                  "t.json:1:7: error: unexpected U+201C '\xE2\x80\x9C': expected a JSON value\n"}));

TEST(JsonValue, TruncatedErrorHasAHintAboutTheOpenContainer) {
  model::SourceManager sm;
  std::uint32_t id = sm.add("cv.json", "{\n  \"work\": [\n    {\"name\": \"Azercell\"},\n");
  diag::Diagnostics ds;
  EXPECT_FALSE(reader::parse_json(id, sm.text(id), ds));
  EXPECT_EQ(diag::render_all(ds, sm),
            "cv.json:3:26: error: unexpected end of file: expected a JSON value\n"
            " 3 |     {\"name\": \"Azercell\"},\n"
            "   |                          ^\n"
            "hint: the array opened at line 2, column 11 is not closed; the file may be "
            "truncated\n");
}

TEST(JsonValue, NestingPastTheLimitIsALocatedError) {
  std::string deep(200, '[');
  Parsed p = parse(deep + std::string(200, ']'));
  EXPECT_FALSE(p.value);
  EXPECT_EQ(p.diagnostics, "t.json:1:" + std::to_string(json::kMaxDepth + 1) +
                               ": error: nesting deeper than " + std::to_string(json::kMaxDepth) +
                               " levels\n");
  // Exactly at the limit is fine.
  Parsed ok = parse(std::string(json::kMaxDepth, '[') + std::string(json::kMaxDepth, ']'));
  EXPECT_TRUE(ok.value) << ok.diagnostics;
}

TEST(JsonValue, HostileDepthDoesNotCrash) {
  Parsed p = parse(std::string(100000, '[') + std::string(100000, '{'));
  EXPECT_FALSE(p.value);
  EXPECT_NE(p.diagnostics.find("nesting deeper"), std::string::npos);
}
