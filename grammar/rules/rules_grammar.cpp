// Spirit X3 grammar for role profiles (.rules, see grammar/rules.ebnf and docs/rules.md).
// One translation unit behind parse_rules_text(); semantic actions fill a RuleFile directly.
#include <boost/spirit/home/x3.hpp>
#include <functional>

#include "base/utf8.hpp"
#include "transform/rules.hpp"
#include "transform/tokens.hpp"

namespace tailor::transform {

namespace {

namespace x3 = boost::spirit::x3;
namespace ascii = boost::spirit::x3::ascii;
using model::SourceSpan;
using Iter = const char*;

const char* const kDirectives[] = {"role",      "alias", "description", "group",     "keywords",
                                   "synonym",   "title", "defining",    "sections",  "summary-tags",
                                   "seniority", "cased", "tools",       "ambiguous", "fallback"};

#define TAILOR_DIRECTIVE_LIST                                                       \
  "role, alias, description, group, keywords, synonym, title, defining, sections, " \
  "summary-tags, seniority, cased, tools, ambiguous, fallback"

// Receives the semantic actions; keeps the directive being read.
struct Builder {
  std::uint32_t file_id;
  std::string_view text;
  RuleFile& out;
  diag::Diagnostics& diags;
  bool ok = true;
  Synonym* synonym = nullptr;  // current synonym directive
  std::string kw_group;
  int kw_weight = 1;
  Condition cond;
  Iter mark = nullptr;
  std::string seniority_lang;
  int guard_list = 0;  // 1: after(...), 2: before(...)

  Builder(std::uint32_t id, std::string_view t, RuleFile& o, diag::Diagnostics& d)
      : file_id(id), text(t), out(o), diags(d), lines(t) {}

  // Indexed once: every token's span used to rescan the file from its start (quadratic:
  // a 3 MB profile took minutes).
  base::LineIndex lines;

