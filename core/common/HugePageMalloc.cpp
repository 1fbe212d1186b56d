#include "common/HugePageMalloc.h"

#include <cstdlib>
#include <cstring>
#include <string>

#if defined(__linux__) && defined(__GLIBC__)
#include <unistd.h>
#endif
#ifdef __linux__
#include <sys/mman.h>
#endif

namespace chorus {

bool hugePagesWanted()
{
    static const bool wanted = [] {
        const char *value = std::getenv("CHORUS_HUGE_PAGES");
        return !value || std::strcmp(value, "0") != 0;
    }();
    return wanted;
}

void adviseHugePages(void *start, std::size_t bytes)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    if (hugePagesWanted())
        madvise(start, bytes, MADV_HUGEPAGE);
#else
    (void)start;
    (void)bytes;
#endif
}

void useHugePagesForMalloc(char **argv)
{
#if defined(__linux__) && defined(__GLIBC__)
    if (!hugePagesWanted())
        return;
    const char *given = std::getenv("GLIBC_TUNABLES");
    const std::string tunables = given ? given : "";
    if (tunables.find("glibc.malloc.hugetlb") != std::string::npos)
        return; // set already: by us before the exec, or by the user
    const std::string value =
        tunables.empty() ? "glibc.malloc.hugetlb=1" : tunables + ":glibc.malloc.hugetlb=1";
    // The program's own file, by its real path: started through /proc/self/exe it would be
    // named "exe" in the process list.
    char path[4096];
    const ssize_t length = readlink("/proc/self/exe", path, sizeof path - 1);
    if (length <= 0 || setenv("GLIBC_TUNABLES", value.c_str(), 1) != 0)
        return;
    path[length] = '\0';
    execv(path, argv);
    // Only returns on failure: go on with the ordinary pages, and leave the environment as
    // it was for the programs this one starts.
    if (given)
        setenv("GLIBC_TUNABLES", given, 1);
    else
        unsetenv("GLIBC_TUNABLES");
#else
    (void)argv;
#endif
}

} // namespace chorus
