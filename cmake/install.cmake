include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS ordernorm EXPORT ordernorm-targets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS ordernorm_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# Only the public headers: detail/ holds the mapping engine, which needs
# simdjson and is not part of the API.
install(DIRECTORY include/ordernorm DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  PATTERN detail EXCLUDE)
install(FILES include/ordernorm.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})  # the C interface
# Apache-2.0: the text beside the documentation, the name in the package
# config (ordernorm_LICENSE).
install(FILES LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR})
# The JSON Schema of the output (`ordernorm schema`), written at build time.
install(FILES ${ORDERNORM_SCHEMA_FILE} DESTINATION ${CMAKE_INSTALL_DATADIR}/ordernorm)

set(ORDERNORM_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/ordernorm)
install(EXPORT ordernorm-targets NAMESPACE ordernorm:: DESTINATION ${ORDERNORM_CMAKE_DIR})
configure_package_config_file(cmake/ordernorm-config.cmake.in
  ${PROJECT_BINARY_DIR}/ordernorm-config.cmake INSTALL_DESTINATION ${ORDERNORM_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/ordernorm-config-version.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/ordernorm-config.cmake
  ${PROJECT_BINARY_DIR}/ordernorm-config-version.cmake cmake/Findisal.cmake
  DESTINATION ${ORDERNORM_CMAKE_DIR})
