// From a posting to a profile and a score: the stemmer, the posting vocabulary and matcher,
// keyword weights, the nearest role, the headline choice and the match score.
// docs/matching.md explains each step with a worked example.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

#include "base/strings.hpp"
#include "base/utf8.hpp"
#include "transform/basic.hpp"
#include "transform/job.hpp"
#include "transform/posting_coverage.hpp"
#include "transform/titles.hpp"
#include "transform/tokens.hpp"

namespace tailor::transform {

using namespace tailor::model;

// ------------------------------------------------------------------------------------------------
// Stemming
// ------------------------------------------------------------------------------------------------

namespace {

bool ends(const std::string& w, std::string_view suf) {
  return w.size() >= suf.size() && w.compare(w.size() - suf.size(), suf.size(), suf) == 0;
}

bool lower_letters(std::string_view w) {
  return std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

void undouble(std::string& w) {
  std::size_t n = w.size();
  if (n >= 4 && w[n - 1] == w[n - 2] && w[n - 1] != 'l' && w[n - 1] != 's' && w[n - 1] != 'z' &&
      std::string_view("aeiou").find(w[n - 1]) == std::string_view::npos) {
    w.pop_back();
  }
}

}  // namespace

std::string stem_word(std::string_view word) {
  std::string w(word);
  if (w.size() < 4 || !lower_letters(w)) return w;
  // Plurals: libraries -> library, processes -> process, tests -> test (not "status", "basis").
  if (ends(w, "ies") && w.size() > 4) {
    w.replace(w.size() - 3, 3, "y");
  } else if (ends(w, "sses")) {
    w.resize(w.size() - 2);
  } else if (ends(w, "s") && !ends(w, "ss") && !ends(w, "us") && !ends(w, "is")) {
    w.pop_back();
  }
  // containerization, containerized, containerize -> container
  bool derived = false;
  for (std::string_view suf :
       {"ization", "isation", "izing", "ising", "ized", "ised", "ize", "ise"}) {
    if (ends(w, suf) && w.size() >= suf.size() + 4) {
      w.resize(w.size() - suf.size());
      derived = true;
      break;
    }
  }
  if (!derived) {
    if (ends(w, "ing") && w.size() >= 6) {
      w.resize(w.size() - 3);
      undouble(w);
    } else if (ends(w, "ed") && w.size() >= 5) {
      w.resize(w.size() - 2);
      undouble(w);
    }
  }
  // database/databases, cache/caching: drop a final e so both sides meet.
  if (ends(w, "e") && w.size() > 4) w.pop_back();
  return w;
}

// ------------------------------------------------------------------------------------------------
// TermMatcher
// ------------------------------------------------------------------------------------------------

namespace {

bool has_upper(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool ascii_letters(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  });
}

bool alnum_at(std::string_view s, std::size_t i) {
  return i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) != 0 ||
                          (static_cast<unsigned char>(s[i]) & 0x80) != 0);
}

// "Go-Live", "go-to", "Go/No-Go", "C-level": an ambiguous short name joined to another word by a
// hyphen or a slash is part of that word, not the tool (issue 13). Terms written with the joiner
// ("CI/CD") never get here: the joiner is inside their hit.
bool inside_compound(std::string_view s, std::size_t b, std::size_t e) {
  bool before = b >= 2 && (s[b - 1] == '-' || s[b - 1] == '/') && alnum_at(s, b - 2);
  bool after = e + 1 < s.size() && (s[e] == '-' || s[e] == '/') && alnum_at(s, e + 1);
  return before || after;
}

// "C. Smith": a capital letter, a period and a capitalised name is an initial.
bool initial_at(std::string_view s, std::size_t b, std::size_t e) {
  return e == b + 1 && e + 2 < s.size() && s[e] == '.' && s[e + 1] == ' ' && s[e + 2] >= 'A' &&
         s[e + 2] <= 'Z';
}

}  // namespace

bool technology_context(const PostingLine& line) {
  return line.bullet || line.part == PostingPart::Title || line.part == PostingPart::Required ||
         line.part == PostingPart::Responsibility || line.part == PostingPart::Optional;
}

