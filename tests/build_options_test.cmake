# Configures ordernorm afresh with one option combination and checks what the
# build would make (issue 13 items 7 and 18). Configure only: building a
# whole tree is CI's job (.ci/run builds the clang fuzz tree whole).
# Inputs: MODE, SOURCE_DIR (the repository), WORK_DIR, GENERATOR,
#   CXX_COMPILER (the compiler of this build), CXX_COMPILER_ID.
#   default            a plain configure needs neither GoogleTest nor Google
#                      Benchmark and makes the library and the CLI only, without
#                      -Werror
#   developer          developer mode adds -Werror and the tests
#   fuzz_without_clang ORDERNORM_BUILD_FUZZERS with GCC is refused at configure
#                      time, with a message
#   fuzz_whole_tree    ORDERNORM_BUILD_FUZZERS with clang compiles and links
#                      every target of the tree with the sanitizers
#   postgres_without_libpq  without libpq, ORDERNORM_POSTGRES (on by default)
#                      is refused with the package to install, and
#                      -DORDERNORM_POSTGRES=OFF configures the tests without
#                      the PostgreSQL ones
# A mode whose compiler is not installed prints "SKIPPED: ..." (the test's
# SKIP_REGULAR_EXPRESSION).
file(REMOVE_RECURSE "${WORK_DIR}")

