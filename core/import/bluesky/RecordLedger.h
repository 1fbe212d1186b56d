#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace chorus {

// What the Jetstream reader remembers of each post it has seen (or each deletion it could not
// match yet): a 64-bit hash of the at:// URI mapped to a 64-bit value, in one open-addressing
// table of 16-byte slots. A std::unordered_map<std::string, ...> would cost ~120 bytes per
// record; this costs 21 to 43 (a million posts: at most 43 MB). It still grows with the file:
// the price of telling which deletions and edits concern posts of the same file. Hash collisions
// (2^-64 per pair) could at worst attach a warning to the wrong post; they never drop a record.
class RecordLedger
{
public:
    static std::uint64_t keyOf(std::string_view uri);

    // The value stored for `key`, or nullptr. Valid until the next insert().
    std::uint64_t *find(std::uint64_t key);
    // Stores `value` for `key`; true when the key was new.
    bool insert(std::uint64_t key, std::uint64_t value);
    std::size_t size() const { return m_size; }

private:
    struct Slot
    {
        std::uint64_t key = 0; // 0: empty (keyOf never returns 0)
        std::uint64_t value = 0;
    };
    void grow();

    std::vector<Slot> m_slots;
    std::size_t m_size = 0;
};

} // namespace chorus
