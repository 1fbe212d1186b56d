#include "import/bluesky/RecordLedger.h"

namespace chorus {

namespace {

// FNV-1a, then a final mix so that URIs differing only in their last characters (record keys
// are time-ordered) spread over the whole table.
std::uint64_t hashBytes(std::string_view bytes)
{
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (const char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ull;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
}

} // namespace

std::uint64_t RecordLedger::keyOf(std::string_view uri)
{
    const std::uint64_t h = hashBytes(uri);
    return h == 0 ? 1 : h;
}

std::uint64_t *RecordLedger::find(std::uint64_t key)
{
    if (m_slots.empty())
        return nullptr;
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = key & mask;; i = (i + 1) & mask) {
        if (m_slots[i].key == key)
            return &m_slots[i].value;
        if (m_slots[i].key == 0)
            return nullptr;
    }
}

bool RecordLedger::insert(std::uint64_t key, std::uint64_t value)
{
    if ((m_size + 1) * 4 > m_slots.size() * 3) // at most 3/4 full: short probe runs
        grow();
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = key & mask;; i = (i + 1) & mask) {
        if (m_slots[i].key == key) {
            m_slots[i].value = value;
            return false;
        }
        if (m_slots[i].key == 0) {
            m_slots[i] = {key, value};
            ++m_size;
            return true;
        }
    }
}

void RecordLedger::grow()
{
    std::vector<Slot> old = std::move(m_slots);
    m_slots.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    const std::size_t mask = m_slots.size() - 1;
    for (const Slot &slot : old) {
        if (slot.key == 0)
            continue;
        std::size_t i = slot.key & mask;
        while (m_slots[i].key != 0)
            i = (i + 1) & mask;
        m_slots[i] = slot;
    }
}

} // namespace chorus