TermMatcher::TermMatcher(const std::vector<Term>& terms, const Lexicon* lexicon) {
  if (lexicon && !lexicon->guards.empty()) {
    std::vector<std::string> spellings;
    for (const Guard& g : lexicon->guards) {
      guarded_.insert(lower(g.spelling));
      spellings.push_back(g.spelling);
    }
    guards_.emplace(spellings, std::vector<Synonym>{}, std::vector<std::string>{}, lexicon);
  }
  auto note = [&](const std::string& phrase) {
    std::string l = lower(phrase);
    std::size_t pos = 0;
    while (pos <= l.size()) {
      std::size_t sp = l.find(' ', pos);
      std::string word = l.substr(pos, sp == std::string::npos ? std::string::npos : sp - pos);
      if (word.find('/') != std::string::npos) compounds_.insert(word);
      if (sp == std::string::npos) break;
      pos = sp + 1;
    }
  };
  for (const Term& t : terms) {
    note(t.text);
    for (const std::string& v : t.variants) note(v);
  }
  for (std::size_t i = 0; i < terms.size(); ++i) {
    add(terms[i].text, i, terms[i].cased);
    for (const std::string& v : terms[i].variants) add(v, i, false);
  }
  for (auto& [key, list] : by_first_) {
    std::stable_sort(list.begin(), list.end(), [&](std::size_t a, std::size_t b) {
      return patterns_[a].keys.size() > patterns_[b].keys.size();
    });
  }
}

