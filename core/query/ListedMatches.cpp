#include "query/ListedMatches.h"

#include <algorithm>

namespace chorus {

const ListedMatches::Matches *ListedMatches::of(const Database &db, const std::string &match,
                                                std::int64_t through, std::size_t posts)
{
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
    slot.bits.assign((posts + 63) / 64, 0);
    slot.count = 0;
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

} // namespace chorus
