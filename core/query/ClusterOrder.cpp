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
        "SELECT r.started_at, coalesce(r.finished_at, 0), coalesce(r.input_posts, 0), "
        "r.parameters, (SELECT coalesce(min(id), 0) FROM clusters WHERE run_id = r.id), "
        "(SELECT count(*) FROM clusters WHERE run_id = r.id) FROM analysis_runs r WHERE r.id = ?");
    source.bind(1, run);
    if (!source.step())
        return MembersRead::Failed;
    const ClusteredMembers::Source now{run,
                                       source.int64(0),
                                       source.int64(1),
                                       source.int64(2),
                                       source.text(3),
                                       source.int64(4),
                                       source.int64(5)};
    const std::size_t posts = keys.facets.size();
    if (members.source != now ||
        (members.failedWithPosts != 0 && members.failedWithPosts != posts)) {
        members = ClusteredMembers{};
        members.source = now;
    }
    if (members.read)
        return MembersRead::Done;
    if (members.failedWithPosts != 0)
        return MembersRead::Failed;
    // Clusters in number order, each one's members in time order from cluster_members_time:
    // the view's order, nothing sorted.
    Statement query = db.prepare(
        "SELECT c.number, m.post_id FROM clusters c JOIN cluster_members m ON m.cluster_id = c.id "
        "WHERE c.run_id = ? AND c.number >= ? ORDER BY c.number, m.created_at, m.post_id");
    query.bind(1, run).bind(2, members.nextNumber);
    // A slice stopped midway (the connection interrupted for the view's next query) leaves the
    // members as the slice found them: the next one reads its clusters again.
    const std::size_t idsBefore = members.ids.size(), numbersBefore = members.numbers.size(),
                      endsBefore = members.ends.size();
    const auto takeBack = [&] {
        for (std::size_t i = idsBefore; i < members.ids.size(); ++i)
            members.clustered[members.ids[i] / 64] &= ~(std::uint64_t(1) << (members.ids[i] % 64));
        members.ids.resize(idsBefore);
        members.numbers.resize(numbersBefore);
        members.ends.resize(endsBefore);
    };
    const InterruptWatch watch(db);
    std::int64_t taken = 0;
    try {
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
                takeBack();
                members.failedWithPosts = posts; // a member the keys do not hold
                return MembersRead::Failed;
            }
            // Room for its bit first: takeBack() clears the bit of every id taken.
            const std::size_t word = std::size_t(id) / 64;
            if (word >= members.clustered.size())
                members.clustered.resize(word + 1, 0);
            members.ids.push_back(std::uint32_t(id));
            members.clustered[word] |= std::uint64_t(1) << (id % 64);
            if ((++taken & 0xFFFF) == 0)
                watch.check();
        }
        members.ends.push_back(std::uint32_t(members.ids.size()));
    } catch (...) {
        takeBack();
        throw;
    }
    members.read = true;
    return MembersRead::Done;
}

// The filter's matches as bits (the words' matches that pass its other terms), and how many
// are members and how many are not: kept for the last view.
const ClusterOrderMatches *matchesOf(const PostFilter &filter, const KeyedSearch &keyed,
                                     std::int64_t lastPost, ClusteredMembers &members)
{
    const PostOrderKeys &keys = *keyed.keys;
    // Words that make no match expression (spaces) search nothing, as in SQL.
    const bool words = !keyed.key.match.empty();
    const ClusteredMembers::Source &run = members.source;
    const std::string key = keyed.key.terms + "#cluster order " + std::to_string(run.run) + " " +
                            std::to_string(run.startedAt) + " " + std::to_string(run.finishedAt) +
                            " " + std::to_string(run.inputPosts) + " " + run.parameters + " " +
                            std::to_string(run.firstCluster) + " " + std::to_string(run.clusters);
    const std::int64_t through = words ? keyed.key.through : lastPost;
    ClusterOrderMatches &matches = members.matches;
    if (matches.through == through && matches.match == keyed.key.match && matches.key == key)
        return &matches;
    const KeyFilter terms = *KeyFilter::of(filter);
    const auto bound = terms.bind(keys);
    const std::optional<KeyedMatches> listed =
        words ? keyedMatches(keyed) : std::optional<KeyedMatches>();
    if (words && !listed)
        return nullptr;
    matches = ClusterOrderMatches{};
    matches.bits.assign((keys.facets.size() + 63) / 64, 0); // posts since the run's too
    for (std::size_t w = 0; w < matches.bits.size(); ++w) {
        std::uint64_t word = ~std::uint64_t(0);
        if (words)
            word = w < listed->listed->bits.size() ? listed->listed->bits[w] : 0;
        if (word != 0 && !terms.empty())
            word &= bound.passes(w);
        matches.bits[w] = word;
    }
    if (!matches.bits.empty())
        matches.bits.front() &= ~std::uint64_t(1); // post id 0 is no post
    // Past the last post: no post (an unnarrowed word's bits stop there already).
    const auto posts = std::uint64_t(lastPost) + 1;
    if (posts / 64 < matches.bits.size())
        matches.bits[posts / 64] &= (std::uint64_t(1) << (posts % 64)) - 1;
    std::fill(matches.bits.begin() +
                  std::ptrdiff_t(std::min<std::size_t>(posts / 64 + 1, matches.bits.size())),
              matches.bits.end(), 0);
    for (const std::uint32_t id : members.ids)
        matches.clusteredRows += hasBit(matches.bits, id);
    for (std::size_t w = 0; w < matches.bits.size(); ++w)
        matches.otherRows += std::popcount(matches.bits[w] & ~members.clusteredWord(w));
    matches.match = keyed.key.match;
    matches.key = key;
    matches.through = through;
    return &matches;
}