void TermMatcher::add(const std::string& spelling, std::size_t term, bool cased) {
  std::vector<Token> toks = tokenize(spelling, &compounds_);
  if (toks.empty()) return;
  bool all_lower = !has_upper(spelling);
  Pattern p;
  p.term = term;
  for (const Token& t : toks) {
    p.keys.push_back(all_lower ? stem_word(t.norm) : t.norm);
    p.stemmed.push_back(all_lower);
    if (cased) p.exact.push_back(spelling.substr(t.begin, t.end - t.begin));
  }
  bool one_word = toks.size() == 1 && toks[0].begin == 0 && toks[0].end == spelling.size();
  p.guarded = one_word && guarded_.count(lower(spelling)) > 0;
  p.case_sensitive = one_word && ascii_letters(spelling) && has_upper(spelling) &&
                     (spelling.size() <= 4 || p.guarded);
  for (std::size_t q : by_first_[p.keys.front()]) {
    if (patterns_[q].keys == p.keys && patterns_[q].stemmed == p.stemmed &&
        patterns_[q].exact == p.exact && patterns_[q].term == term) {
      return;
    }
  }
  by_first_[p.keys.front()].push_back(patterns_.size());
  patterns_.push_back(p);
  // All-caps acronyms take a plural s: "VPCs", "SLOs".
  std::size_t letters =
      std::count_if(spelling.begin(), spelling.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  if (one_word && letters >= 2 && !std::any_of(spelling.begin(), spelling.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || !((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
      })) {
    Pattern plural;
    plural.term = term;
    plural.keys = {toks[0].norm + "s"};
    plural.stemmed = {false};
    plural.case_sensitive = true;
    by_first_[plural.keys.front()].push_back(patterns_.size());
    patterns_.push_back(plural);
  }
}

std::vector<TermHit> TermMatcher::find(std::string_view text, bool strict_case,
                                       const MatchContext& ctx) const {
  std::vector<TermHit> hits;
  // Where the lexicon's guards let an ambiguous tool count, computed once per text.
  std::optional<std::vector<Hit>> guarded_hits;
  auto guard_allows = [&](std::size_t b, std::size_t e) {
    if (!guarded_hits) guarded_hits = guards_->find(text, ctx);
    return std::any_of(guarded_hits->begin(), guarded_hits->end(),
                       [&](const Hit& h) { return h.begin == b && h.end == e; });
  };
  std::vector<Token> toks = tokenize(text, &compounds_);
  std::vector<std::string> stems;
  for (const Token& t : toks) stems.push_back(stem_word(t.norm));
  for (std::size_t i = 0; i < toks.size();) {
    std::vector<std::size_t> cands;
    for (const std::string* key : {&toks[i].norm, &stems[i]}) {
      auto it = by_first_.find(*key);
      if (it == by_first_.end()) continue;
      for (std::size_t q : it->second) {
        if (std::find(cands.begin(), cands.end(), q) == cands.end()) cands.push_back(q);
      }
    }
    std::stable_sort(cands.begin(), cands.end(), [&](std::size_t a, std::size_t b) {
      if (patterns_[a].keys.size() != patterns_[b].keys.size()) {
        return patterns_[a].keys.size() > patterns_[b].keys.size();
      }
      return a < b;
    });
    bool matched = false;
    for (std::size_t q : cands) {
      const Pattern& p = patterns_[q];
      if (i + p.keys.size() > toks.size()) continue;
      bool ok = true;
      for (std::size_t j = 0; j < p.keys.size() && ok; ++j) {
        ok = p.keys[j] == (p.stemmed[j] ? stems[i + j] : toks[i + j].norm);
      }
      for (std::size_t j = 0; j < p.exact.size() && ok; ++j) {
        const Token& t = toks[i + j];
        ok = text.substr(t.begin, t.end - t.begin) == p.exact[j];
      }
      if (!ok) continue;
      if (strict_case && p.case_sensitive &&
          !has_upper(text.substr(toks[i].begin, toks[i].end - toks[i].begin))) {
        continue;
      }
      std::size_t hb = toks[i].begin, he = toks[i + p.keys.size() - 1].end;
      if (strict_case && (p.case_sensitive || !p.exact.empty()) &&
          (inside_compound(text, hb, he) || initial_at(text, hb, he))) {
        continue;
      }
      if (strict_case && p.guarded && guards_ && !guard_allows(hb, he)) continue;
      hits.push_back({p.term, toks[i].begin, toks[i + p.keys.size() - 1].end});
      i += p.keys.size();
      matched = true;
      break;
    }
    if (!matched) ++i;
  }
  return hits;
}

// ------------------------------------------------------------------------------------------------
// Analysis
// ------------------------------------------------------------------------------------------------

namespace {

bool skill_section(const Section& s) {
  return s.kind != SectionKind::Languages && s.kind != SectionKind::Interests;
}

// "AWS (EKS, EC2, S3)" -> "AWS", "EKS", "EC2", "S3"; "Go (reading and small tools)" -> "Go".
std::vector<std::string> skill_terms(const std::string& name) {
  std::vector<std::string> out;
  std::size_t open = name.find('(');
  std::string head = base::trim(name.substr(0, open));
  if (!head.empty()) out.push_back(head);
  if (open != std::string::npos) {
    std::size_t close = name.find(')', open);
    std::string inner =
        name.substr(open + 1, close == std::string::npos ? std::string::npos : close - open - 1);
    for (const std::string& piece : base::split(inner, ",")) {
      std::string item = base::trim(piece);
      if (!item.empty() && base::count_words(item) <= 3) out.push_back(item);
    }
  }
  return out;
}

bool has_letter(const std::string& s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           static_cast<unsigned char>(c) >= 0x80;
  });
}

// The vocabulary: profile keywords, synonyms, the posting's named skills, the resume's skills.
class Vocabulary {
 public:
  std::vector<Term> terms;

  std::vector<std::string> cased;  // the lexicon's `cased` spellings

  void add(const std::string& text) {
    std::string l = lower(text);
    if (index_.count(l)) return;
    index_[l] = terms.size();
    bool exact = std::find(cased.begin(), cased.end(), text) != cased.end();
    terms.push_back({text, {}, exact});
  }
  void add_variants(const Synonym& s) {
    auto it = index_.find(lower(s.canonical));
    if (it == index_.end()) return;
    for (const std::string& v : s.variants) {
      std::vector<std::string>& vs = terms[it->second].variants;
      if (std::find(vs.begin(), vs.end(), v) == vs.end()) vs.push_back(v);
    }
  }
  // A free-form skill joins unless it is already a whole known term ("Argo CD" is ArgoCD).
  void add_extra(const std::string& text, const TermMatcher& known) {
    std::string t = base::trim(text);
    if (t.empty() || !has_letter(t) || base::count_words(t) > 4) return;
    std::vector<TermHit> hits = known.find(t, false);
    if (hits.size() == 1 && hits[0].begin == 0 && hits[0].end == t.size()) return;
    add(t);
  }

 private:
  std::map<std::string, std::size_t> index_;
};

int part_weight(PostingPart p) {
  switch (p) {
    case PostingPart::Title:
    case PostingPart::Required:
      return 3;
    case PostingPart::Responsibility:
      return 2;
    case PostingPart::Optional:
    case PostingPart::Context:
      return 1;
  }
  return 1;
}

SourceSpan hit_span(const SourceSpan& line, std::string_view text, std::size_t b, std::size_t e) {
  SourceSpan s = line;
  bool exact =
      s.known() && s.line == s.end_line && s.end_col - s.col == base::count_code_points(text);
  if (exact) {
    s.col = line.col + static_cast<std::uint32_t>(base::count_code_points(text.substr(0, b)));
    s.end_col = line.col + static_cast<std::uint32_t>(base::count_code_points(text.substr(0, e)));
  }
  return s;
}

// "Senior Site Reliability Engineer (Remote) - Payments" -> "Site Reliability Engineer".
std::string clean_title(const std::string& title, const Lexicon& lex) {
  std::string t;
  int depth = 0;
  for (char c : title) {
    if (c == '(' || c == '[') ++depth;
    if (depth == 0) t += c;
    if ((c == ')' || c == ']') && depth > 0) --depth;
  }
  for (const char* cut : {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " | ", ", ", " at ", " @ "}) {
    std::size_t p = t.find(cut);
    if (p != std::string::npos) t.resize(p);
  }
  std::vector<std::string> kept;
  for (const std::string& w : base::split_words(t)) {
    bool drop = false;
    for (const std::string& s : lex.seniority) drop = drop || lower(s) == lower(w);
    for (const char* lvl : {"I", "II", "III", "IV", "1", "2", "3", "4", "Remote"}) {
      drop = drop || w == lvl;
    }
    if (!drop) kept.push_back(w);
  }
  return base::join(kept, " ");
}

// The role the title names: an exact name, else the longest role name inside the title.
const Profile* title_profile(const std::string& title, const RuleSet& rules) {
  std::string t = clean_title(title, rules.lexicon);
  if (t.empty()) return nullptr;
  if (const Profile* p = find_profile(rules, t)) return p;
  std::vector<std::string> tt;
  for (const Token& k : tokenize(t)) tt.push_back(k.norm);
  const Profile* best = nullptr;
  std::size_t best_len = 0;
  for (const Profile& p : rules.profiles) {
    std::vector<std::string> names = p.aliases;
    names.insert(names.begin(), p.title);
    for (const std::string& n : names) {
      std::vector<std::string> nt;
      for (const Token& k : tokenize(n)) nt.push_back(k.norm);
      if (nt.empty() || nt.size() > tt.size() || nt.size() <= best_len) continue;
      for (std::size_t i = 0; i + nt.size() <= tt.size(); ++i) {
        if (std::equal(nt.begin(), nt.end(), tt.begin() + static_cast<std::ptrdiff_t>(i))) {
          best = &p;
          best_len = nt.size();
          break;
        }
      }
    }
  }
  return best;
}

// The headline under a role's own rules and the resume's evidence for that role, exactly as
// `--role` computes it (summary variant chosen first).
bool try_role(const Profile& role, const Lexicon& lex, const Document& resume,
              HeadlineChoice& out) {
  Document doc = resume;
  select_variants(doc, role.summary_tags);
  KeywordIndex index(role, lex);
  Evidence ev = collect_evidence(doc, role, index);
  // The same test as `--role` (titles.hpp): weights, defining evidence, two places.
  for (const TitleRule& r : role.titles) {
    RuleCheck rc = check_rule(r, role, ev);
    if (rc.holds) {
      out.role = &role;
      out.rule = &r;
      out.reason = base::join(rc.passed, " and ");
      out.notes.push_back({role.title + ": rule \"" + r.title + "\" holds: " + out.reason, r.span});
      return true;
    }
    out.notes.push_back(
        {role.title + ": rule \"" + r.title + "\" not satisfied: " + base::join(rc.failed, "; "),
         r.span});
  }
  return false;
}

// Every text of the resume the engine looks at, for harvesting inflected spellings.
std::vector<std::string> resume_texts(const Document& doc) {
  std::vector<std::string> out;
  for (const Section& s : doc.sections) {
    for (const Block& b : s.blocks) {
      if (const Paragraph* p = std::get_if<Paragraph>(&b)) out.push_back(plain_text(p->text));
      if (const Bullet* x = std::get_if<Bullet>(&b)) out.push_back(plain_text(x->text));
      if (const SkillGroup* g = std::get_if<SkillGroup>(&b)) {
        if (!skill_section(s)) continue;
        for (const Skill& k : g->items) out.push_back(k.name);
      }
      if (const Entry* e = std::get_if<Entry>(&b)) {
        for (const Paragraph& d : e->description) out.push_back(plain_text(d.text));
        for (const Bullet& x : e->bullets) out.push_back(plain_text(x.text));
      }
    }
  }
  return out;
}

std::string norm_join(std::string_view text) {
  std::string out;
  for (const Token& t : tokenize(text)) out += (out.empty() ? "" : " ") + t.norm;
  return out;
}

}  // namespace

