# The shared library exports its API and nothing else (issue 16): every
# dynamic symbol it defines is in namespace ordernorm (functions, vtables,
# type_info) or is a C function of include/ordernorm.h (ordernorm_*), and
# none names simdjson, fmt, Boost or date, nor the library's internals
# (detail::, a class's private impl); its SONAME is
# libordernorm.so.<major>.
# Inputs: LIBRARY (the .so), SONAME (its SONAME file name, from CMake),
#   EXPECTED_SONAME, NM, READELF.
cmake_minimum_required(VERSION 3.25)  # IN_LIST, script mode
execute_process(COMMAND "${READELF}" -d "${LIBRARY}" RESULT_VARIABLE rc OUTPUT_VARIABLE dynamic
                ERROR_VARIABLE dynamic)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "readelf -d ${LIBRARY} failed:\n${dynamic}")
endif()
if(NOT dynamic MATCHES "\\(SONAME\\)[^\n]*\\[([^]\n]*)\\]")
  message(FATAL_ERROR "${LIBRARY} has no SONAME:\n${dynamic}")
endif()
set(soname "${CMAKE_MATCH_1}")
if(NOT soname STREQUAL EXPECTED_SONAME OR NOT soname STREQUAL SONAME)
  message(FATAL_ERROR "SONAME ${soname}, expected ${EXPECTED_SONAME} (CMake: ${SONAME})")
endif()
get_filename_component(dir "${LIBRARY}" DIRECTORY)
if(NOT EXISTS "${dir}/${soname}")
  message(FATAL_ERROR "no ${soname} beside ${LIBRARY}")
endif()

# Defined dynamic symbols, mangled and demangled (nm lists both in the same
# order: sorted by the mangled name).
foreach(form mangled demangled)
  set(args -D --defined-only --format=posix)
  if(form STREQUAL "demangled")
    list(APPEND args --demangle)
  endif()
  execute_process(COMMAND "${NM}" ${args} "${LIBRARY}" RESULT_VARIABLE rc OUTPUT_VARIABLE out
                  ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "nm ${args} ${LIBRARY} failed:\n${err}")
  endif()
  # POSIX format: "name type value size"; the name is everything before the
  # last three fields (a demangled name has spaces).
  string(REGEX REPLACE " [A-Za-z] [0-9a-f]*( [0-9a-f]+)?\n" "\n" out "${out}")
  string(REPLACE ";" "\\;" out "${out}")
  string(REGEX REPLACE "\n$" "" out "${out}")
  string(REPLACE "\n" ";" ${form} "${out}")
endforeach()
list(LENGTH demangled count)
if(count LESS 20)
  message(FATAL_ERROR "only ${count} exported symbols in ${LIBRARY}:\n${demangled}")
endif()

set(bad "")
foreach(symbol IN LISTS demangled)
  # What the C++ ABI names after a class or function: strip it.
  string(REGEX REPLACE "^(vtable|VTT|typeinfo|typeinfo name|guard variable|construction vtable) for "
                       "" entity "${symbol}")
  string(REGEX REPLACE "^(non-)?virtual thunk to " "" entity "${entity}")
  if(symbol MATCHES "simdjson|fmt::|boost|date::|::detail::|::impl([^A-Za-z0-9_]|$)|::cli::")
    list(APPEND bad "${symbol}")
  elseif(NOT entity MATCHES "^ordernorm::" AND NOT entity MATCHES "^ordernorm_[a-z_]+$")
    list(APPEND bad "${symbol}")
  endif()
endforeach()
if(bad)
  list(LENGTH bad n)
  list(JOIN bad "\n  " bad)
  message(FATAL_ERROR "${LIBRARY} exports ${n} symbols outside its API:\n  ${bad}")
endif()

# And the API is there: the C interface whole, the C++ entry points.
foreach(wanted ordernorm_version ordernorm_abi_version ordernorm_status_name
               ordernorm_converter_options_init ordernorm_callbacks_init ordernorm_converter_new
               ordernorm_converter_free
               ordernorm_convert_bytes ordernorm_convert_file ordernorm_converter_counts
               ordernorm_converter_message)
  if(NOT wanted IN_LIST mangled)
    message(FATAL_ERROR "${LIBRARY} does not export ${wanted}")
  endif()
endforeach()
# (By the start of their demangled names: the rest depends on the standard
# library's spelling of its types.)
list(JOIN demangled "\n" all)
foreach(wanted "ordernorm::converter::converter(" "ordernorm::converter::convert("
               "ordernorm::reader::next(" "ordernorm::tracker::tracker(" "ordernorm::convert_file("
               "ordernorm::convert_one" "ordernorm::write_json(" "typeinfo for ordernorm::order_sink"
               "ordernorm::matches(" "ordernorm::add_filter_values" "ordernorm::write_csv("
               "ordernorm::write_csv_header(" "ordernorm::write_csv_line_items(")
  string(FIND "\n${all}" "\n${wanted}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${LIBRARY} does not export ${wanted}...")
  endif()
endforeach()
message("${LIBRARY}: SONAME ${soname}; ${count} exported symbols, all in namespace ordernorm "
        "or the C interface")
