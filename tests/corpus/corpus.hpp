// The evidence corpus (issue 13): 45 resumes, 9 postings and a recruiter's expectations in
// tests/corpus/evidence/. Loaded once per test program and shared by the corpus tests.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "reader/reader.hpp"
#include "support/roles_folder.hpp"
#include "support/test_support.hpp"
#include "transform/engine.hpp"
#include "transform/job.hpp"
#include "transform/rules.hpp"

namespace tailor::corpus {

/// The built-in roles in the column order of expectations.tsv.
inline const std::array<std::string, 8> kRoles = {
    "backend-developer", "backend-engineer", "systems", "infrastructure", "devops", "sre",
    "platform",          "software-engineer"};

struct Trap {
  std::string person, phrase, paraphrase, keyword;
};
struct Credit {
  std::string person, keyword, role;
};
struct Rank {
  std::string posting, better, worse;
};

struct Expectations {
  /// person -> one cell per role of kRoles: "keep" or alternatives joined by " | ".
  std::map<std::string, std::array<std::string, 8>> headlines;
  std::vector<Trap> traps;
  std::vector<Credit> credits;
  std::vector<Rank> ranks;
};

inline std::vector<std::string> split(const std::string& s, const std::string& sep) {
  std::vector<std::string> out;
  std::size_t from = 0;
  while (true) {
    std::size_t at = s.find(sep, from);
    out.push_back(s.substr(from, at == std::string::npos ? std::string::npos : at - from));
    if (at == std::string::npos) return out;
    from = at + sep.size();
  }
}

inline Expectations parse_expectations(const std::string& text) {
  Expectations e;
  std::istringstream in(text);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f = split(line, "\t");
    auto need = [&](std::size_t k) {
      if (f.size() != k)
        ADD_FAILURE() << "expectations.tsv:" << n << ": " << k << " columns wanted";
      return f.size() == k;
    };
    if (f[0] == "headline" && need(10)) {
      std::array<std::string, 8> cells;
      for (std::size_t i = 0; i < 8; ++i) cells[i] = f[i + 2];
      e.headlines[f[1]] = cells;
    } else if (f[0] == "trap" && need(5)) {
      e.traps.push_back({f[1], f[2], f[3], f[4]});
    } else if (f[0] == "credit" && need(4)) {
      e.credits.push_back({f[1], f[2], f[3]});
    } else if (f[0] == "rank" && need(4)) {
      e.ranks.push_back({f[1], f[2], f[3]});
    } else if (f[0] != "headline" && f[0] != "trap" && f[0] != "credit" && f[0] != "rank") {
      ADD_FAILURE() << "expectations.tsv:" << n << ": unknown row kind '" << f[0] << "'";
    }
  }
  return e;
}

/// One resume of the corpus: its file and its raw text.
struct Person {
  std::string name;  ///< File stem: "elvin".
  std::string path;  ///< Relative to the source root.
  std::string raw;
};

/// Everything the corpus tests share: rules, people, postings, expectations.
struct Corpus {
  model::SourceManager sources;
  diag::Diagnostics diags;
  transform::RuleSet rules;
  std::map<std::string, Person> people;
  std::map<std::string, transform::Posting> postings;
  Expectations expect;

  Corpus() {
    test::load_rules_dir(test::source_path("templates/roles"), sources, rules, diags);
    for (const char* ext : {".resume", ".json"}) {
      for (const std::string& f : test::list_files("tests/corpus/evidence/resumes", ext)) {
        std::string file = f.substr(f.find_last_of('/') + 1);
        std::string stem = file.substr(0, file.find('.'));
        people[stem] = Person{stem, f, test::slurp(test::source_path(f))};
      }
    }
    for (const std::string& f : test::list_files("tests/corpus/evidence/postings", ".txt")) {
      std::string file = f.substr(f.find_last_of('/') + 1);
      auto posting = transform::read_posting(test::source_path(f), sources, diags);
      if (posting) postings.emplace(file.substr(0, file.find('.')), std::move(*posting));
    }
    expect = parse_expectations(
        test::slurp(test::source_path("tests/corpus/evidence/expectations.tsv")));
  }

  const transform::Profile& role(const std::string& stem) const {
    const transform::Profile* p = transform::find_profile(rules, stem);
    if (!p) throw std::runtime_error("no role " + stem);
    return *p;
  }

  /// Reads a resume from text (the corpus file, or a reworded copy of it) under its own path.
  std::optional<model::Document> read(const Person& p, const std::string& raw) {
    diag::Diagnostics d;
    auto doc = reader::read_document_bytes(p.path, raw, sources, d);
    if (!doc) ADD_FAILURE() << p.path << ":\n" << diag::render_all(d, sources);
    return doc;
  }
  std::optional<model::Document> read(const Person& p) { return read(p, p.raw); }
};

inline Corpus& corpus() {
  static Corpus c;
  return c;
}

/// The headline a careful recruiter expects, or "" when the cell says "keep".
inline std::vector<std::string> accepted(const std::string& cell, const std::string& current) {
  std::vector<std::string> out;
  for (const std::string& alt : split(cell, " | ")) out.push_back(alt == "keep" ? current : alt);
  return out;
}

/// Every occurrence of `from` replaced by `to`.
inline std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
  return s;
}

}  // namespace tailor::corpus