JobAnalysis analyse_posting(const Posting& posting, const RuleSet& rules, const Document& resume) {
  JobAnalysis a;
  // 1. The vocabulary.
  Vocabulary vocab;
  vocab.cased = rules.lexicon.cased;
  for (const Profile& p : rules.profiles) {
    for (const Keyword& k : p.keywords) vocab.add(k.text);
  }
  std::vector<Synonym> synonyms = rules.lexicon.synonyms;
  for (const Profile& p : rules.profiles) {
    synonyms.insert(synonyms.end(), p.synonyms.begin(), p.synonyms.end());
  }
  for (const Synonym& s : synonyms) vocab.add(s.canonical);
  for (const Synonym& s : synonyms) vocab.add_variants(s);
  {
    TermMatcher known(vocab.terms, &rules.lexicon);
    for (const std::string& s : posting.named_skills) vocab.add_extra(s, known);
    for (const Section& s : resume.sections) {
      if (!skill_section(s)) continue;
      for (const Block& b : s.blocks) {
        const SkillGroup* g = std::get_if<SkillGroup>(&b);
        if (!g) continue;
        for (const Skill& k : g->items) {
          for (const std::string& t : skill_terms(k.name)) vocab.add_extra(t, known);
        }
      }
    }
  }
  TermMatcher matcher(vocab.terms, &rules.lexicon);

  // 2. Keywords of the posting: where they appear and how often.
  std::map<std::size_t, std::size_t> by_term;  // vocabulary term -> a.keywords index
  std::vector<std::size_t> term_of;
  auto scan = [&](const std::string& text, PostingPart part, const SourceSpan& span,
                  bool technology) {
    std::vector<std::size_t> seen;
    MatchContext ctx;
    ctx.list = technology;
    for (const TermHit& h : matcher.find(text, true, ctx)) {
      if (std::find(seen.begin(), seen.end(), h.term) != seen.end()) continue;
      seen.push_back(h.term);
      auto it = by_term.find(h.term);
      if (it == by_term.end()) {
        it = by_term.emplace(h.term, a.keywords.size()).first;
        a.keywords.push_back({vocab.terms[h.term].text, 0, false, {}, 0, {}});
        term_of.push_back(h.term);
      }
      PostingKeyword& k = a.keywords[it->second];
      ++k.mentions;
      if (std::find(k.parts.begin(), k.parts.end(), part) == k.parts.end()) k.parts.push_back(part);
      k.spans.push_back(hit_span(span, text, h.begin, h.end));
    }
  };
  if (!posting.title.empty()) scan(posting.title, PostingPart::Title, posting.title_span, true);
  for (const PostingLine& l : posting.lines) {
    if (!l.elsewhere) scan(l.text, l.part, l.span, technology_context(l));
  }
  std::vector<std::string> role_names;
  for (const Profile& p : rules.profiles) {
    role_names.push_back(p.title);
    role_names.insert(role_names.end(), p.aliases.begin(), p.aliases.end());
  }
  a.coverage = assess_coverage(posting, matcher, role_names);
  for (PostingKeyword& k : a.keywords) {
    std::sort(k.parts.begin(), k.parts.end());
    int base = part_weight(k.parts.front());
    k.weight = base + (k.mentions >= 4 ? 2 : k.mentions >= 2 ? 1 : 0);
    k.required = k.parts.front() == PostingPart::Title ||
                 k.parts.front() == PostingPart::Required ||
                 k.parts.front() == PostingPart::Responsibility;
  }

  // 3. Similarity to every role: cosine of keyword weights (canonical spellings, lower case).
  std::map<std::string, double> pv;
  for (const PostingKeyword& k : a.keywords) pv[lower(k.text)] = k.weight;
  double pn = 0;
  for (const auto& [w, x] : pv) pn += x * x;
  for (const Profile& p : rules.profiles) {
    std::map<std::string, double> rv;
    for (const Keyword& k : p.keywords) {
      double& x = rv[lower(k.text)];
      x = std::max(x, static_cast<double>(k.weight));
    }
    double dot = 0, rn = 0;
    for (const auto& [w, x] : rv) {
      rn += x * x;
      auto it = pv.find(w);
      if (it != pv.end()) dot += x * it->second;
    }
    double sim = (pn > 0 && rn > 0) ? dot / std::sqrt(pn * rn) : 0;
    a.roles.push_back({&p, std::round(sim * 1000) / 1000});
  }
  std::stable_sort(
      a.roles.begin(), a.roles.end(),
      [](const RoleSimilarity& x, const RoleSimilarity& y) { return x.similarity > y.similarity; });
  if (!a.roles.empty() && a.roles.front().similarity > 0) a.nearest = a.roles.front().role;
  a.title_role = posting.title.empty() ? nullptr : title_profile(posting.title, rules);

  // 4. The headline: the title's role first, then the nearest role; the first rule that holds.
  std::vector<const Profile*> candidates;
  for (const Profile* r : {a.title_role, a.nearest}) {
    if (r && std::find(candidates.begin(), candidates.end(), r) == candidates.end()) {
      candidates.push_back(r);
    }
  }
  for (const Profile* r : candidates) {
    if (try_role(*r, rules.lexicon, resume, a.headline)) break;
  }
  if (!a.headline.role) {
    a.headline.reason =
        candidates.empty() ? "no role to take title rules from" : "no title rule holds";
  }

  // 5. The derived profile, in the engine's terms.
  Profile& p = a.profile;
  // The posting's job name without seniority or decorations: it becomes the document's target
  // role (PDF and DOCX subject), which must not claim "Senior" or carry "(Remote)".
  p.title = clean_title(posting.title, rules.lexicon);
  if (p.title.empty()) p.title = a.nearest ? a.nearest->title : "job posting";
  p.stem = "job";
  p.path = posting.path;
  p.description = "Derived from the job posting " + posting.path;
  p.span = posting.title_span;
  p.groups.push_back({"posting", "", posting.title_span});
  for (const PostingKeyword& k : a.keywords) {
    p.keywords.push_back(
        {k.text, "posting", k.weight, k.spans.empty() ? SourceSpan{} : k.spans[0]});
  }
  // Spellings: the vocabulary's synonyms, plus the inflected forms the resume actually uses.
  std::vector<Term> own;
  for (std::size_t i = 0; i < a.keywords.size(); ++i) own.push_back(vocab.terms[term_of[i]]);
  TermMatcher own_matcher(own);
  for (const std::string& text : resume_texts(resume)) {
    for (const TermHit& h : own_matcher.find(text, false)) {
      std::string surface = norm_join(text.substr(h.begin, h.end - h.begin));
      Term& t = own[h.term];
      bool known = norm_join(t.text) == surface;
      for (const std::string& v : t.variants) known = known || norm_join(v) == surface;
      if (!known) t.variants.push_back(surface);
    }
  }
  for (const Term& t : own) {
    if (!t.variants.empty()) p.synonyms.push_back({t.text, t.variants, {}});
  }
  if (a.headline.rule) {
    TitleRule r = *a.headline.rule;
    r.any_of = {{}};  // decided above with the role's own evidence
    p.titles.push_back(r);
  }
  const Profile* shape = a.title_role ? a.title_role : a.nearest;
  if (shape) {
    p.sections = shape->sections;
    p.sections_span = shape->sections_span;
    p.summary_tags = shape->summary_tags;
    p.summary_tags_span = shape->summary_tags_span;
  }
  return a;
}

