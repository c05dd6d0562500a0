# Runs the tests that read ../shared/ payloads with ORDERNORM_SHARED_DIR set to
# a folder that does not exist (issue 13 item 17), and checks that no case
# vanishes:
#   MODE=local (CI unset): each binary passes, and every case is reported as
#     skipped, by name, with the missing file named;
#   MODE=ci (CI=true): each binary fails, with every such case failed.
# The conformance cases are the reviewed outputs in tests/conformance/: each
# must show up, by its payload's file name, in the skip or failure messages.
# Inputs: MODE, CONFORMANCE_DIR (tests/conformance), MISSING_DIR,
#   CONFORMANCE_BIN, TRACKING_BIN (tracking_golden_test), OTHER_BINS (a
#   ;-list of other binaries with payload tests, e.g. bigcommerce_test).
if(MODE STREQUAL "ci")
  set(env_ci CI=true)
else()
  set(env_ci --unset=CI)
endif()

# Runs `bin`; sets `<prefix>_rc`, `<prefix>_out` and `<prefix>_count` (the
# number of tests skipped, MODE=local, or failed, MODE=ci).
function(run bin prefix)
  execute_process(
    COMMAND "${CMAKE_COMMAND}" -E env ${env_ci} "ORDERNORM_SHARED_DIR=${MISSING_DIR}" "${bin}"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(MODE STREQUAL "ci")
    set(summary "\\[  FAILED  \\] ([0-9]+) tests?, listed below")
  else()
    set(summary "\\[  SKIPPED \\] ([0-9]+) tests?, listed below")
  endif()
  set(count 0)
  if(out MATCHES "${summary}")
    set(count ${CMAKE_MATCH_1})
  endif()
  set(${prefix}_rc ${rc} PARENT_SCOPE)
  set(${prefix}_out "${out}" PARENT_SCOPE)
  set(${prefix}_count ${count} PARENT_SCOPE)
endfunction()

set(errors "")
macro(check_run bin prefix expected_count)
  run("${bin}" ${prefix})
  get_filename_component(_name "${bin}" NAME)
  if(MODE STREQUAL "ci" AND ${prefix}_rc EQUAL 0)
    string(APPEND errors "${_name} passed with CI=true and no payloads\n")
  elseif(NOT MODE STREQUAL "ci" AND NOT ${prefix}_rc EQUAL 0)
    string(APPEND errors "${_name} failed without payloads outside CI (rc ${${prefix}_rc})\n")
  endif()
  if("${expected_count}" STREQUAL "")
    if(${prefix}_count EQUAL 0)
      string(APPEND errors "${_name}: no test reported a missing payload\n")
    endif()
  elseif(NOT ${prefix}_count EQUAL ${expected_count})
    string(APPEND errors
           "${_name}: ${${prefix}_count} tests reported, ${expected_count} reviewed outputs\n")
  endif()
endmacro()

# The reviewed outputs name the cases: <platform>/<file>.json.expected.*
file(GLOB reviewed RELATIVE "${CONFORMANCE_DIR}" "${CONFORMANCE_DIR}/*/*.expected.ndjson"
     "${CONFORMANCE_DIR}/*/*.expected.reject")
set(order_cases "")
set(tracking_cases "")
foreach(r IN LISTS reviewed)
  string(REGEX REPLACE "\\.expected\\.(ndjson|reject)$" "" payload "${r}")
  if(payload MATCHES "^tracking/")
    list(APPEND tracking_cases "${payload}")
  else()
    list(APPEND order_cases "${payload}")
  endif()
endforeach()
list(REMOVE_DUPLICATES order_cases)
list(REMOVE_DUPLICATES tracking_cases)
list(LENGTH order_cases order_count)
list(LENGTH tracking_cases tracking_count)

check_run("${CONFORMANCE_BIN}" conformance ${order_count})
check_run("${TRACKING_BIN}" tracking ${tracking_count})
foreach(payload IN LISTS order_cases)
  string(FIND "${conformance_out}" "missing payload ${MISSING_DIR}/conformance/${payload}" at)
  if(at EQUAL -1)
    string(APPEND errors "conformance case ${payload} is not reported by name\n")
  endif()
endforeach()
foreach(payload IN LISTS tracking_cases)
  string(FIND "${tracking_out}" "missing payload ${MISSING_DIR}/conformance/${payload}" at)
  if(at EQUAL -1)
    string(APPEND errors "tracking conformance case ${payload} is not reported by name\n")
  endif()
endforeach()
foreach(bin IN LISTS OTHER_BINS)
  check_run("${bin}" other "")
endforeach()

if(errors)
  message(FATAL_ERROR "missing payloads (MODE=${MODE}):\n${errors}")
endif()
message("missing payloads (MODE=${MODE}): ${order_count} conformance and ${tracking_count} "
        "tracking conformance cases reported by name")
