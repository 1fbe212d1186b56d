# Builds the bundled demo case from the seeded synthetic generator, so that no binary case file
# lives in the repository. Run by the build as:
#   cmake -DGENERATOR=... -DCLI=... -DOUT_DIR=... -P BuildDemoCase.cmake
# Fictional accounts and posts only; the seed fixes every byte of the collection.
foreach(var GENERATOR CLI OUT_DIR)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "BuildDemoCase.cmake needs -D${var}=...")
    endif()
endforeach()

set(posts ${OUT_DIR}/demo-posts.csv)
set(case_file ${OUT_DIR}/demo.chorus)
file(MAKE_DIRECTORY ${OUT_DIR})
file(REMOVE ${case_file} ${case_file}-wal ${case_file}-shm)

function(run_step)
    execute_process(COMMAND ${ARGV} RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT result EQUAL 0)
        file(REMOVE ${case_file} ${case_file}-wal ${case_file}-shm)
        message(FATAL_ERROR "demo case: '${ARGV}' failed (${result}):\n${out}\n${err}")
    endif()
endfunction()

# The demo's audit trail names its maker, not whoever built it.
set(ENV{CHORUS_ANALYST} "Chorus demo builder")
run_step(${GENERATOR} --posts 30000 --accounts 2500 --seed 2026 --start 1727740800 --x-io ${posts})
run_step(${CLI} import ${case_file} ${posts})
run_step(${CLI} analyze ${case_file})
run_step(${CLI} network ${case_file} --type co-text,co-repost,co-reply,co-link,co-hashtag
         --window 60 --min-weight 2 -o ${OUT_DIR}/demo-network.graphml)
# Fold the write-ahead log into the file so the case is one self-contained file.
run_step(${CLI} info ${case_file})
file(REMOVE ${posts})
