#pragma once

#include "common/HugePageMalloc.h"

#include <cstddef>
#include <cstdlib>
#include <new>
#include <vector>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace chorus {

// An allocator that gives an array of a megabyte or more transparent huge pages of its own:
// aligned to 2 MB, rounded up to them and advised (MADV_HUGEPAGE), so that its first writes
// take a page fault every 2 MB rather than every 4 KB. The C library's malloc advises only
// arrays of 2 MB or more (with glibc.malloc.hugetlb=1, common/HugePageMalloc) and aligns none:
// a search's bits of a word's matches (1.25 MB at ten million posts) took 305 faults, 4-7 ms of
// a narrowed search's count on this machine's virtual CPUs, when first filled. Smaller arrays,
// and systems without huge pages, get the usual memory; CHORUS_HUGE_PAGES=0 turns the advice
// off, as it does the C library's (common/HugePageMalloc).
template <typename T> struct HugePageAllocator
{
    using value_type = T;
    static constexpr std::size_t HugePage = std::size_t(2) << 20;
    static constexpr std::size_t Smallest = std::size_t(1) << 20;

    HugePageAllocator() = default;
    template <typename U> HugePageAllocator(const HugePageAllocator<U> &) noexcept {}

    T *allocate(std::size_t n)
    {
        if (n > std::size_t(-1) / sizeof(T))
            throw std::bad_array_new_length();
        const std::size_t bytes = n * sizeof(T);
        if (bytes < Smallest)
            return static_cast<T *>(::operator new(bytes));
        const std::size_t rounded = (bytes + HugePage - 1) / HugePage * HugePage;
        void *p = std::aligned_alloc(HugePage, rounded);
        if (!p)
            throw std::bad_alloc();
#if defined(__linux__) && defined(MADV_HUGEPAGE)
        if (hugePagesWanted())
            madvise(p, rounded, MADV_HUGEPAGE); // a hint: refused, the pages are 4 KB
#endif
        return static_cast<T *>(p);
    }
    void deallocate(T *p, std::size_t n) noexcept
    {
        if (n * sizeof(T) < Smallest)
            ::operator delete(p);
        else
            std::free(p);
    }
    template <typename U> bool operator==(const HugePageAllocator<U> &) const noexcept
    {
        return true;
    }
};

template <typename T> using HugePageVector = std::vector<T, HugePageAllocator<T>>;

} // namespace chorus
