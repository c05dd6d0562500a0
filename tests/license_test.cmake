# The license (issue 13 item 8): LICENSE is the Apache License 2.0, README.md
# says so, and so does the installed CMake package (ordernorm_LICENSE, and the
# text under share/doc/ordernorm/).
# Inputs: BUILD_DIR (ordernorm's build tree), SOURCE_DIR (the repository),
#   WORK_DIR.
file(READ "${SOURCE_DIR}/LICENSE" license)
if(NOT license MATCHES "^[ \n]*Apache License\n[ ]*Version 2\\.0, January 2004")
  message(FATAL_ERROR "LICENSE is not the Apache License 2.0")
endif()
file(READ "${SOURCE_DIR}/README.md" readme)
if(NOT readme MATCHES "\n## License\n\nApache License 2\\.0 \\(\\[LICENSE\\]\\(LICENSE\\)\\)")
  message(FATAL_ERROR "README.md's License section does not state the Apache License 2.0")
endif()

file(REMOVE_RECURSE "${WORK_DIR}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${WORK_DIR}/prefix"
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed")
endif()
file(GLOB_RECURSE installed "${WORK_DIR}/prefix/*/doc/ordernorm/LICENSE")
if(NOT installed)
  message(FATAL_ERROR "the package does not install LICENSE under share/doc/ordernorm/")
endif()
file(READ "${installed}" installed_license)
if(NOT installed_license STREQUAL license)
  message(FATAL_ERROR "the installed LICENSE differs from the repository's")
endif()
file(GLOB_RECURSE config "${WORK_DIR}/prefix/*/cmake/ordernorm/ordernorm-config.cmake")
if(NOT config)
  message(FATAL_ERROR "no installed ordernorm-config.cmake")
endif()
# What find_package(ordernorm) sets, without the dependency lookups.
file(STRINGS "${config}" line REGEX "^set\\(ordernorm_LICENSE ")
if(NOT line STREQUAL "set(ordernorm_LICENSE \"Apache-2.0\")")
  message(FATAL_ERROR "ordernorm-config.cmake does not set ordernorm_LICENSE to Apache-2.0")
endif()
message("Apache-2.0: LICENSE, README.md, ${installed}, ordernorm_LICENSE")
