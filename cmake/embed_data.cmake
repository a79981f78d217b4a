# Writes a C++ source that holds every built-in data file (roles, styles, locales) as bytes,
# so an installed tailor needs no data folder. Run by src/CMakeLists.txt at build time:
#   cmake -DDATA_DIR=templates -DOUTPUT=builtin_data.cpp -P cmake/embed_data.cmake
# The files are named by their path under DATA_DIR ("styles/classic.style"), in name order.
if(NOT DATA_DIR OR NOT OUTPUT)
  message(FATAL_ERROR "embed_data.cmake needs -DDATA_DIR=... -DOUTPUT=...")
endif()
file(GLOB_RECURSE files RELATIVE "${DATA_DIR}" "${DATA_DIR}/roles/*.rules"
     "${DATA_DIR}/styles/*.style" "${DATA_DIR}/locales/*.locale")
list(SORT files)
set(arrays "")
set(table "")
set(i 0)
foreach(rel IN LISTS files)
  file(READ "${DATA_DIR}/${rel}" hex HEX)
  string(LENGTH "${hex}" hex_len)
  math(EXPR size "${hex_len} / 2")
  # 16 bytes a line; a trailing 0 keeps an empty file's array legal (the size excludes it).
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  string(REGEX REPLACE "((0x..,){16})" "\\1\n    " bytes "${bytes}")
  string(APPEND arrays "// ${rel}\nconst unsigned char k${i}[] = {\n    ${bytes}0};\n")
  string(APPEND table "    {\"${rel}\", {reinterpret_cast<const char*>(k${i}), ${size}}},\n")
  math(EXPR i "${i} + 1")
endforeach()
set(content "// Generated from templates/ by cmake/embed_data.cmake at build time: do not edit.
#include \"data/builtin.hpp\"

namespace tailor::data {

namespace {

${arrays}
const BuiltinFile kFiles[] = {
${table}};

}  // namespace

std::span<const BuiltinFile> builtin_files() { return kFiles; }

}  // namespace tailor::data
")
file(WRITE "${OUTPUT}" "${content}")
