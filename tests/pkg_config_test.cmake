# Installs ordernorm into a fresh prefix, then builds a C and a C++ program
# against it without CMake, with `pkg-config --cflags --libs ordernorm` alone
# (and --static when the library installed is static), and runs them; then
# runs the installed CLI without LD_LIBRARY_PATH (issue 16).
# Inputs: BUILD_DIR (ordernorm's build tree), SOURCE_DIR (tests/), WORK_DIR,
#   PKG_CONFIG, CC, CXX, READELF, VERSION (the project's), LIBDIR and BINDIR
#   (CMAKE_INSTALL_LIBDIR and _BINDIR, relative to the prefix).
cmake_minimum_required(VERSION 3.25)  # IN_LIST, script mode
if(NOT PKG_CONFIG)
  message(FATAL_ERROR "pkg-config not found (apt-get install pkg-config)")
endif()
file(REMOVE_RECURSE "${WORK_DIR}")
set(prefix "${WORK_DIR}/prefix")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${prefix}"
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed")
endif()
set(libdir "${prefix}/${LIBDIR}")
if(NOT EXISTS "${libdir}/pkgconfig/ordernorm.pc")
  message(FATAL_ERROR "${LIBDIR}/pkgconfig/ordernorm.pc was not installed")
endif()
if(EXISTS "${libdir}/libordernorm.so")
  set(shared ON)
  set(static_flag "")
elseif(EXISTS "${libdir}/libordernorm.a")
  set(shared OFF)
  set(static_flag --static)  # the private dependencies too (Libs.private)
else()
  message(FATAL_ERROR "no libordernorm installed in ${libdir}")
endif()

# No LD_LIBRARY_PATH, nothing of the caller's PKG_CONFIG_PATH: only the prefix.
set(env "${CMAKE_COMMAND}" -E env --unset=LD_LIBRARY_PATH --unset=PKG_CONFIG_LIBDIR
        "PKG_CONFIG_PATH=${libdir}/pkgconfig")
function(pkg_config out_var)
  execute_process(COMMAND ${env} "${PKG_CONFIG}" ${ARGN} ordernorm
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err
                  OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "pkg-config ${ARGN} ordernorm failed:\n${err}")
  endif()
  set(${out_var} "${out}" PARENT_SCOPE)
endfunction()
pkg_config(modversion --modversion)
if(NOT modversion STREQUAL VERSION)
  message(FATAL_ERROR "ordernorm.pc says version ${modversion}, the project ${VERSION}")
endif()
pkg_config(flags --cflags --libs ${static_flag})
message("pkg-config --cflags --libs ${static_flag} ordernorm: ${flags}")
separate_arguments(flags UNIX_COMMAND "${flags}")
# The flags name the installed prefix, not the build tree or the sources.
file(REAL_PATH "${prefix}" real_prefix)
foreach(flag IN LISTS flags)
  if(flag MATCHES "^-[IL](.*)")
    file(REAL_PATH "${CMAKE_MATCH_1}" dir)
    string(FIND "${dir}/" "${real_prefix}/" at)
    if(NOT at EQUAL 0 AND NOT dir MATCHES "^/usr/")
      message(FATAL_ERROR "${flag} is outside the prefix ${prefix}")
    endif()
  endif()
endforeach()

# The README's examples, compiled and linked by plain compiler commands;
# the public headers ask for C++17 only.
execute_process(COMMAND "${CC}" -std=c99 "${SOURCE_DIR}/c_example.c" ${flags}
                        -o "${WORK_DIR}/c_consumer"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "compiling the C consumer with pkg-config's flags failed:\n${out}")
endif()
execute_process(COMMAND "${CXX}" -std=c++17 "${SOURCE_DIR}/library_example.cpp" ${flags}
                        -o "${WORK_DIR}/consumer"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "compiling the C++ consumer with pkg-config's flags failed:\n${out}")
endif()

# A program linked to a shared library outside the loader's paths finds it
# through LD_LIBRARY_PATH (pkg-config gives no RPATH).
set(run ${env})
if(shared)
  set(run "${CMAKE_COMMAND}" -E env "LD_LIBRARY_PATH=${libdir}")
  foreach(program consumer c_consumer)
    execute_process(COMMAND "${READELF}" -d "${WORK_DIR}/${program}" OUTPUT_VARIABLE dynamic)
    if(NOT dynamic MATCHES "\\(NEEDED\\)[^\n]*\\[libordernorm\\.so\\.[0-9]+\\]")
      message(FATAL_ERROR "${program} does not load libordernorm.so.<major>:\n${dynamic}")
    endif()
  endforeach()
endif()
execute_process(COMMAND ${run} "${WORK_DIR}/consumer" RESULT_VARIABLE rc OUTPUT_VARIABLE out
                ERROR_VARIABLE out)
message("${out}")
if(NOT rc EQUAL 0 OR NOT out MATCHES "\"remoteId\":\"450789469\"")
  message(FATAL_ERROR "the C++ consumer did not convert its order")
endif()
execute_process(COMMAND ${run} "${WORK_DIR}/c_consumer"
                        "${SOURCE_DIR}/../examples/shopify-with-bad-record.ndjson"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT rc EQUAL 0 OR NOT out MATCHES "\"remoteId\":\"5938450219335\""
   OR NOT err MATCHES "1 converted, 1 rejected")
  message(FATAL_ERROR "the C consumer did not convert the orders")
endif()

# The installed CLI runs from the prefix as it is, wherever it is: with a
# shared library, through its $ORIGIN-relative RUNPATH.
set(cli "${prefix}/${BINDIR}/ordernorm")
execute_process(COMMAND "${READELF}" -d "${cli}" OUTPUT_VARIABLE dynamic)
if(shared)
  if(NOT dynamic MATCHES "\\((RUNPATH|RPATH)\\)[^\n]*\\[([^]\n]*)\\]")
    message(FATAL_ERROR "the installed CLI has no RUNPATH:\n${dynamic}")
  endif()
  if(NOT CMAKE_MATCH_2 MATCHES "^\\$ORIGIN/")
    message(FATAL_ERROR "the installed CLI's RUNPATH is ${CMAKE_MATCH_2}, not $ORIGIN-relative")
  endif()
  if(NOT dynamic MATCHES "\\(NEEDED\\)[^\n]*\\[libordernorm\\.so\\.[0-9]+\\]")
    message(FATAL_ERROR "the installed CLI does not load libordernorm.so.<major>:\n${dynamic}")
  endif()
elseif(dynamic MATCHES "libordernorm")
  message(FATAL_ERROR "a static build's CLI loads libordernorm:\n${dynamic}")
endif()
execute_process(COMMAND ${env} "${cli}" --version RESULT_VARIABLE rc OUTPUT_VARIABLE out
                ERROR_VARIABLE out)
if(NOT rc EQUAL 0 OR NOT out MATCHES "${VERSION}")
  message(FATAL_ERROR "the installed CLI did not run without LD_LIBRARY_PATH:\n${out}")
endif()
execute_process(COMMAND ${env} "${cli}" convert "${SOURCE_DIR}/../examples/shopify-order.json"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out MATCHES "\"remoteId\":\"")
  message(FATAL_ERROR "the installed CLI did not convert an example:\n${out}${err}")
endif()
if(shared)
  message("shared: consumers linked to libordernorm.so; the installed CLI runs through its RUNPATH")
else()
  message("static: consumers linked with pkg-config --static; the installed CLI is self-contained")
endif()
