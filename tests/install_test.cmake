# Installs ordernorm into a fresh prefix, then configures, builds and runs a
# separate consumer project against it with find_package(ordernorm).
# Inputs: BUILD_DIR (ordernorm's build tree), SOURCE_DIR (tests/), WORK_DIR.
file(REMOVE_RECURSE "${WORK_DIR}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${WORK_DIR}/prefix"
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" -S "${SOURCE_DIR}/install_consumer" -B "${WORK_DIR}/build"
                        "-DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix" -DCMAKE_BUILD_TYPE=Release
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "configuring the consumer against the installed package failed")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" --build "${WORK_DIR}/build" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "building the consumer failed")
endif()
execute_process(COMMAND "${WORK_DIR}/build/consumer" RESULT_VARIABLE rc OUTPUT_VARIABLE out)
message("${out}")
if(NOT rc EQUAL 0 OR NOT out MATCHES "\"remoteId\":\"450789469\"")
  message(FATAL_ERROR "the consumer did not convert its order")
endif()
execute_process(COMMAND "${WORK_DIR}/build/c_consumer" "${SOURCE_DIR}/../examples/shopify-orders.ndjson"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out)
message("${out}")
if(NOT rc EQUAL 0 OR NOT out MATCHES "\"remoteId\":\"5938450219337\"")
  message(FATAL_ERROR "the C consumer did not convert the orders")
endif()
if(NOT EXISTS "${WORK_DIR}/prefix/include/ordernorm.h")
  message(FATAL_ERROR "the C header ordernorm.h was not installed")
endif()
# Issue 16: the schema ships with the library.
if(NOT EXISTS "${WORK_DIR}/prefix/share/ordernorm/order.schema.json")
  message(FATAL_ERROR "share/ordernorm/order.schema.json was not installed")
endif()
if(EXISTS "${WORK_DIR}/prefix/include/ordernorm/detail")
  message(FATAL_ERROR "private headers (detail/) were installed")
endif()
