// Error handling for the .resume grammar: the top rule records where an expectation failed and
// what was expected, in words a user understands. Nothing is printed here; lowering reports it.
#pragma once

#include <boost/spirit/home/x3.hpp>
#include <map>
#include <string>

#include "grammar/resume/grammar.hpp"

namespace tailor::grammar::resume::parser {

namespace x3 = boost::spirit::x3;

/// Tag for the SyntaxError sink in the parse context.
struct error_sink_tag;

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

/// Attached to the top rule only (inner handlers cause cascades of bogus errors).
struct error_handler {
  template <typename Iterator, typename Exception, typename Context>
  x3::error_handler_result on_error(Iterator&, Iterator const&, Exception const& x,
                                    Context const& context) {
    SyntaxError& sink = x3::get<error_sink_tag>(context).get();
    if (sink.where == nullptr) {
      sink.where = &*x.where();
      sink.expected = human_expected(x.which());
    }
    return x3::error_handler_result::fail;
  }
};

}  // namespace tailor::grammar::resume::parser