function(configure dir)
  execute_process(
    COMMAND "${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${dir}" -G "${GENERATOR}"
            -DCMAKE_BUILD_TYPE=Release ${ARGN}
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  set(configure_rc ${rc} PARENT_SCOPE)
  set(configure_out "${out}" PARENT_SCOPE)
endfunction()

function(targets_of dir out_var)
  execute_process(COMMAND "${CMAKE_COMMAND}" --build "${dir}" --target help
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cmake --build ${dir} --target help failed:\n${out}")
  endif()
  set(${out_var} "${out}" PARENT_SCOPE)
endfunction()

function(expect_configured)
  if(NOT configure_rc EQUAL 0)
    message(FATAL_ERROR "configuring failed:\n${configure_out}")
  endif()
endfunction()

if(MODE STREQUAL "default")
  # As a user without GoogleTest and Google Benchmark would.
  configure("${WORK_DIR}/b" "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}"
            -DCMAKE_DISABLE_FIND_PACKAGE_GTest=ON -DCMAKE_DISABLE_FIND_PACKAGE_benchmark=ON)
  expect_configured()
  targets_of("${WORK_DIR}/b" targets)
  foreach(wanted ordernorm ordernorm_cli)
    if(NOT targets MATCHES "(^|\n)(\\.\\.\\. )?${wanted}[:\n ]")
      message(FATAL_ERROR "a plain build lacks ${wanted}:\n${targets}")
    endif()
  endforeach()
  foreach(unwanted "_test[:\n ]" "ordernorm_bench" "ordernorm_gen" "fuzz_" "library_example")
    if(targets MATCHES "${unwanted}")
      message(FATAL_ERROR "a plain build makes more than the library and the CLI (${unwanted}):\n${targets}")
    endif()
  endforeach()
  file(READ "${WORK_DIR}/b/compile_commands.json" commands)
  if(commands MATCHES "-Werror")
    message(FATAL_ERROR "-Werror outside developer mode")
  endif()
  message("a plain build: the library and the CLI, no -Werror, no GoogleTest, no Google Benchmark")

elseif(MODE STREQUAL "developer")
  configure("${WORK_DIR}/b" "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}" -DORDERNORM_DEVELOPER_MODE=ON)
  expect_configured()
  targets_of("${WORK_DIR}/b" targets)
  if(NOT targets MATCHES "money_test")
    message(FATAL_ERROR "developer mode builds no tests:\n${targets}")
  endif()
  file(READ "${WORK_DIR}/b/compile_commands.json" commands)
  if(NOT commands MATCHES "-Werror")
    message(FATAL_ERROR "developer mode without -Werror")
  endif()
  message("developer mode: tests and -Werror")

elseif(MODE STREQUAL "fuzz_without_clang")
  if(CXX_COMPILER_ID STREQUAL "GNU")
    set(gcc "${CXX_COMPILER}")
  else()
    find_program(gcc NAMES g++ g++-12)
  endif()
  if(NOT gcc)
    message("SKIPPED: no GCC to configure with")
    return()
  endif()
  configure("${WORK_DIR}/b" "-DCMAKE_CXX_COMPILER=${gcc}" -DORDERNORM_BUILD_FUZZERS=ON)
  if(configure_rc EQUAL 0)
    message(FATAL_ERROR "ORDERNORM_BUILD_FUZZERS with GCC configured:\n${configure_out}")
  endif()
  if(NOT configure_out MATCHES "ORDERNORM_BUILD_FUZZERS needs clang")
    message(FATAL_ERROR "refused without saying why:\n${configure_out}")
  endif()
  message("ORDERNORM_BUILD_FUZZERS with GCC: refused at configure time")

elseif(MODE STREQUAL "fuzz_whole_tree")
  if(CXX_COMPILER_ID MATCHES "Clang")
    set(clang "${CXX_COMPILER}")
  else()
    find_program(clang NAMES clang++-14 clang++)
  endif()
  if(NOT clang)
    message("SKIPPED: no clang to configure with")
    return()
  endif()
  configure("${WORK_DIR}/b" "-DCMAKE_CXX_COMPILER=${clang}" -DORDERNORM_BUILD_FUZZERS=ON
            -DORDERNORM_BUILD_TESTS=ON)
  expect_configured()
  # Every translation unit of the tree is compiled with the sanitizers...
  file(READ "${WORK_DIR}/b/compile_commands.json" commands)
  string(REGEX MATCHALL "\"command\": \"[^\n]*" lines "${commands}")
  list(LENGTH lines n)
  if(n EQUAL 0)
    message(FATAL_ERROR "no compile commands")
  endif()
  foreach(line IN LISTS lines)
    if(NOT line MATCHES "-fsanitize=address,undefined")
      message(FATAL_ERROR "compiled without the sanitizers: ${line}")
    endif()
  endforeach()
  # ...and every executable links their runtimes (Ninja: LINK_FLAGS of each
  # link statement), the CLI above all (it did not: __asan_init).
  if(GENERATOR STREQUAL "Ninja")
    file(STRINGS "${WORK_DIR}/b/build.ninja" ninja)
    set(in_link "")
    set(linked 0)
    foreach(line IN LISTS ninja)
      if(line MATCHES "^build ([^:]+): CXX_EXECUTABLE_LINKER")
        set(in_link "${CMAKE_MATCH_1}")
        math(EXPR linked "${linked} + 1")
      elseif(in_link AND line MATCHES "^  LINK_FLAGS = ")
        if(NOT line MATCHES "-fsanitize=address,undefined")
          message(FATAL_ERROR "${in_link} links without the sanitizer runtimes: ${line}")
        endif()
        set(in_link "")
      elseif(in_link AND line STREQUAL "")
        message(FATAL_ERROR "${in_link} links without LINK_FLAGS")
      endif()
    endforeach()
    if(linked LESS 2)
      message(FATAL_ERROR "found ${linked} executables in build.ninja")
    endif()
  endif()
  message("ORDERNORM_BUILD_FUZZERS with clang: ${n} translation units and every executable "
          "with the sanitizers")

elseif(MODE STREQUAL "postgres_without_libpq")
  # As a user without libpq-dev would: find_package(PostgreSQL) finds nothing.
  configure("${WORK_DIR}/on" "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}"
            -DCMAKE_DISABLE_FIND_PACKAGE_PostgreSQL=ON)
  if(configure_rc EQUAL 0)
    message(FATAL_ERROR "configured without libpq:\n${configure_out}")
  endif()
  # CMake wraps long messages: compared with the line breaks made spaces.
  string(REGEX REPLACE "[ \n]+" " " flat "${configure_out}")
  if(NOT flat MATCHES "ORDERNORM_POSTGRES=ON \\(the default\\) needs libpq: apt-get install libpq-dev")
    message(FATAL_ERROR "refused without saying why:\n${configure_out}")
  endif()
  configure("${WORK_DIR}/off" "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}"
            -DCMAKE_DISABLE_FIND_PACKAGE_PostgreSQL=ON -DORDERNORM_POSTGRES=OFF
            -DORDERNORM_BUILD_TESTS=ON)
  expect_configured()
  targets_of("${WORK_DIR}/off" targets)
  if(NOT targets MATCHES "money_test")
    message(FATAL_ERROR "ORDERNORM_BUILD_TESTS=ON builds no tests:\n${targets}")
  endif()
  # (The work directory's name says postgres: target names are matched.)
  if(targets MATCHES "postgres_harness_test")
    message(FATAL_ERROR "ORDERNORM_POSTGRES=OFF still builds a PostgreSQL test:\n${targets}")
  endif()
  file(READ "${WORK_DIR}/off/tests/CTestTestfile.cmake" ctest_file)
  if(ctest_file MATCHES "Postgres\\.Cluster")
    message(FATAL_ERROR "ORDERNORM_POSTGRES=OFF still starts a PostgreSQL cluster")
  endif()
  message("without libpq: refused with the package to install; ORDERNORM_POSTGRES=OFF configures")

else()
  message(FATAL_ERROR "unknown MODE ${MODE}")
endif()
