include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS ordernorm EXPORT ordernorm-targets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS ordernorm_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})  # INSTALL_RPATH: src/
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
get_target_property(ORDERNORM_LIBRARY_TYPE ordernorm TYPE)  # which dependencies to find
configure_package_config_file(cmake/ordernorm-config.cmake.in
  ${PROJECT_BINARY_DIR}/ordernorm-config.cmake INSTALL_DESTINATION ${ORDERNORM_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/ordernorm-config-version.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/ordernorm-config.cmake
  ${PROJECT_BINARY_DIR}/ordernorm-config-version.cmake cmake/Findisal.cmake
  DESTINATION ${ORDERNORM_CMAKE_DIR})

# ordernorm.pc, for builds without CMake: `pkg-config --cflags --libs ordernorm`
# (a static library: `pkg-config --static ...`). Its paths are relative to
# the .pc file's own directory (${pcfiledir}), so that it works from any
# `cmake --install --prefix` and under DESTDIR.
set(_pc_dir ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
if(IS_ABSOLUTE "${_pc_dir}")
  set(ORDERNORM_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  file(RELATIVE_PATH _up "/p/${_pc_dir}" "/p")  # ../..
  string(REGEX REPLACE "/$" "" _up "${_up}")
  set(ORDERNORM_PC_PREFIX "\${pcfiledir}/${_up}")
endif()
foreach(_dir LIBDIR INCLUDEDIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${_dir}}")
    set(ORDERNORM_PC_${_dir} "${CMAKE_INSTALL_${_dir}}")
  else()
    set(ORDERNORM_PC_${_dir} "\${prefix}/${CMAKE_INSTALL_${_dir}}")
  endif()
endforeach()
if(ORDERNORM_LIBRARY_TYPE STREQUAL "STATIC_LIBRARY")
  # What a static libordernorm brings into its users' link (Debian's simdjson,
  # fmt, ISA-L and zstd ship .pc files; date is used header-only), and the
  # C++ runtime, for a C program. A shared library has them as its own
  # dependencies (DT_NEEDED), and its users name none.
  set(ORDERNORM_PC_PRIVATE "Requires.private: simdjson fmt libisal libzstd\nLibs.private: -lstdc++ -lm -pthread")
else()
  set(ORDERNORM_PC_PRIVATE "")
endif()
configure_file(cmake/ordernorm.pc.in ${PROJECT_BINARY_DIR}/ordernorm.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/ordernorm.pc DESTINATION ${_pc_dir})