  // Span of [b, e), after skipping the blanks and comments a skipper would have eaten.
  SourceSpan span(Iter b, Iter e) const {
    Iter end = text.data() + text.size();
    while (b < e && b < end) {
      if (*b == ' ' || *b == '\t' || *b == '\n' || *b == '\r') {
        ++b;
      } else if (*b == '#') {
        while (b < end && *b != '\n') ++b;
      } else {
        break;
      }
    }
    if (e < b) e = b;
    base::LineCol s = lines.at(static_cast<std::size_t>(b - text.data()));
    base::LineCol f = lines.at(static_cast<std::size_t>(e - text.data()));
    return SourceSpan{file_id, s.line, s.col, f.line, f.col};
  }
  Profile& p() { return out.profile; }
  void note_first(const SourceSpan& s) {
    if (!out.first.known()) out.first = s;
  }
};

struct builder_tag;

template <class Ctx>
Builder& B(const Ctx& ctx) {
  return x3::get<builder_tag>(ctx).get();
}
// X3 (1.74) hands actions the range after the match, so `mark` records where an item
// starts (after the skipper) and where() spans from there to the end of the match.
template <class Ctx>
SourceSpan where(const Ctx& ctx) {
  return B(ctx).span(B(ctx).mark, x3::_where(ctx).begin());
}
auto const set_mark = [](auto& ctx) { B(ctx).mark = x3::_where(ctx).begin(); };
auto const mark = x3::eps[set_mark];

// ---------------------------------------------------------------------------------------
// Actions
// ---------------------------------------------------------------------------------------
auto const on_role = [](auto& ctx) {
  Builder& b = B(ctx);
  if (b.out.has_role) {
    b.diags.error(where(ctx),
                  "a profile has one role; this file already names \"" + b.p().title + "\"");
    b.ok = false;
    return;
  }
  b.out.has_role = true;
  b.p().title = x3::_attr(ctx);
  b.p().span = where(ctx);
  b.note_first(b.p().span);
};
auto const on_alias = [](auto& ctx) { B(ctx).p().aliases.push_back(x3::_attr(ctx)); };
auto const on_desc = [](auto& ctx) { B(ctx).p().description = x3::_attr(ctx); };
auto const on_group_name = [](auto& ctx) {
  B(ctx).p().groups.push_back({x3::_attr(ctx), "", where(ctx)});
};
auto const on_group_label = [](auto& ctx) { B(ctx).p().groups.back().label = x3::_attr(ctx); };
auto const kw_group = [](auto& ctx) { B(ctx).kw_group = x3::_attr(ctx); };
auto const kw_weight = [](auto& ctx) { B(ctx).kw_weight = x3::_attr(ctx); };
auto const kw_item = [](auto& ctx) {
  Builder& b = B(ctx);
  b.p().keywords.push_back({x3::_attr(ctx), b.kw_group, b.kw_weight, where(ctx)});
};
auto const syn_begin = [](auto& ctx) {
  Builder& b = B(ctx);
  auto& list = b.out.has_role ? b.p().synonyms : b.out.lexicon.synonyms;
  list.push_back({x3::_attr(ctx), {}, where(ctx)});
  b.synonym = &list.back();
};
auto const syn_variant = [](auto& ctx) { B(ctx).synonym->variants.push_back(x3::_attr(ctx)); };
auto const title_begin = [](auto& ctx) {
  Builder& b = B(ctx);
  TitleRule r;
  r.title = x3::_attr(ctx);
  r.any_of = {{}};
  r.span = where(ctx);
  b.p().titles.push_back(std::move(r));
};
auto const new_branch = [](auto& ctx) { B(ctx).p().titles.back().any_of.emplace_back(); };
auto const c_group = [](auto& ctx) {
  Builder& b = B(ctx);
  b.cond = Condition{};
  b.cond.group = x3::_attr(ctx);
  b.cond.span = where(ctx);
};
auto const c_op = [](auto& ctx) { B(ctx).cond.op = x3::_attr(ctx); };
auto const c_num = [](auto& ctx) {
  Builder& b = B(ctx);
  b.cond.number = x3::_attr(ctx);
  SourceSpan s = where(ctx);
  b.cond.span.end_line = s.end_line;
  b.cond.span.end_col = s.end_col;
};
auto const c_other = [](auto& ctx) {
  Builder& b = B(ctx);
  b.cond.other_group = x3::_attr(ctx);
  SourceSpan s = where(ctx);
  b.cond.other_span =
      b.span(x3::_where(ctx).begin() - b.cond.other_group.size(), x3::_where(ctx).begin());
  b.cond.span.end_line = s.end_line;
  b.cond.span.end_col = s.end_col;
};
auto const c_push = [](auto& ctx) {
  Builder& b = B(ctx);
  b.p().titles.back().any_of.back().push_back(b.cond);
};
auto const sec_item = [](auto& ctx) {
  Builder& b = B(ctx);
  const std::string& name = x3::_attr(ctx);
  SourceSpan at = where(ctx);
  if (!b.p().sections_span.known()) b.p().sections_span = at;
  std::vector<std::string> known;
  for (int k = 0; k < static_cast<int>(model::SectionKind::Custom); ++k) {
    auto kind = static_cast<model::SectionKind>(k);
    if (name == model::to_string(kind)) {
      b.p().sections.push_back(kind);
      return;
    }
    known.push_back(model::to_string(kind));
  }
  diag::Diagnostic& d = b.diags.error(at, "unknown section '" + name + "'");
  std::vector<std::string> near = did_you_mean(name, known);
  if (!near.empty()) d.hints.push_back("did you mean '" + near.front() + "'?");
  b.ok = false;
};
auto const tag_item = [](auto& ctx) {
  Builder& b = B(ctx);
  if (!b.p().summary_tags_span.known()) b.p().summary_tags_span = where(ctx);
  b.p().summary_tags.push_back(x3::_attr(ctx));
};
auto const sen_item = [](auto& ctx) {
  Builder& b = B(ctx);
  if (!b.out.lexicon.seniority_span.known()) b.out.lexicon.seniority_span = where(ctx);
  b.out.lexicon.seniority.push_back(x3::_attr(ctx));
};
auto const cased_item = [](auto& ctx) { B(ctx).out.lexicon.cased.push_back(x3::_attr(ctx)); };
auto const sen_begin = [](auto& ctx) { B(ctx).seniority_lang = "en"; };
auto const sen_lang = [](auto& ctx) { B(ctx).seniority_lang = x3::_attr(ctx); };
auto const sen_lang_item = [](auto& ctx) {
  Builder& b = B(ctx);
  auto& list = b.out.lexicon.seniority_by_language;
  if (list.empty() || list.back().language != b.seniority_lang) {
    list.push_back({b.seniority_lang, {}});
  }
  list.back().words.push_back(x3::_attr(ctx));
};
auto const tool_item = [](auto& ctx) { B(ctx).out.lexicon.tools.push_back(x3::_attr(ctx)); };
auto const amb_begin = [](auto& ctx) {
  Builder& b = B(ctx);
  Guard g;
  g.spelling = x3::_attr(ctx);
  g.span = where(ctx);
  b.out.lexicon.guards.push_back(std::move(g));
};
auto const g_written = [](auto& ctx) { B(ctx).out.lexicon.guards.back().written = true; };
auto const g_mid = [](auto& ctx) { B(ctx).out.lexicon.guards.back().mid_sentence = true; };
auto const g_list = [](auto& ctx) { B(ctx).out.lexicon.guards.back().list = true; };
auto const g_after = [](auto& ctx) { B(ctx).guard_list = 1; };
auto const g_before = [](auto& ctx) { B(ctx).guard_list = 2; };
auto const g_word = [](auto& ctx) {
  Builder& b = B(ctx);
  Guard& g = b.out.lexicon.guards.back();
  std::string w = lower(x3::_attr(ctx));
  (b.guard_list == 1 ? g.after : g.before).push_back(w);
};
auto const def_begin = [](auto& ctx) {
  Builder& b = B(ctx);
  DefiningEvidence d;
  d.name = x3::_attr(ctx);
  d.span = where(ctx);
  b.p().defining.push_back(std::move(d));
};
auto const def_label = [](auto& ctx) { B(ctx).p().defining.back().label = x3::_attr(ctx); };
auto const def_term = [](auto& ctx) { B(ctx).p().defining.back().terms.push_back(x3::_attr(ctx)); };
auto const def_with = [](auto& ctx) { B(ctx).p().defining.back().with.push_back(x3::_attr(ctx)); };
auto const def_places = [](auto& ctx) { B(ctx).p().defining.back().places = x3::_attr(ctx); };
auto const req_item = [](auto& ctx) {
  Builder& b = B(ctx);
  b.p().titles.back().requires_.push_back(x3::_attr(ctx));
  b.p().titles.back().requires_spans.push_back(where(ctx));
};
auto const on_fallback = [](auto& ctx) { B(ctx).p().fallback = true; };
auto const fb_item = [](auto& ctx) { B(ctx).p().fallback_replaces.push_back(x3::_attr(ctx)); };
auto const on_unknown = [](auto& ctx) {
  Builder& b = B(ctx);
  const std::string& name = x3::_attr(ctx);
  std::vector<std::string> known(std::begin(kDirectives), std::end(kDirectives));
  diag::Diagnostic& d = b.diags.error(where(ctx), "unknown directive '" + name + "'");
  std::vector<std::string> near = did_you_mean(name, known);
  if (!near.empty()) d.hints.push_back("did you mean '" + near.front() + "'?");
  d.hints.push_back("directives: " TAILOR_DIRECTIVE_LIST);
  b.ok = false;
};

// ---------------------------------------------------------------------------------------
// Grammar. Every expectation target is a named rule, so errors read "expected <name>".
// ---------------------------------------------------------------------------------------
auto kw(const char* word) {
  return x3::lexeme[x3::lit(word) >> !(ascii::alnum | x3::lit('_') | x3::lit('-'))];
}

struct weight_symbols : x3::symbols<int> {
  weight_symbols() { add("core", 3)("supporting", 1); }
} const weight_names;

struct op_symbols : x3::symbols<CompareOp> {
  op_symbols() {
    add(">=", CompareOp::GreaterEqual)(">", CompareOp::Greater)("<=", CompareOp::LessEqual)(
        "<", CompareOp::Less);
  }
} const compare_ops;

template <class ID, class A = x3::unused_type>
using R = x3::rule<ID, A>;

R<class quoted_class, std::string> const quoted = "a quoted string (\"...\")";
R<class close_quote_class> const close_quote = "a closing '\"' on the same line";
R<class name_class, std::string> const name = "a name (letters, digits, '-', '_')";
R<class role_title_class> const role_title = "the role's title in quotes";
R<class alias_list_class> const alias_list = "aliases in quotes, separated by commas";
R<class description_text_class> const description_text = "a one-line description in quotes";
R<class group_decl_class> const group_decl =
    "a group name, then optionally its title word in quotes";
R<class keyword_group_class> const keyword_group = "a group name";
R<class weight_class> const weight = "a weight: core, supporting or a number 1-9";
R<class colon_class> const colon = "':'";
R<class keyword_list_class> const keyword_list = "keywords in quotes, separated by commas";
R<class synonym_head_class> const synonym_head = "the canonical term in quotes";
R<class variant_list_class> const variant_list = "synonyms in quotes, separated by commas";
R<class title_text_class> const title_text = "the title in quotes";
R<class when_class> const when = "'when'";
R<class condition_class> const condition = "a condition such as 'infra >= 12'";
R<class condition_atom_class> const condition_atom =
    "a condition such as 'infra >= 12' or 'infra > backend'";
R<class comparison_class> const comparison = "a comparison (>=, >, <=, <)";
R<class operand_class> const operand = "a number or a group name";
R<class section_list_class> const section_list = "section names separated by commas";
R<class tag_list_class> const tag_list = "tags separated by commas";
R<class seniority_list_class> const seniority_list = "words in quotes, separated by commas";
R<class cased_list_class> const cased_list = "terms in quotes, separated by commas";
R<class fallback_list_class> const fallback_list =
    "the generic headlines it replaces, in quotes, separated by commas";
R<class tool_list_class> const tool_list = "tool names in quotes, separated by commas";
R<class ambiguous_head_class> const ambiguous_head = "the tool's spelling in quotes";
R<class guard_list_class> const guard_list =
    "guards separated by commas: written, mid-sentence, list, after(\"word\", ...), "
    "before(\"word\", ...)";
R<class guard_class> const guard =
    "a guard: written, mid-sentence, list, after(...) or before(...)";
R<class guard_words_class> const guard_words =
    "'(' then words in quotes, separated by commas, then ')'";
R<class close_paren_class> const close_paren = "')'";
R<class dotted_name_class, std::string> const dotted_name =
    "a name such as infra.iac (letters, digits, '.', '-', '_')";
R<class defining_head_class> const defining_head =
    "a name such as infra.iac, then its label in quotes";
R<class defining_label_class> const defining_label = "a label in quotes";
R<class defining_terms_class> const defining_terms = "terms in quotes, separated by commas";
R<class places_number_class> const places_number = "a number of places (1-9)";
R<class requires_list_class> const requires_list =
    "defining evidence names separated by 'and' (declared with 'defining')";
R<class directive_class> const directive = "a directive";
R<class end_class> const end_of_file = "a directive (" TAILOR_DIRECTIVE_LIST ")";
R<class rules_file_class> const rules_file = "a rules file";

auto const quoted_def =
    x3::lexeme[('"' >> *(('\\' >> x3::char_("\"\\")) | ~x3::char_("\"\\\n"))) > close_quote];
auto const close_quote_def = x3::lit('"');
auto const name_def = x3::lexeme[ascii::alpha >> *(ascii::alnum | x3::char_('_') | x3::char_('-'))];
auto const role_title_def = (mark >> quoted[on_role]);
auto const alias_list_def = (mark >> quoted[on_alias]) % ',';
auto const description_text_def = (mark >> quoted[on_desc]);
auto const group_decl_def = (mark >> name[on_group_name]) >> -((mark >> quoted[on_group_label]));
auto const keyword_group_def = (mark >> name[kw_group]);
auto const weight_def = x3::lexeme[weight_names >> !ascii::alnum][kw_weight] | x3::int_[kw_weight];
auto const colon_def = x3::lit(':');
auto const keyword_list_def = (mark >> quoted[kw_item]) % ',';
auto const synonym_head_def = (mark >> quoted[syn_begin]);
auto const variant_list_def = (mark >> quoted[syn_variant]) % ',';
auto const title_text_def = (mark >> quoted[title_begin]);
auto const when_def = kw("when");
auto const comparison_def = compare_ops[c_op];
auto const operand_def = x3::int_[c_num] | name[c_other];
auto const condition_atom_def = ((mark >> name[c_group]) > comparison > operand)[c_push];
auto const condition_def = condition_atom >> *((kw("and") > condition_atom) |
                                               (kw("or")[new_branch] > condition_atom));
auto const section_list_def = (mark >> name[sec_item]) % ',';
auto const tag_list_def = ((mark >> name[tag_item]) | (mark >> quoted[tag_item])) % ',';
auto const seniority_list_def = (mark >> quoted[sen_item][sen_lang_item]) % ',';
auto const tool_list_def = quoted[tool_item] % ',';
auto const ambiguous_head_def = (mark >> quoted[amb_begin]);
auto const guard_words_def = x3::lit('(') > ((quoted[g_word] % ',') > close_paren);
auto const close_paren_def = x3::lit(')');
auto const guard_def = kw("written")[g_written] | kw("mid-sentence")[g_mid] | kw("list")[g_list] |
                       (kw("after")[g_after] > guard_words) |
                       (kw("before")[g_before] > guard_words);
auto const guard_list_def = guard > *(',' > guard);
auto const dotted_name_def =
    x3::lexeme[ascii::alpha >> *(ascii::alnum | x3::char_('_') | x3::char_('-') | x3::char_('.'))];
auto const defining_head_def = (mark >> dotted_name[def_begin]);
auto const defining_label_def = quoted[def_label];
auto const defining_terms_def = quoted[def_term] % ',';
auto const places_number_def = x3::int_[def_places];
auto const requires_list_def = (mark >> dotted_name[req_item]) % kw("and");
auto const cased_list_def = quoted[cased_item] % ',';
auto const fallback_list_def = quoted[fb_item] % ',';

auto const directive_def =
    (kw("role") > role_title) | (kw("alias") > alias_list) |
    (kw("description") > description_text) | (kw("group") > group_decl) |
    (kw("keywords") > keyword_group > weight > colon > keyword_list) |
    (kw("synonym") > synonym_head > colon > variant_list) |
    (kw("title") > title_text > when > condition > -(kw("requires") > requires_list)) |
    (kw("defining") > defining_head > defining_label > colon > defining_terms >
     -(kw("with") > (quoted[def_with] % ',')) > -(kw("places") > places_number)) |
    (kw("sections") > section_list) | (kw("summary-tags") > tag_list) |
    (kw("seniority")[sen_begin] > -(name[sen_lang] >> ':') > seniority_list) |
    (kw("cased") > cased_list) | (kw("tools") > tool_list) |
    (kw("ambiguous") > ambiguous_head > colon > guard_list) |
    (kw("fallback")[on_fallback] >> -(kw("replaces") > fallback_list)) |
    x3::lexeme[(mark >> name[on_unknown]) >> *(~x3::char_('\n'))];
auto const end_of_file_def = x3::eoi;
auto const rules_file_def = *directive > end_of_file;

BOOST_SPIRIT_DEFINE(quoted, close_quote, name, role_title, alias_list, description_text, group_decl,
                    keyword_group, weight, colon, keyword_list, synonym_head, variant_list,
                    title_text, when, condition, condition_atom, comparison, operand, section_list,
                    tag_list, seniority_list, cased_list, fallback_list, tool_list, ambiguous_head,
                    guard_list, guard, guard_words, close_paren, dotted_name, defining_head,
                    defining_label, defining_terms, places_number, requires_list, directive,
                    end_of_file, rules_file)

auto const skipper = ascii::space | x3::lexeme['#' >> *(~x3::char_('\n'))];

}  // namespace

bool parse_rules_text(std::uint32_t file_id, std::string_view text, RuleFile& out,
                      diag::Diagnostics& diags) {
  Builder b(file_id, text, out, diags);
  Iter first = text.data();
  Iter last = first + text.size();
  auto blank_skip = [&](Iter at) {
    while (at < last && (*at == ' ' || *at == '\t')) ++at;
    return at;
  };
  try {
    bool ok =
        x3::phrase_parse(first, last, x3::with<builder_tag>(std::ref(b))[rules_file], skipper);
    if (!ok) {
      Iter at = blank_skip(first);
      b.diags.error(b.span(at, at), "expected a directive");
      return false;
    }
  } catch (const x3::expectation_failure<Iter>& e) {
    Iter at = blank_skip(e.where());
    SourceSpan s = b.span(at, at);
    // A line break right after the failure point: point at the end of the line instead.
    if (at < last && *at == '\n') {
      base::LineCol lc = b.lines.at(static_cast<std::size_t>(at - text.data()));
      s = SourceSpan{file_id, lc.line, lc.col, lc.line, lc.col};
    }
    diag::Diagnostic& d = b.diags.error(s, "expected " + e.which());
    if (e.which().find("directive (") != std::string::npos) {
      d.hints.push_back("each directive starts a line with its name; comments start with '#'");
    }
    return false;
  }
  return b.ok;
}

}  // namespace tailor::transform
