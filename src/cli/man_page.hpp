// tailor.1: the manual page, rendered from the same command table and option declarations as
// --help (help.hpp). The build writes it with the hidden `tailor --help-man`.
#pragma once

#include <string>

namespace tailor::cli {

/// The whole manual page as roff (man(7)). No date: the bytes depend only on the program.
std::string man_page();

}  // namespace tailor::cli
