#pragma once

#include "common/HugePageMalloc.h"

#include <cstddef>
#include <cstdlib>
#include <new>
#include <vector>

namespace chorus {

// An allocator that gives an array of a megabyte or more transparent huge pages of its own:
// aligned to 2 MB, rounded up to them and advised (MADV_HUGEPAGE), so that its first writes
// take a page fault every 2 MB rather than every 4 KB. The C library's malloc advises only
// arrays of 2 MB or more (with glibc.malloc.hugetlb=1, common/HugePageMalloc) and aligns none:
// a search's bits of a word's matches (1.25 MB at ten million posts) took 305 faults, 4-7 ms of
// a narrowed search's count on this machine's virtual CPUs, when first filled. Smaller arrays
// get the usual memory, and all of them do with CHORUS_HUGE_PAGES=0 (common/HugePageMalloc);
// where the kernel has no huge pages, a large one is aligned and rounded up all the same.
template <typename T> struct HugePageAllocator
{
    using value_type = T;
    static constexpr std::size_t HugePage = std::size_t(2) << 20;
    static constexpr std::size_t Smallest = std::size_t(1) << 20;

    HugePageAllocator() = default;
    template <typename U> HugePageAllocator(const HugePageAllocator<U> &) noexcept {}

    T *allocate(std::size_t n)
    {
        if (n > (std::size_t(-1) - HugePage) / sizeof(T))
            throw std::bad_array_new_length();
        if (!ownHugePages(n))
            return static_cast<T *>(::operator new(n * sizeof(T)));
        const std::size_t rounded = (n * sizeof(T) + HugePage - 1) / HugePage * HugePage;
        void *p = std::aligned_alloc(HugePage, rounded);
        if (!p)
            throw std::bad_alloc();
        adviseHugePages(p, rounded);
        return static_cast<T *>(p);
    }
    void deallocate(T *p, std::size_t n) noexcept
    {
        if (ownHugePages(n))
            std::free(p);
        else
            ::operator delete(p);
    }
    template <typename U> bool operator==(const HugePageAllocator<U> &) const noexcept
    {
        return true;
    }

private:
    // Large enough, and huge pages wanted (the same answer for the whole run).
    static bool ownHugePages(std::size_t n)
    {
        return n * sizeof(T) >= Smallest && hugePagesWanted();
    }
};

template <typename T> using HugePageVector = std::vector<T, HugePageAllocator<T>>;

} // namespace chorus
