# The public headers need the standard library only (issue 16): the headers
# that ordernorm/ordernorm.hpp pulls in, as C++17, name no Boost (nor
# simdjson, fmt, date) header. Inputs: CXX (the compiler), INCLUDE_DIR.
execute_process(COMMAND "${CXX}" -std=c++17 -I "${INCLUDE_DIR}" -M -x c++
                        "${INCLUDE_DIR}/ordernorm/ordernorm.hpp"
                RESULT_VARIABLE rc OUTPUT_VARIABLE deps ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the public headers do not compile as C++17:\n${err}")
endif()
foreach(library boost simdjson fmt date)
  if(deps MATCHES "/${library}/")
    message(FATAL_ERROR "the public headers include ${library}'s:\n${deps}")
  endif()
endforeach()
if(NOT deps MATCHES "ordernorm/model.hpp")
  message(FATAL_ERROR "the dependency list is not what was asked for:\n${deps}")
endif()
