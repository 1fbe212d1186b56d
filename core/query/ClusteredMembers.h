#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace chorus {

// The filter's matches of the last narrowed view paged in cluster order (query/ClusterOrder),
// a bit a post, and how many are members of the run and how many are not: kept because a
// view's every page needs them, and making them walks a bit of every post (10-15 ms at ten
// million posts).
struct ClusterOrderMatches
{
    // What they were made for: the words' match expression, the other terms with the run, and
    // how far the text index (or, without words, the posts) had got.
    std::string match, key;
    std::int64_t through = -1;
    std::vector<std::uint64_t> bits; // bit id % 64 of word id / 64: post `id` matches
    std::int64_t clusteredRows = 0, otherRows = 0;
};

// The latest clustering run's members in the view's cluster order, (cluster number, member
// time, post id), held in memory with the posts' keys (query/PostOrderKeys). A filtered view in
// cluster order has two parts, the clustered posts and then the rest by time; in SQL each page
// walked the clusters' members reading every post row to test the filter, or searched the
// unclustered posts (0.6-1.6 s a page at ten million posts, 26 s cold). The members are read
// once, in slices of whole clusters after the keys (about 0.25 us a member: 906,895 at ten million
// posts, 4 bytes each); a page then tests them against the filter's bits. Read on the thread
// that holds the keys; a cache.
struct ClusteredMembers
{
    // What they were read for: the run, when it started and ended, its parameters and input,
    // and its clusters' first id and number (a run removed and another written may take its
    // id).
    struct Source
    {
        std::int64_t run = 0, startedAt = 0, finishedAt = 0, inputPosts = 0;
        std::string parameters;
        std::int64_t firstCluster = 0, clusters = 0;
        bool operator==(const Source &) const = default;
    };
    Source source;
    bool read = false; // every member
    // A member past the keys' posts was met when they held this many (0: never); read again
    // only once they hold another number.
    std::size_t failedWithPosts = 0;
    std::int64_t nextNumber = std::numeric_limits<std::int64_t>::min(); // the next to read
    std::vector<std::uint32_t> ids; // the members' post ids, in the view's order
    // The cluster number of ids[ends[i - 1] .. ends[i]) is numbers[i].
    std::vector<std::uint32_t> ends;
    std::vector<std::int64_t> numbers;
    std::vector<std::uint64_t> clustered; // bit id % 64 of word id / 64: a member

    ClusterOrderMatches matches; // of the last view, for this run

    // The cluster number of the member at `position` in the order.
    std::int64_t numberAt(std::size_t position) const
    {
        const auto end = std::upper_bound(ends.begin(), ends.end(), std::uint32_t(position));
        return end == ends.end() ? 0 : numbers[std::size_t(end - ends.begin())];
    }
    // The members among posts 64 * word .. 64 * word + 63 (posts added since the run: none).
    std::uint64_t clusteredWord(std::size_t word) const
    {
        return word < clustered.size() ? clustered[word] : 0;
    }
};

} // namespace chorus
