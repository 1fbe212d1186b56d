#include "query/TermsHead.h"

#include <algorithm>

namespace chorus::detail {

namespace {

// The first `k` matches met walking the part's order index (in the view's direction, which
// part.order holds); nothing when the walk's bound came first.
std::optional<std::vector<std::uint32_t>> walkOrderIndex(const Database &db, const ViewPart &part,
                                                         const KeyedMatches &matches, std::size_t k,
                                                         std::int64_t total, std::int64_t bound)
{
    Statement walk = db.prepare("SELECT p.id" + part.from + " INDEXED BY " + part.orderIndex +
                                " ORDER BY " + part.order + " LIMIT ?");
    walk.bind(1, bound);
    const InterruptWatch watch(db);
    std::vector<std::uint32_t> ids;
    std::int64_t entries = 0;
    while (ids.size() < k && walk.step()) {
        if ((++entries & 0xFFF) == 0)
            watch.check();
        const std::int64_t id = walk.int64(0);
        if (matches.contains(id))
            ids.push_back(std::uint32_t(id));
    }
    if (ids.size() < k && std::int64_t(ids.size()) < total)
        return std::nullopt;
    return ids;
}

// The `k` matches nearest the order's start (or end), from each match's row.
std::vector<std::uint32_t> lookUpMatches(const Database &db, HitOrder order,
                                         const KeyedMatches &matches, std::size_t k, bool last)
{
    struct Entry
    {
        HitKey key;
        std::uint32_t id;
    };
    std::vector<Entry> entries;
    Statement row = db.prepare("SELECT created_at, account_id FROM posts WHERE id = ?");
    const InterruptWatch watch(db);
    matches.forEach([&](std::size_t at) {
        const auto id = std::int64_t(at);
        row.bind(1, id);
        if (row.step()) {
            const std::int64_t time = row.int64(0), account = row.int64(1);
            entries.push_back(
                {order == HitOrder::Account ? HitKey{account, time, id} : HitKey{time, id, 0},
                 std::uint32_t(at)});
        }
        row.reset();
        if ((entries.size() & 0xFF) == 0)
            watch.check();
    });
    std::sort(entries.begin(), entries.end(),
              [](const Entry &a, const Entry &b) { return a.key < b.key; });
    const std::size_t n = std::min(k, entries.size());
    const auto from = last ? entries.end() - std::ptrdiff_t(n) : entries.begin();
    std::vector<std::uint32_t> ids;
    for (auto at = from; at != from + std::ptrdiff_t(n); ++at)
        ids.push_back(at->id);
    return ids;
}

} // namespace

std::optional<MatchHead> termsHead(const Database &db, const ViewPart &part,
                                   const PostFilter &search, const PostOrderKeys &keys,
                                   std::size_t k, bool last, TermsHeadBounds bounds)
{
    if (part.orderIndex.empty() || !part.condition.empty())
        return std::nullopt;
    const auto keyed = termsKeyedSearch(db, search, keys);
    // Words alone are paged from their own walk or table (PostPaging).
    if (!keyed || keyed->key.terms.empty())
        return std::nullopt;
    const HitOrder order = hitOrder(part);
    PostOrderKeys::FacetsHead &kept = keys.facetsHead;
    const PostOrderKeys::FacetsHead::Key wanted{
        keyed->key.match,     keyed->key.terms,      keyed->key.through, int(order), last, k,
        bounds.walkedEntries, bounds.lookedUpMatches};
    if (kept.key != wanted) {
        const auto matches = keyedMatches(*keyed);
        if (!matches)
            return std::nullopt;
        // Counted for the view's count already (kept per connection).
        const std::int64_t total = searchMatchCount(db, search, &keys);
        std::optional<std::vector<std::uint32_t>> ids;
        if (total <= bounds.lookedUpMatches) {
            ids = lookUpMatches(db, order, *matches, k, last);
        } else {
            ids = walkOrderIndex(db, part, *matches, k, total, bounds.walkedEntries);
            if (ids && last)
                std::reverse(ids->begin(), ids->end()); // met from the end: ascending now
        }
        kept = {wanted, ids.has_value(), ids.value_or(std::vector<std::uint32_t>{}),
                std::size_t(total)};
    }
    if (!kept.found)
        return std::nullopt;
    MatchHead head;
    head.ids = kept.ids;
    head.matches = kept.matches;
    return head;
}

} // namespace chorus::detail
