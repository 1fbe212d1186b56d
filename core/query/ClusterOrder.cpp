#include "query/ClusterOrder.h"

#include "query/KeyFilter.h"
#include "query/MatchOrder.h"
#include "query/PostOrderKeys.h"
#include "query/PostViewParts.h"
#include "query/SearchHits.h"
#include "store/AnalysisRuns.h"

#include <algorithm>
#include <bit>
#include <functional>
#include <optional>

namespace chorus {

std::int64_t ClusteredMembers::numberAt(std::size_t position) const
{
    const auto end = std::upper_bound(ends.begin(), ends.end(), std::uint32_t(position));
    return end == ends.end() ? 0 : numbers[std::size_t(end - ends.begin())];
}

namespace detail {

namespace {

enum class MembersRead { More, Done, Failed };

bool hasBit(const std::vector<std::uint64_t> &bits, std::uint32_t id)
{
    const std::size_t word = id / 64;
    return word < bits.size() && (bits[word] >> (id % 64)) & 1;
}

// Reads about `rows` more of the run's members in the order, whole clusters at a time (`rows`
// 0: all the rest); read again from the start when the latest run is another.
MembersRead readMembers(const Database &db, std::int64_t run, const PostOrderKeys &keys,
                        ClusteredMembers &members, std::int64_t rows)
{
    Statement source = db.prepare(
        "SELECT r.started_at, r.parameters, (SELECT coalesce(min(id), 0) FROM clusters WHERE "
        "run_id = r.id), (SELECT count(*) FROM clusters WHERE run_id = r.id) FROM analysis_runs r "
        "WHERE r.id = ?");
    source.bind(1, run);
    if (!source.step())
        return MembersRead::Failed;
    const ClusteredMembers::Source now{run, source.int64(0), source.text(1), source.int64(2),
                                       source.int64(3)};
    if (members.source != now || members.failed)
        members = ClusteredMembers{now};
    if (members.read)
        return MembersRead::Done;
    const std::size_t posts = keys.facets.size();
    // Clusters in number order, each one's members in time order from cluster_members_time:
    // the view's order, nothing sorted.
    Statement query = db.prepare(
        "SELECT c.number, m.post_id FROM clusters c JOIN cluster_members m ON m.cluster_id = c.id "
        "WHERE c.run_id = ? AND c.number >= ? ORDER BY c.number, m.created_at, m.post_id");
    query.bind(1, run).bind(2, members.nextNumber);
    const InterruptWatch watch(db);
    std::int64_t taken = 0;
    while (query.step()) {
        const std::int64_t number = query.int64(0), id = query.int64(1);
        if (members.numbers.empty() || members.numbers.back() != number) {
            if (rows > 0 && taken >= rows) {
                members.nextNumber = number; // the next slice starts with this cluster
                return MembersRead::More;
            }
            if (!members.numbers.empty())
                members.ends.push_back(std::uint32_t(members.ids.size()));
            members.numbers.push_back(number);
        }
        if (id <= 0 || std::uint64_t(id) >= posts) {
            members.failed = true; // a member the keys do not hold: read again once they do
            return MembersRead::Failed;
        }
        members.ids.push_back(std::uint32_t(id));
        const std::size_t word = std::size_t(id) / 64;
        if (word >= members.clustered.size())
            members.clustered.resize(word + 1, 0);
        members.clustered[word] |= std::uint64_t(1) << (id % 64);
        if ((++taken & 0xFFFF) == 0)
            watch.check();
    }
    members.ends.push_back(std::uint32_t(members.ids.size()));
    members.read = true;
    return MembersRead::Done;
}

// The filter's matches as bits (the words' matches that pass its other terms), and how many
// are members and how many are not: kept for the last view.
const ClusteredMembers::View *viewOf(const PostFilter &filter, const KeyedSearch &keyed,
                                     std::int64_t lastPost, ClusteredMembers &members)
{
    const PostOrderKeys &keys = *keyed.keys;
    const bool words = !filter.text.empty();
    const ClusteredMembers::Source &run = members.source;
    const std::string terms = keyed.key.terms + "#cluster order " + std::to_string(run.run) + " " +
                              std::to_string(run.startedAt) + " " +
                              std::to_string(std::hash<std::string>{}(run.parameters)) + " " +
                              std::to_string(run.firstCluster) + " " + std::to_string(run.clusters);
    const std::int64_t through = words ? keyed.key.through : lastPost;
    ClusteredMembers::View &view = members.view;
    if (view.through == through && view.match == keyed.key.match && view.terms == terms)
        return &view;
    const auto bound = KeyFilter::of(filter)->bind(keys);
    const bool narrowed = !KeyFilter::of(filter)->empty();
    const std::optional<KeyedMatches> listed =
        words ? keyedMatches(keyed) : std::optional<KeyedMatches>();
    if (words && !listed)
        return nullptr;
    view = ClusteredMembers::View{};
    view.bits.assign((keys.facets.size() + 63) / 64, 0); // posts since the run's too
    for (std::size_t w = 0; w < view.bits.size(); ++w) {
        std::uint64_t word = ~std::uint64_t(0);
        if (words)
            word = w < listed->listed->bits.size() ? listed->listed->bits[w] : 0;
        if (word != 0 && narrowed)
            word &= bound.passes(w);
        view.bits[w] = word;
    }
    view.bits.front() &= ~std::uint64_t(1); // post id 0 is no post
    // Past the last post: no post (an unnarrowed word's bits stop there already).
    const auto posts = std::uint64_t(lastPost) + 1;
    if (posts / 64 < view.bits.size())
        view.bits[posts / 64] &= (std::uint64_t(1) << (posts % 64)) - 1;
    std::fill(view.bits.begin() +
                  std::ptrdiff_t(std::min<std::size_t>(posts / 64 + 1, view.bits.size())),
              view.bits.end(), 0);
    for (const std::uint32_t id : members.ids)
        view.clusteredRows += hasBit(view.bits, id);
    for (std::size_t w = 0; w < view.bits.size(); ++w)
        view.otherRows += std::popcount(view.bits[w] & ~members.clusteredWord(w));
    view.match = keyed.key.match;
    view.terms = terms;
    view.through = through;
    return &view;
}

// The unclustered matches in time order, kept with the keys' other ordered matches.
OrderedMatches otherPostsByTime(const Database &db, const PostOrderKeys &keys,
                                const ClusteredMembers &members, const ClusteredMembers::View &view)
{
    const std::string terms = view.terms + " unclustered";
    if (auto *kept = keys.listed.ordered(view.match, terms, int(HitOrder::Time), view.through))
        return OrderedMatches(db, keys, HitOrder::Time, *kept);
    ListedMatches::Ordered &slot = keys.listed.orderedSlot();
    const auto forEach = [&](const auto &f) {
        for (std::size_t w = 0; w < view.bits.size(); ++w)
            for (std::uint64_t word = view.bits[w] & ~members.clusteredWord(w); word != 0;
                 word &= word - 1)
                f(w * 64 + std::size_t(std::countr_zero(word)));
    };
    orderBySlices(keys, HitOrder::Time, std::size_t(view.otherRows), forEach, slot,
                  InterruptWatch(db));
    slot.match = view.match;
    slot.terms = terms;
    slot.order = int(HitOrder::Time);
    slot.through = view.through;
    return OrderedMatches(db, keys, HitOrder::Time, slot);
}

// The view's matches and members for a filter, when the keys answer it.
struct ClusterView
{
    ClusteredMembers *members = nullptr;
    const ClusteredMembers::View *view = nullptr;
};

std::optional<ClusterView> clusterView(const Database &db, const PostFilter &filter,
                                       std::int64_t run, const PostOrderKeys &keys)
{
    if (filter.isEmpty() || run == 0 || !KeyFilter::of(filter))
        return std::nullopt;
    const auto keyed = keyedSearch(db, filter, keys);
    const std::int64_t lastPost = lastPostId(db);
    if (!keyed || !keys.covers(lastPost))
        return std::nullopt;
    ClusteredMembers &members = keys.clusterMembers;
    if (readMembers(db, run, keys, members, 0) != MembersRead::Done)
        return std::nullopt;
    const auto *view = viewOf(filter, *keyed, lastPost, members);
    if (!view)
        return std::nullopt;
    return ClusterView{&members, view};
}

} // namespace

bool pageInClusterOrder(const Database &db, const PostFilter &filter, std::int64_t run,
                        const PostOrderKeys &keys, bool descending, std::int64_t offset,
                        std::int64_t limit, std::vector<PostRow> &rows)
{
    const auto found = clusterView(db, filter, run, keys);
    if (!found)
        return false;
    const ClusteredMembers &members = *found->members;
    const ClusteredMembers::View &view = *found->view;
    std::vector<std::pair<std::int64_t, std::int64_t>> page; // (post, cluster number)
    const auto wanted = std::size_t(std::max<std::int64_t>(limit, 0));
    offset = std::max<std::int64_t>(offset, 0);
    // The clustered part: the members in order (from the end when descending) that match.
    if (offset < view.clusteredRows) {
        std::int64_t skip = offset;
        const std::size_t n = members.ids.size();
        for (std::size_t i = 0; i < n && page.size() < wanted; ++i) {
            const std::size_t at = descending ? n - 1 - i : i;
            if (!hasBit(view.bits, members.ids[at]) || skip-- > 0)
                continue;
            page.emplace_back(members.ids[at], members.numberAt(at));
        }
        offset = 0;
    } else {
        offset -= view.clusteredRows;
    }
    // The rest, by time.
    if (page.size() < wanted && offset < view.otherRows) {
        const OrderedMatches other = otherPostsByTime(db, keys, members, view);
        const auto count = std::int64_t(other.size());
        const std::int64_t take =
            std::min<std::int64_t>(std::int64_t(wanted - page.size()), count - offset);
        const std::int64_t first = descending ? count - offset - take : offset;
        const auto ids = other.ids(std::size_t(first), std::size_t(first + take));
        for (std::size_t i = 0; i < ids.size(); ++i)
            page.emplace_back(ids[descending ? ids.size() - 1 - i : i], 0);
    }
    readPostsAt(db, page, rows);
    return true;
}

bool extendClusterMembers(const Database &db, const PostOrderKeys &keys, std::int64_t rows)
{
    const ReadSnapshot snapshot(db);
    const std::int64_t run = AnalysisRuns(db).latest(RunKind::TextClusters).value_or(0);
    return run == 0 || !keys.covers(lastPostId(db)) ||
           readMembers(db, run, keys, keys.clusterMembers, std::max<std::int64_t>(rows, 1)) !=
               MembersRead::More;
}

std::optional<std::pair<std::int64_t, std::int64_t>> prepareClusterOrder(const Database &db,
                                                                         const PostFilter &filter,
                                                                         std::int64_t run,
                                                                         const PostOrderKeys &keys)
{
    const auto found = clusterView(db, filter, run, keys);
    if (!found)
        return std::nullopt;
    otherPostsByTime(db, keys, *found->members, *found->view);
    return std::pair(found->view->clusteredRows, found->view->otherRows);
}

} // namespace detail

} // namespace chorus
