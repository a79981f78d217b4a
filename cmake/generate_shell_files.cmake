# Writes the man page and the shell completions with the freshly built tailor, from the same
# option declarations that --help prints. Run by cmake/install.cmake at build time:
#   cmake -DTAILOR=path/to/tailor -DOUT=dir -P cmake/generate_shell_files.cmake
foreach(spec "--help-man;tailor.1" "completion;bash;tailor.bash" "completion;zsh;_tailor"
             "completion;fish;tailor.fish")
  list(POP_BACK spec file)
  execute_process(COMMAND "${TAILOR}" ${spec} OUTPUT_FILE "${OUT}/${file}" RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "tailor ${spec} failed (${rc})")
  endif()
endforeach()
