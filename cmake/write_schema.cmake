# Writes `CLI schema` to OUTPUT (src/CMakeLists.txt). A script rather than a
# shell redirection, which add_custom_command does not make portable.
# EMULATOR: CMAKE_CROSSCOMPILING_EMULATOR, empty in a native build.
get_filename_component(dir ${OUTPUT} DIRECTORY)
file(MAKE_DIRECTORY ${dir})
execute_process(COMMAND ${EMULATOR} ${CLI} schema OUTPUT_FILE ${OUTPUT}.tmp RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  file(REMOVE ${OUTPUT}.tmp)
  message(FATAL_ERROR "ordernorm schema failed (${status}): ${CLI}")
endif()
file(RENAME ${OUTPUT}.tmp ${OUTPUT})
