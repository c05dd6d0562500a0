# ISA-L (Debian's libisal-dev) ships no CMake package: this finds its header
# and library and defines isal::isal. Installed beside ordernorm's package
# config, which needs it for a static libordernorm.
find_path(isal_INCLUDE_DIR isa-l/igzip_lib.h)
find_library(isal_LIBRARY isal)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(isal REQUIRED_VARS isal_LIBRARY isal_INCLUDE_DIR)
mark_as_advanced(isal_INCLUDE_DIR isal_LIBRARY)
if(isal_FOUND AND NOT TARGET isal::isal)
  add_library(isal::isal UNKNOWN IMPORTED)
  set_target_properties(isal::isal PROPERTIES
    IMPORTED_LOCATION "${isal_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${isal_INCLUDE_DIR}")
endif()
