// Error wording for the .resume grammar: what an expectation failure expected, in words a
// user understands. Nothing is printed here; lowering reports it.
#pragma once

#include <boost/spirit/home/x3.hpp>
#include <map>
#include <string>

#include "grammar/resume/grammar.hpp"

namespace tailor::grammar::resume::parser {

namespace x3 = boost::spirit::x3;

/// Rule names are already human ("a section title"); literals come back quoted ("'}'").
inline std::string human_expected(const std::string& which) {
  static const std::map<std::string, std::string> kNames = {
      {"'}'", "'}' to close the tag list"},
      {"'\n'", "the end of the line"},
      {"eoi", "the end of the file"},
  };
  auto it = kNames.find(which);
  return it == kNames.end() ? which : it->second;
}

}  // namespace tailor::grammar::resume::parser