// The unclustered matches in time order, kept with the keys' other ordered matches.
OrderedMatches otherPostsByTime(const Database &db, const PostOrderKeys &keys,
                                const ClusteredMembers &members, const ClusterOrderMatches &matches)
{
    const std::string terms = matches.key + " unclustered";
    if (auto *kept =
            keys.listed.ordered(matches.match, terms, int(HitOrder::Time), matches.through))
        return OrderedMatches(db, keys, HitOrder::Time, *kept);
    ListedMatches::Ordered &slot = keys.listed.orderedSlot();
    const auto forEach = [&](const auto &f) {
        for (std::size_t w = 0; w < matches.bits.size(); ++w)
            for (std::uint64_t word = matches.bits[w] & ~members.clusteredWord(w); word != 0;
                 word &= word - 1)
                f(w * 64 + std::size_t(std::countr_zero(word)));
    };
    orderBySlices(keys, HitOrder::Time, std::size_t(matches.otherRows), forEach, slot,
                  InterruptWatch(db));
    slot.match = matches.match;
    slot.terms = terms;
    slot.order = int(HitOrder::Time);
    slot.through = matches.through;
    return OrderedMatches(db, keys, HitOrder::Time, slot);
}

// The run's members and the filter's matches, when the keys answer the filter.
struct MembersAndMatches
{
    const ClusteredMembers *members = nullptr;
    const ClusterOrderMatches *matches = nullptr;
};

std::optional<MembersAndMatches> membersAndMatches(const Database &db, const PostFilter &filter,
                                                   std::int64_t run, const PostOrderKeys &keys)
{
    if (filter.isEmpty() || run == 0 || !KeyFilter::of(filter))
        return std::nullopt;
    const auto keyed = keyedSearch(db, filter, keys);
    const std::int64_t lastPost = lastPostId(db);
    if (!keyed || !keys.covers(lastPost))
        return std::nullopt;
    // Read by the keys' reading after them (extendClusterMembers), or the rest of them now.
    ClusteredMembers &members = keys.clusterMembers;
    if (readMembers(db, run, keys, members, 0) != MembersRead::Done)
        return std::nullopt;
    const auto *matches = matchesOf(filter, *keyed, lastPost, members);
    if (!matches)
        return std::nullopt;
    return MembersAndMatches{&members, matches};
}

} // namespace

bool pageInClusterOrder(const Database &db, const PostFilter &filter, std::int64_t run,
                        const PostOrderKeys &keys, bool descending, std::int64_t offset,
                        std::int64_t limit, std::vector<PostRow> &rows)
{
    const auto found = membersAndMatches(db, filter, run, keys);
    if (!found)
        return false;
    const ClusteredMembers &members = *found->members;
    const ClusterOrderMatches &matches = *found->matches;
    std::vector<std::pair<std::int64_t, std::int64_t>> page; // (post, cluster number)
    const auto wanted = std::size_t(std::max<std::int64_t>(limit, 0));
    offset = std::max<std::int64_t>(offset, 0);
    // The clustered part: the members in order (from the end when descending) that match.
    if (offset < matches.clusteredRows) {
        std::int64_t skip = offset;
        const std::size_t n = members.ids.size();
        for (std::size_t i = 0; i < n && page.size() < wanted; ++i) {
            const std::size_t at = descending ? n - 1 - i : i;
            if (!hasBit(matches.bits, members.ids[at]) || skip-- > 0)
                continue;
            page.emplace_back(members.ids[at], members.numberAt(at));
        }
        offset = 0;
    } else {
        offset -= matches.clusteredRows;
    }
    // The rest, by time.
    if (page.size() < wanted && offset < matches.otherRows) {
        const OrderedMatches other = otherPostsByTime(db, keys, members, matches);
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
    const auto found = membersAndMatches(db, filter, run, keys);
    if (!found)
        return std::nullopt;
    otherPostsByTime(db, keys, *found->members, *found->matches);
    return std::pair(found->matches->clusteredRows, found->matches->otherRows);
}

} // namespace detail

} // namespace chorus
