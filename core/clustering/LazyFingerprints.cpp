#include "clustering/LazyFingerprints.h"

#include <algorithm>

namespace chorus {

namespace {

// Arena chunks of 1 MiB: few allocations, and little left unused at the end.
constexpr std::size_t ChunkValues = std::size_t(1) << 18;

} // namespace

void LazyFingerprints::reset(std::size_t items, Compute compute)
{
    m_compute = std::move(compute);
    m_sets = std::make_unique<std::atomic<const std::uint32_t *>[]>(items);
    const std::lock_guard lock(m_arenaMutex);
    m_chunks.clear();
    m_chunkUsed = 0;
    m_chunkSize = 0;
    m_computed.store(0);
}

const std::uint32_t *LazyFingerprints::store(const std::vector<std::uint32_t> &set) const
{
    const std::size_t needed = set.size() + 1;
    const std::lock_guard lock(m_arenaMutex);
    if (m_chunks.empty() || m_chunkSize - m_chunkUsed < needed) {
        // A set larger than a chunk (a text of a quarter million characters) gets its own.
        m_chunkSize = std::max(ChunkValues, needed);
        m_chunks.push_back(std::make_unique_for_overwrite<std::uint32_t[]>(m_chunkSize));
        m_chunkUsed = 0;
    }
    std::uint32_t *block = m_chunks.back().get() + m_chunkUsed;
    m_chunkUsed += needed;
    block[0] = std::uint32_t(set.size());
    std::copy(set.begin(), set.end(), block + 1);
    return block;
}

std::span<const std::uint32_t> LazyFingerprints::get(std::uint32_t item) const
{
    const std::uint32_t *block = m_sets[item].load(std::memory_order_acquire);
    if (!block) {
        thread_local std::vector<std::uint32_t> scratch;
        m_compute(item, scratch);
        const std::uint32_t *mine = store(scratch);
        if (m_sets[item].compare_exchange_strong(block, mine, std::memory_order_acq_rel)) {
            block = mine;
            m_computed.fetch_add(1);
        }
    }
    return {block + 1, block[0]};
}

} // namespace chorus
