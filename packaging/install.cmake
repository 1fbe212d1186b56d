# Install rules and CPack settings (the .deb is completed by the packaging issue).
set(CPACK_PACKAGE_NAME "chorus")
set(CPACK_PACKAGE_VENDOR "Chorus developers")
set(CPACK_PACKAGE_CONTACT "Chorus developers <chorus@example.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_GENERATOR "DEB")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
include(CPack)
