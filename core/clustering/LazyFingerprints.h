#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <vector>

namespace chorus {

// The sorted shingle fingerprints of each item, computed the first time an exact comparison
// needs them and then kept. Only pairs whose sketches pass need exact comparisons (on a
// million generated posts, a fifth of the distinct texts), so most items never pay for their
// fingerprints in time or memory.
//
// Thread-safe: get() may be called from several threads at once. Two threads asking for the
// same new item may both compute it; the first to publish wins and the other's copy is left
// unused in the arena (rare, and bounded by the items themselves).
class LazyFingerprints
{
public:
    // Writes the item's sorted fingerprints without repeats to `out` (cleared first).
    using Compute = std::function<void(std::uint32_t item, std::vector<std::uint32_t> &out)>;

    void reset(std::size_t items, Compute compute);
    std::span<const std::uint32_t> get(std::uint32_t item) const;
    // Items whose fingerprints have been computed so far (for statistics and tests).
    std::size_t computed() const { return m_computed.load(); }

private:
    // Copies `set` into the arena as [count, values...]; returns the block's start.
    const std::uint32_t *store(const std::vector<std::uint32_t> &set) const;

    Compute m_compute;
    // Per item: null until computed, then the arena block [count, values...].
    std::unique_ptr<std::atomic<const std::uint32_t *>[]> m_sets;
    mutable std::mutex m_arenaMutex;
    mutable std::vector<std::unique_ptr<std::uint32_t[]>> m_chunks;
    mutable std::size_t m_chunkUsed = 0;
    mutable std::size_t m_chunkSize = 0;
    mutable std::atomic<std::size_t> m_computed{0};
};

} // namespace chorus
