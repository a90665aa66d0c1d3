# `cmake --install`: the fengong binary, the static library libfengong.a with its public headers
# (include/fengong/), a CMake package (find_package(fengong) -> fengong::fengong), a pkg-config
# file (fengong.pc) and the JSON Schema (share/fengong/). Every file finds the others relative to
# its own place, so an install under any --prefix works.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

# The headers a consumer needs for ParseDocument, Emit, Load, Diff and the schema; none includes
# ICU, RE2 or yaml-cpp, and none includes a header outside this list (tests/e2e_install.sh checks).
set(FENGONG_PUBLIC_HEADERS
    lib/decode.h lib/diagnostics.h lib/diff.h lib/diff_align.h lib/diff_render.h lib/emit.h
    lib/emit_csv.h lib/grammar.h lib/grammar_builtin.h lib/load.h lib/model.h
    lib/model_simplify.h lib/pattern.h
    lib/pipeline.h lib/schema.h lib/status.h)
set(FENGONG_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/fengong)

target_include_directories(fengong_lib PUBLIC $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
install(TARGETS fengong RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS fengong_lib EXPORT fengongTargets ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(FILES ${FENGONG_PUBLIC_HEADERS} DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/fengong)
install(FILES ${CMAKE_SOURCE_DIR}/schemas/fengong-1.schema.json
        DESTINATION ${CMAKE_INSTALL_DATADIR}/fengong)

install(EXPORT fengongTargets NAMESPACE fengong:: DESTINATION ${FENGONG_CMAKE_DIR})
configure_package_config_file(${CMAKE_SOURCE_DIR}/cmake/fengongConfig.cmake.in
  ${CMAKE_BINARY_DIR}/fengongConfig.cmake INSTALL_DESTINATION ${FENGONG_CMAKE_DIR})
write_basic_package_version_file(${CMAKE_BINARY_DIR}/fengongConfigVersion.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES ${CMAKE_BINARY_DIR}/fengongConfig.cmake ${CMAKE_BINARY_DIR}/fengongConfigVersion.cmake
        DESTINATION ${FENGONG_CMAKE_DIR})

# pkg-config: the prefix is found from the .pc file's own folder.
file(RELATIVE_PATH FENGONG_PC_TO_PREFIX /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
configure_file(${CMAKE_SOURCE_DIR}/cmake/fengong.pc.in ${CMAKE_BINARY_DIR}/fengong.pc @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/fengong.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
