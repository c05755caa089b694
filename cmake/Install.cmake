# What `cmake --install` puts where (GNU layout under the prefix), and the
# Debian packages CPack makes of it (scripts/package.sh):
#   triage      the command, the shipped rule set and its tests, the guides,
#               the man pages and the bash completion
#   triage-dev  the engine as a static library with its headers and
#               find_package(triage)
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS triage RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT triage)
install(FILES rules/lokale-driehoek.yaml rules/lokale-driehoek.test.yaml
  DESTINATION ${CMAKE_INSTALL_DATADIR}/triage/rules COMPONENT triage)
install(FILES schema/triage-rules.schema.json DESTINATION ${CMAKE_INSTALL_DATADIR}/triage/schema
  COMPONENT triage)
install(DIRECTORY examples/cases DESTINATION ${CMAKE_INSTALL_DATADIR}/triage/examples
  COMPONENT triage)
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT triage)
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT triage
  FILES_MATCHING PATTERN "*.md" PATTERN "*.png")
install(FILES packaging/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT triage)
install(FILES ${CMAKE_BINARY_DIR}/packaging/changelog.Debian.gz
  DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT triage)
install(DIRECTORY ${CMAKE_BINARY_DIR}/cli/man/ DESTINATION ${CMAKE_INSTALL_MANDIR}/man1
  COMPONENT triage FILES_MATCHING PATTERN "*.1.gz")
install(FILES ${CMAKE_BINARY_DIR}/cli/completion/triage
  DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions COMPONENT triage)
install(FILES packaging/lintian-overrides DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides
  RENAME triage COMPONENT triage)

# The engine, for a case system in C++ that embeds it.
install(TARGETS triage_engine EXPORT triageTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT triage-dev)
install(DIRECTORY engine/include/triage DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  COMPONENT triage-dev FILES_MATCHING PATTERN "*.h")
install(FILES ${CMAKE_BINARY_DIR}/engine/include/triage/version.h
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/triage COMPONENT triage-dev)
set(TRIAGE_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/triage)
install(EXPORT triageTargets NAMESPACE triage:: DESTINATION ${TRIAGE_CMAKE_DIR}
  COMPONENT triage-dev)
configure_package_config_file(cmake/triageConfig.cmake.in
  ${CMAKE_BINARY_DIR}/cmake/triageConfig.cmake INSTALL_DESTINATION ${TRIAGE_CMAKE_DIR})
write_basic_package_version_file(${CMAKE_BINARY_DIR}/cmake/triageConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_BINARY_DIR}/cmake/triageConfig.cmake
  ${CMAKE_BINARY_DIR}/cmake/triageConfigVersion.cmake
  DESTINATION ${TRIAGE_CMAKE_DIR} COMPONENT triage-dev)
install(FILES packaging/copyright DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/triage-dev
  COMPONENT triage-dev)
install(FILES ${CMAKE_BINARY_DIR}/packaging/changelog.Debian.gz
  DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/triage-dev COMPONENT triage-dev)
install(FILES packaging/lintian-overrides DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides
  RENAME triage-dev COMPONENT triage-dev)

# Debian's changelog (changelog.Debian.gz: the package has a Debian
# revision, -1), compressed as Debian wants it (written from the
# version, so that it names the version packaged).
file(MAKE_DIRECTORY ${CMAKE_BINARY_DIR}/packaging)
configure_file(packaging/changelog.in ${CMAKE_BINARY_DIR}/packaging/changelog @ONLY)
add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/packaging/changelog.Debian.gz
  COMMAND sh -c "gzip -9n -c '${CMAKE_BINARY_DIR}/packaging/changelog' > '${CMAKE_BINARY_DIR}/packaging/changelog.Debian.gz'"
  DEPENDS ${CMAKE_BINARY_DIR}/packaging/changelog
  VERBATIM)
add_custom_target(triage_changelog ALL DEPENDS ${CMAKE_BINARY_DIR}/packaging/changelog.Debian.gz)

set(CPACK_PACKAGE_NAME triage)
set(CPACK_PACKAGE_VENDOR "triage")
set(CPACK_PACKAGE_CONTACT "triage maintainers <triage@example.org>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL triage triage-dev)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://example.org/triage")
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
# The runtime libraries the binary links, as dpkg-shlibdeps finds them.
set(CPACK_DEBIAN_TRIAGE_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_TRIAGE_PACKAGE_NAME triage)
set(CPACK_DEBIAN_TRIAGE_PACKAGE_RECOMMENDS "bash-completion, graphviz")
set(CPACK_DEBIAN_TRIAGE_DESCRIPTION
 "rules engine for the Dutch lokale driehoek
Policy staff write a rule set in YAML; triage compiles it into a decision
graph and routes each case of intimidation of local office holders and civil
servants through legal means to de-escalation, the Ondersteuningsteam
Weerbaar Bestuur, the RIEC/LIEC legal support desk or the prosecution
service. It checks a rule set over every possible case, asks a triage
officer only the questions that still matter, keeps a tamper-evident
register of decisions and monitors them without naming anyone.")
# The engine's headers and static library need the -dev packages of what it
# links (a static library has no shared-library dependencies to find).
set(CPACK_DEBIAN_TRIAGE-DEV_PACKAGE_NAME triage-dev)
set(CPACK_DEBIAN_TRIAGE-DEV_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_TRIAGE-DEV_PACKAGE_DEPENDS
  "libfmt-dev, libyaml-cpp-dev, libsimdjson-dev, libssl-dev, libsqlite3-dev, libpq-dev, libcadical-dev, pkg-config")
set(CPACK_DEBIAN_TRIAGE-DEV_DESCRIPTION
 "rules engine for the Dutch lokale driehoek (C++ library)
The triage engine as a static C++ library with its headers and a CMake
package (find_package(triage), target triage::engine), for a case system
that embeds the engine: load and check a rule set, route cases, write
decision records.")
include(CPack)
set_target_properties(triage_engine PROPERTIES EXPORT_NAME engine)
