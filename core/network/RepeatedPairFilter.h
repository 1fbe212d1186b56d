#pragma once

#include "common/HugePageMalloc.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <new>

#include <sys/mman.h>

namespace chorus {

// Which account pairs co-acted more than once: two bits per cell ("seen", "seen again"), one
// cell per pair hash (the pair's mix() in CoordinationNetworkBuilder). Every pair of weight 2
// or more co-acted at least twice, so its cell reads "again"; a pair that co-acted once
// passes only when another pair shares its cell: with eight to sixteen cells per co-action,
// one such pair in ten to twenty (more when the memory caps the filter). The builder then
// counts only the pairs that pass: a viral object's tens of millions of pairs that co-act
// once fill no table, and one or two passes do instead of dozens.
class RepeatedPairFilter
{
public:
    // Fresh pages from the system come zeroed, page by page as the walk first touches them,
    // instead of a memset of a hundred megabytes before the walk; and in 2 MB pages where
    // the kernel allows (transparent huge pages on request): the walks touch the cells at
    // random, and with 4 KB pages nearly every touch also missed the TLB.
    explicit RepeatedPairFilter(std::size_t bytes)
        : m_size(bytes / sizeof(std::uint64_t)),
          m_words(allocateZeroed(m_size * sizeof(std::uint64_t)))
    {
        m_cellMask = m_size * CellsPerWord - 1;
    }
    std::size_t bytes() const { return m_size * sizeof(std::uint64_t); }
    void prefetch(std::uint64_t hash) const { __builtin_prefetch(&m_words[word(hash)], 1); }
    // Safe from several threads at once.
    void add(std::uint64_t hash)
    {
        std::atomic_ref<std::uint64_t> w(m_words[word(hash)]);
        const std::uint64_t seen = std::uint64_t(1) << shift(hash);
        if (w.load(std::memory_order_relaxed) & (seen << 1))
            return;
        if (w.fetch_or(seen, std::memory_order_relaxed) & seen)
            w.fetch_or(seen << 1, std::memory_order_relaxed);
    }
    bool repeated(std::uint64_t hash) const { return (m_words[word(hash)] >> shift(hash)) & 2; }

private:
    static constexpr std::size_t CellsPerWord = 32;
    // The low bits pick the cell (the pass buckets take the top ten).
    std::size_t cell(std::uint64_t hash) const { return hash & m_cellMask; }
    std::size_t word(std::uint64_t hash) const { return cell(hash) / CellsPerWord; }
    unsigned shift(std::uint64_t hash) const { return unsigned(cell(hash) % CellsPerWord) * 2; }

    struct Unmap
    {
        std::size_t bytes = 0;
        void operator()(std::uint64_t *words) const { ::munmap(words, bytes); }
    };
    using Words = std::unique_ptr<std::uint64_t[], Unmap>;
    static Words allocateZeroed(std::size_t bytes)
    {
        void *block =
            ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (block == MAP_FAILED)
            throw std::bad_alloc();
        adviseHugePages(block, bytes);
        return Words(static_cast<std::uint64_t *>(block), Unmap{bytes});
    }

    std::size_t m_size;
    Words m_words;
    std::size_t m_cellMask = 0;
};

} // namespace chorus
