#pragma once

#include <cstddef>

namespace chorus {

// Makes the C library's malloc ask the kernel for transparent huge pages (glibc's
// glibc.malloc.hugetlb=1 tunable), by starting the program again with the tunable set when it
// is not. Why: a ten-million-post analysis allocates and frees gigabytes in 4 KB pages, and on
// a machine whose kernel does not preempt (and in virtual machines) those page faults and
// unmappings delayed the window's timers by 50-100 ms 25-34 times in an analysis; with huge
// pages no stall passed 50 ms (bench_ui_stall, docs/performance.md); chorus-cli's analysis of
// those posts took 4-17% less time at the same peak memory. Call first thing in
// main(), before any thread starts. Does nothing when the tunable is already given (a user's
// own GLIBC_TUNABLES that names it wins), when CHORUS_HUGE_PAGES=0, or off glibc; if the
// program cannot be started again it simply goes on.
void useHugePagesForMalloc(char **argv);

// Whether huge pages are wanted at all: false when CHORUS_HUGE_PAGES=0 (read once).
bool hugePagesWanted();

// Asks the kernel for transparent huge pages (MADV_HUGEPAGE) for `bytes` from `start` (page
// aligned) when they are wanted: the one place arrays of our own (common/HugePageAllocator,
// network/RepeatedPairFilter) ask. A hint: refused, or off Linux, the pages stay 4 KB.
void adviseHugePages(void *start, std::size_t bytes);

} // namespace chorus
