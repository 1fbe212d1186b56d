#include "common/MemoryBudget.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace chorus {

std::uint64_t MemoryBudget::machineBytes()
{
    const long pages = sysconf(_SC_PHYS_PAGES);
    const long pageSize = sysconf(_SC_PAGE_SIZE);
    if (pages <= 0 || pageSize <= 0)
        return std::uint64_t(8) << 30; // unknown: assume a small machine
    return std::uint64_t(pages) * std::uint64_t(pageSize);
}

namespace {

// MiB to bytes, saturating: a budget too large to count in bytes is no limit at all.
std::uint64_t bytesOfMegabytes(std::uint64_t megabytes)
{
    return megabytes > (UINT64_MAX >> 20) ? UINT64_MAX : megabytes << 20;
}

} // namespace

MemoryBudget MemoryBudget::standard()
{
    if (const char *variable = std::getenv("CHORUS_MEMORY_BUDGET")) {
        // Digits only: strtoull would take "-1" for the largest number.
        char *end = nullptr;
        const bool digits = *variable >= '0' && *variable <= '9';
        const unsigned long long megabytes = std::strtoull(variable, &end, 10);
        if (digits && *end == 0 && megabytes > 0)
            return {bytesOfMegabytes(megabytes)};
    }
    return {machineBytes() / 2};
}

MemoryBudget MemoryBudget::orStandard(std::int64_t megabytes)
{
    return megabytes > 0 ? MemoryBudget{bytesOfMegabytes(std::uint64_t(megabytes))} : standard();
}

std::string formatMemory(std::uint64_t bytes)
{
    char text[32];
    if (bytes >= (std::uint64_t(1) << 30))
        std::snprintf(text, sizeof text, "%.1f GB", double(bytes) / double(1 << 30));
    else
        std::snprintf(text, sizeof text, "%.0f MB", double(bytes) / double(1 << 20));
    return text;
}

} // namespace chorus
