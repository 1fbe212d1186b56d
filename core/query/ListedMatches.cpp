#include "query/ListedMatches.h"

#include "query/PostQueries.h"
#include "store/FrequentTerms.h"

#include <algorithm>
#include <bit>
#include <vector>

namespace chorus {

namespace {

// The index step's bits of a frequent word's matches, as words of 64 bits; false when it keeps
// none for this word and this extent of the index, or they name a post past `posts`.
bool readKept(const Database &db, const std::string &words, std::int64_t through, std::size_t posts,
              ListedMatches::Matches &slot)
{
    const auto term = singleAsciiTerm(words);
    if (!term)
        return false;
    const std::size_t room = (posts + 7) / 8;
    if constexpr (std::endian::native == std::endian::little) {
        // Byte i % 8 of word i / 8 is byte i in memory: the bytes as they are, the rest
        // cleared.
        auto *const to = reinterpret_cast<std::uint8_t *>(slot.bits.data());
        const auto read = readFrequentTermMatches(db, *term, through, to, room);
        if (!read)
            return false;
        std::fill(to + *read, to + slot.bits.size() * sizeof(std::uint64_t), std::uint8_t(0));
    } else {
        std::vector<std::uint8_t> bytes(room);
        const auto read = readFrequentTermMatches(db, *term, through, bytes.data(), room);
        if (!read)
            return false;
        std::fill(slot.bits.begin(), slot.bits.end(), std::uint64_t(0));
        for (std::size_t i = 0; i < *read; ++i)
            slot.bits[i / 8] |= std::uint64_t(bytes[i]) << (8 * (i % 8));
    }
    slot.count = 0;
    for (const std::uint64_t word : slot.bits)
        slot.count += std::popcount(word);
    return true;
}

} // namespace

const ListedMatches::Matches *ListedMatches::of(const Database &db, const std::string &words,
                                                std::int64_t through, std::size_t posts)
{
    const std::string match = ftsMatchExpression(words);
    ++m_uses;
    for (Matches &kept : m_kept)
        if (kept.through == through && kept.match == match && kept.bits.size() * 64 >= posts) {
            kept.used = m_uses;
            return &kept;
        }
    Matches &slot =
        *std::min_element(m_kept.begin(), m_kept.end(),
                          [](const Matches &a, const Matches &b) { return a.used < b.used; });
    // Forgotten first: a listing that fails or stops part way is never taken for a whole one.
    slot.through = -1;
    // Sized, not cleared (but a slot that grows: its new words are zeros): kept bits overwrite
    // it (1.25 MB at ten million posts), and readKept clears what they leave.
    slot.bits.resize((posts + 63) / 64);
    slot.count = 0;
    if (readKept(db, words, through, posts, slot)) {
        slot.match = match;
        slot.through = through;
        slot.used = m_uses;
        return &slot;
    }
    std::fill(slot.bits.begin(), slot.bits.end(), std::uint64_t(0));
    Statement matches = db.prepare("SELECT rowid FROM posts_fts WHERE posts_fts MATCH ?");
    matches.bind(1, match);
    while (matches.step()) {
        const std::int64_t id = matches.int64(0);
        if (id <= 0 || std::uint64_t(id) >= posts) {
            matches.reset();
            return nullptr;
        }
        slot.bits[std::size_t(id) / 64] |= std::uint64_t(1) << (std::size_t(id) % 64);
        ++slot.count;
    }
    matches.reset();
    slot.match = match;
    slot.through = through;
    slot.used = m_uses;
    return &slot;
}

ListedMatches::Ordered *ListedMatches::ordered(const std::string &match, const std::string &terms,
                                               int order, std::int64_t through)
{
    ++m_uses;
    for (Ordered &kept : m_ordered)
        if (kept.through == through && kept.order == order && kept.match == match &&
            kept.terms == terms) {
            kept.used = m_uses;
            return &kept;
        }
    return nullptr;
}

ListedMatches::Ordered &ListedMatches::orderedSlot()
{
    Ordered &slot =
        *std::min_element(m_ordered.begin(), m_ordered.end(),
                          [](const Ordered &a, const Ordered &b) { return a.used < b.used; });
    slot.through = -1;
    std::vector<std::uint32_t>().swap(slot.ids); // not the room of the largest list it held
    std::vector<std::uint32_t>().swap(slot.sliceStarts);
    std::vector<std::uint8_t>().swap(slot.sliceSettled);
    slot.used = ++m_uses;
    return slot;
}

} // namespace chorus
