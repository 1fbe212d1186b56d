// The libFuzzer entry points of chorus-fuzz: one program, the target chosen by the
// environment variable CHORUS_FUZZ_TARGET (run.sh sets it; `chorus-fuzz -help=1` is
// libFuzzer's own help). Built only with -DCHORUS_FUZZ=ON and clang.
#include "FuzzTargets.h"

#include <cstdio>
#include <cstdlib>
#include <string>

namespace {
std::string g_target;
}

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    const char *target = std::getenv("CHORUS_FUZZ_TARGET");
    g_target = target ? target : "";
    bool known = false;
    for (const std::string &name : chorus::fuzz::targetNames())
        known = known || name == g_target;
    if (!known) {
        std::fprintf(stderr, "chorus-fuzz: set CHORUS_FUZZ_TARGET to one of:");
        for (const std::string &name : chorus::fuzz::targetNames())
            std::fprintf(stderr, " %s", name.c_str());
        std::fprintf(stderr, "\n");
        std::exit(2);
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    chorus::fuzz::runTarget(g_target, data, size);
    return 0;
}
