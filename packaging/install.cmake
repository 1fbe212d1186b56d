# Install rules and the CPack .deb: binaries, desktop file, icons, AppStream metadata, the MIME
# type for .chorus case files. packaging/README.md explains the package.
set(CHORUS_APP_ID io.chorus.Chorus)
set(CHORUS_ICON_SIZES 16 24 32 48 64 128 256)

add_executable(chorus-render-icon ${CMAKE_SOURCE_DIR}/packaging/IconRenderer.cpp)
target_link_libraries(chorus-render-icon PRIVATE Qt6::Gui Qt6::Svg)
set(CHORUS_ICON_DIR ${CMAKE_BINARY_DIR}/icons)
set(CHORUS_ICON_PNGS)
foreach(size ${CHORUS_ICON_SIZES})
    list(APPEND CHORUS_ICON_PNGS ${CHORUS_ICON_DIR}/chorus-${size}.png)
endforeach()
add_custom_command(
    OUTPUT ${CHORUS_ICON_PNGS}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CHORUS_ICON_DIR}
    COMMAND ${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen $<TARGET_FILE:chorus-render-icon>
            ${CMAKE_SOURCE_DIR}/resources/icons/chorus.svg ${CHORUS_ICON_DIR} ${CHORUS_ICON_SIZES}
    DEPENDS chorus-render-icon ${CMAKE_SOURCE_DIR}/resources/icons/chorus.svg
    COMMENT "Rendering application icons")
add_custom_target(chorus-icons ALL DEPENDS ${CHORUS_ICON_PNGS})

install(FILES ${CMAKE_SOURCE_DIR}/packaging/${CHORUS_APP_ID}.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/${CHORUS_APP_ID}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/chorus-mime.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages RENAME chorus.xml)
install(FILES ${CMAKE_SOURCE_DIR}/resources/icons/chorus.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps RENAME ${CHORUS_APP_ID}.svg)
foreach(size ${CHORUS_ICON_SIZES})
    install(FILES ${CHORUS_ICON_DIR}/chorus-${size}.png
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps
            RENAME ${CHORUS_APP_ID}.png)
endforeach()
install(FILES ${CMAKE_SOURCE_DIR}/README.md ${CMAKE_SOURCE_DIR}/packaging/copyright
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/chorus)

# Manual pages and bash completion, made from the programs' own --help (make_manpages.py), and
# the Debian changelog, compressed without a time stamp so that the same sources give the same
# package.
# Sanitizer builds are not packaged (and their programs would report leaks at build time).
if(NOT CHORUS_SANITIZE)
    find_package(Python3 REQUIRED COMPONENTS Interpreter)
    set(CHORUS_MAN_DIR ${CMAKE_BINARY_DIR}/man)
    set(CHORUS_CHANGELOG ${CMAKE_SOURCE_DIR}/packaging/changelog)
    add_custom_command(
        OUTPUT ${CHORUS_MAN_DIR}/chorus.1.gz ${CHORUS_MAN_DIR}/chorus-cli.1.gz
               ${CHORUS_MAN_DIR}/chorus-cli.bash ${CHORUS_MAN_DIR}/changelog.gz
        COMMAND Python3::Interpreter ${CMAKE_SOURCE_DIR}/packaging/man/make_manpages.py
                $<TARGET_FILE:chorus> $<TARGET_FILE:chorus-cli> ${PROJECT_VERSION}
                ${CMAKE_SOURCE_DIR}/packaging ${CHORUS_MAN_DIR}
        DEPENDS chorus chorus-cli ${CMAKE_SOURCE_DIR}/packaging/man/make_manpages.py
                ${CMAKE_SOURCE_DIR}/packaging/man/chorus.extra
                ${CMAKE_SOURCE_DIR}/packaging/man/chorus-cli.extra ${CHORUS_CHANGELOG}
        COMMENT "Making the manual pages and bash completion from --help, compressing the changelog")
    add_custom_target(chorus-manpages ALL
        DEPENDS ${CHORUS_MAN_DIR}/chorus.1.gz ${CHORUS_MAN_DIR}/chorus-cli.1.gz
                ${CHORUS_MAN_DIR}/chorus-cli.bash ${CHORUS_MAN_DIR}/changelog.gz)
    install(FILES ${CHORUS_MAN_DIR}/chorus.1.gz ${CHORUS_MAN_DIR}/chorus-cli.1.gz
            DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
    install(FILES ${CHORUS_MAN_DIR}/chorus-cli.bash
            DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME chorus-cli)
    install(FILES ${CHORUS_MAN_DIR}/changelog.gz DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/chorus)
endif()

set(CPACK_PACKAGE_NAME "chorus")
set(CPACK_PACKAGE_VENDOR "Chorus developers")
set(CPACK_PACKAGE_CONTACT "Chorus developers <chorus@example.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Investigation workbench for coordinated posting campaigns")
# Debian wants the extended description in lines of at most 80 columns; CPack indents them.
set(CPACK_PACKAGE_DESCRIPTION [=[
Chorus helps journalists and investigators study coordinated posting
campaigns: bot and troll networks that post the same line from hundreds of
accounts, or flood a politician's replies with near-identical comments.
It loads post collections (X/Twitter exports, CooRTweet tables, any CSV)
into a local SQLite case file, clusters duplicate and near-duplicate texts,
links them into campaigns, builds the coordination network of the accounts,
scores account signals, shows where the accounts say they are, and exports
evidence (CSV, JSON, GraphML, GEXF, SVG, PDF).
It never fetches anything from the network on its own.
This package holds the workbench (chorus) and the command-line tool
(chorus-cli).]=])
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_DEBIAN_PACKAGE_SECTION "science")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Installed binaries are stripped (the build tree keeps the unstripped ones, with their symbols).
set(CPACK_STRIP_FILES ON)
# Loaded at run time as plugins, so dpkg-shlibdeps cannot see them.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6, qt6-qpa-plugins, fonts-dejavu-core")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "shared-mime-info, desktop-file-utils, fonts-noto-cjk | fonts-wqy-microhei")
include(CPack)
