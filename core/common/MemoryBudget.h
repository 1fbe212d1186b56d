#pragma once

#include <cstdint>
#include <string>

namespace chorus {

// How much memory one job may use. A job that would need more either takes a path that
// needs less (the network builder counts pairs in more passes) or stops before it allocates,
// with a message that says how much it needs, rather than meet the kernel's OOM killer. The
// need is an estimate from measured runs (docs/performance.md), and the default budget is
// half of the machine's RAM, not of a container's memory limit.
struct MemoryBudget
{
    std::uint64_t bytes = 0;

    // CHORUS_MEMORY_BUDGET (in MiB) when it is set to a positive number, else half of this
    // machine's RAM.
    static MemoryBudget standard();
    // From a job's option: `megabytes` when positive, else standard().
    static MemoryBudget orStandard(std::int64_t megabytes);
    static std::uint64_t machineBytes();
};

// "6.1 GB", "850 MB": for messages.
std::string formatMemory(std::uint64_t bytes);

} // namespace chorus
