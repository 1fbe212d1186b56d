#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace chorus {

// Finds the first of equal values among millions, by their 64-bit hashes: an open-addressing
// table of 8-byte slots (part of the hash and the first index), sized once for all values.
// Against std::unordered_map it allocates no node per value, so building it is faster and
// freeing it (when a run ends or is cancelled) takes no time.
class FirstSeenIndex
{
public:
    explicit FirstSeenIndex(std::size_t values)
        : m_slots(std::bit_ceil(std::max<std::size_t>(values + values / 2, 16))),
          m_mask(m_slots.size() - 1)
    {}

    // The first index recorded whose hash is `hash` and which `same(earlier)` says equals
    // `index`; when there is none, records `index` and returns it.
    template <typename Same>
    std::uint32_t firstOf(std::uint32_t index, std::uint64_t hash, Same same)
    {
        const auto tag = std::uint32_t(hash >> 32);
        for (std::size_t slot = std::size_t(hash) & m_mask;; slot = (slot + 1) & m_mask) {
            Slot &s = m_slots[slot];
            if (s.index == Empty) {
                s = {tag, index};
                return index;
            }
            if (s.tag == tag && same(s.index))
                return s.index;
        }
    }

private:
    static constexpr std::uint32_t Empty = 0xFFFFFFFFu;
    struct Slot
    {
        std::uint32_t tag = 0;
        std::uint32_t index = Empty;
    };
    std::vector<Slot> m_slots;
    std::size_t m_mask;
};

} // namespace chorus
