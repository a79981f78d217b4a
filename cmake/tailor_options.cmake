# Per-target warnings and sanitizers (cmark's cmark_add_compile_options, fmt's FMT_WERROR).
function(tailor_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -pedantic -Wshadow -Wold-style-cast
                                           -Wnon-virtual-dtor)
  # GCC 12 at -O3 (Release) reports a bogus -Wrestrict inside libstdc++'s
  # operator+(const char*, std::string&&) (GCC PR 105329/105651, fixed in 13).
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  if(TAILOR_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(TAILOR_CLANG_TIDY)
    set_target_properties(${target} PROPERTIES CXX_CLANG_TIDY clang-tidy)
  endif()
endfunction()

if(TAILOR_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "TAILOR_FUZZ needs clang: CXX=clang++ cmake -DTAILOR_FUZZ=ON ...")
  endif()
  if(NOT TAILOR_BUILD_TESTS)
    message(FATAL_ERROR "TAILOR_FUZZ needs TAILOR_BUILD_TESTS=ON (the targets live in tests/fuzz)")
  endif()
  # Coverage for libFuzzer on every library, without its main: the same objects serve the
  # fuzz programs and the sanitizer test run (tailor_tests links normally).
  set(TAILOR_SANITIZE ON)
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

if(TAILOR_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()

if(TAILOR_COVERAGE)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "TAILOR_COVERAGE needs clang: CXX=clang++ cmake -DTAILOR_COVERAGE=ON ...")
  endif()
  add_compile_options(-fprofile-instr-generate -fcoverage-mapping)
  add_link_options(-fprofile-instr-generate)
endif()

find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
  set(CMAKE_CXX_COMPILER_LAUNCHER ${CCACHE_PROGRAM})
endif()