// ------------------------------------------------------------------------------------------------
// Matching
// ------------------------------------------------------------------------------------------------

MatchResult match_resume(const JobAnalysis& a, const RuleSet& rules, const Document& resume) {
  MatchResult m;
  m.headline_before = resume.header.headline.value;
  Document doc = resume;
  Report rep = tailor(doc, a.profile, rules.lexicon, TailorOptions{});
  m.headline_after = doc.header.headline.value;
  for (std::size_t i = 0; i < a.keywords.size(); ++i) {
    MatchedKeyword k;
    k.keyword = &a.keywords[i];
    const KeywordEvidence& ev = rep.evidence.keywords[i];
    k.evidence = ev.occurrences;
    for (const Occurrence& o : ev.occurrences) {
      // Work the resume describes (bullets, descriptions, entry headings such as a certificate
      // or a project name) counts fully; a list or a claim (skills, summary) counts half.
      bool shown = o.kind == "bullet" || o.kind == "description" || o.kind == "heading";
      double c = shown ? kCreditShown : kCreditListed;
      k.credit = std::max(k.credit, c);
    }
    m.total += k.keyword->weight;
    m.earned += k.keyword->weight * k.credit;
    (k.credit > 0 ? m.matched : m.missing).push_back(std::move(k));
  }
  auto order = [](const MatchedKeyword& x, const MatchedKeyword& y) {
    if (x.keyword->weight != y.keyword->weight) return x.keyword->weight > y.keyword->weight;
    return lower(x.keyword->text) < lower(y.keyword->text);
  };
  std::sort(m.matched.begin(), m.matched.end(), order);
  std::sort(m.missing.begin(), m.missing.end(), order);
  m.score = m.total > 0 ? std::round(1000.0 * m.earned / m.total) / 10.0 : 0.0;
  return m;
}

