# HarfBuzz and hb-subset linked into the binary from Debian's own source package, with fontconfig,
# FreeType, Expat and Brotli from their Debian archives (docs/performance.md, "A mostly static
# PDF stack"). Debian 12 ships no static HarfBuzz, and the shared one brings nine more shared
# objects into every process (GLib, PCRE2, Graphite2, FreeType, Brotli twice, fontconfig, Expat,
# hb-subset): about 1.2 ms of each process's start-up on the development machine.
#
# TAILOR_HARFBUZZ_SOURCE is the unpacked source of the libharfbuzz-dev version installed
# (scripts/fetch-harfbuzz-source prints it). Empty: the shared libraries, as before.
#
# Defines tailor_pdf_stack, an interface target with HarfBuzz, hb-subset and fontconfig.

set(TAILOR_HARFBUZZ_SOURCE "" CACHE PATH
    "Debian's unpacked HarfBuzz source (scripts/fetch-harfbuzz-source): link HarfBuzz statically")

add_library(tailor_pdf_stack INTERFACE)
if(NOT TAILOR_HARFBUZZ_SOURCE)
  target_link_libraries(tailor_pdf_stack INTERFACE PkgConfig::HARFBUZZ_SUBSET PkgConfig::FONTCONFIG)
  return()
endif()
if(NOT TAILOR_STATIC_LIBS)
  message(FATAL_ERROR "TAILOR_HARFBUZZ_SOURCE needs the static runtime (not a sanitizer build)")
endif()

set(_hb_src ${TAILOR_HARFBUZZ_SOURCE}/src)
if(NOT EXISTS ${_hb_src}/harfbuzz-subset.cc OR NOT EXISTS ${_hb_src}/hb-version.h)
  message(FATAL_ERROR "TAILOR_HARFBUZZ_SOURCE=${TAILOR_HARFBUZZ_SOURCE} holds no HarfBuzz source")
endif()
# The source must be the version the headers and the golden files were made with: the one
# Debian installed.
file(STRINGS ${_hb_src}/hb-version.h _hb_version_line REGEX "^#define HB_VERSION_STRING ")
string(REGEX MATCH "\"([^\"]+)\"" _ "${_hb_version_line}")
if(NOT CMAKE_MATCH_1 STREQUAL HARFBUZZ_SUBSET_VERSION)
  message(FATAL_ERROR "HarfBuzz source ${CMAKE_MATCH_1} is not the installed ${HARFBUZZ_SUBSET_VERSION}")
endif()

# HarfBuzz's own single-file build of the library and hb-subset, configured as Debian's build
# is on Linux (POSIX mmap and threads), without the FreeType, GLib, Graphite2 and ICU bindings,
# which Tailor does not call: shaping uses HarfBuzz's built-in Unicode data either way.
add_library(tailor_harfbuzz STATIC ${_hb_src}/harfbuzz-subset.cc)
target_include_directories(tailor_harfbuzz SYSTEM PUBLIC ${_hb_src})
target_compile_definitions(tailor_harfbuzz PRIVATE HAVE_ATEXIT HAVE_GETPAGESIZE HAVE_ISATTY
                                                   HAVE_MMAP HAVE_MPROTECT HAVE_PTHREAD
                                                   HAVE_STDBOOL_H HAVE_SYSCONF HAVE_SYS_MMAN_H
                                                   HAVE_UNISTD_H)
# Debian's optimisation level in every build type, and no warnings: it is not our code.
target_compile_options(tailor_harfbuzz PRIVATE -O2 -w -fno-exceptions -fno-rtti)
target_link_libraries(tailor_harfbuzz PUBLIC pthread)

set(_fontconfig_archives)
foreach(_lib fontconfig freetype expat brotlidec brotlicommon)
  find_library(TAILOR_${_lib}_A NAMES lib${_lib}.a REQUIRED)
  list(APPEND _fontconfig_archives ${TAILOR_${_lib}_A})
endforeach()
target_include_directories(tailor_pdf_stack SYSTEM INTERFACE ${FONTCONFIG_INCLUDE_DIRS})
# FreeType's PNG and zlib come from the shared libraries libharu needs anyway.
target_link_libraries(tailor_pdf_stack INTERFACE tailor_harfbuzz ${_fontconfig_archives}
                                                 PkgConfig::LIBPNG ZLIB::ZLIB m)
