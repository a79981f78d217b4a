// The tailor executable: a thin shell around the library (ninja's ninja.cc).
#include <iostream>

#include "cli/cli.hpp"

int main(int argc, char** argv) { return tailor::cli::run(argc, argv, std::cout, std::cerr); }