std::string render_analysis(const JobAnalysis& a, const Posting& posting,
                            const SourceManager& sources) {
  std::string where = posting.path;
  if (posting.title_span.known()) where += ":" + std::to_string(posting.title_span.line);
  std::string out = where + ": job: \"" + posting.title + "\"";
  out += a.nearest ? "; nearest role " + a.nearest->title : std::string("; no nearest role");
  if (a.title_role) out += "; the title names " + a.title_role->title;
  out += "\n";
  std::vector<std::string> kws;
  for (const PostingKeyword& k : a.keywords) {
    kws.push_back(k.text + " " + std::to_string(k.weight) + (k.required ? "" : " (nice)"));
  }
  out += posting.path + ": job: keywords: " + (kws.empty() ? "none" : base::join(kws, ", ")) + "\n";
  for (const HeadlineNote& n : a.headline.notes) {
    std::string place = rule_file_line(n.rule, sources);
    out += (place.empty() ? std::string("job") : place) + ": headline: " + n.text + "\n";
  }
  if (!a.headline.role) out += "job: headline: " + a.headline.reason + "\n";
  return out;
}

std::string rule_file_line(const SourceSpan& s, const SourceManager& sources) {
  if (!s.known() || !s.file_id) return "";
  std::string p = sources.path(s.file_id);
  std::size_t slash = p.find_last_of('/');
  if (slash != std::string::npos) p = p.substr(slash + 1);
  return p + ":" + std::to_string(s.line);
}

}  // namespace tailor::transform
