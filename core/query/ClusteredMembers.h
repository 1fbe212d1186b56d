#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace chorus {

// The latest clustering run's members in the view's cluster order, (cluster number, member
// time, post id), held in memory with the posts' keys (query/PostOrderKeys), and the views in
// cluster order narrowed by terms those keys answer that were last paged from them. A filtered
// view in cluster order has two parts, the clustered posts and then the rest by time; in SQL
// each page walked the clusters' members reading every post row to test the filter, or
// searched the unclustered posts (0.6-1.6 s a page at ten million posts, 26 s cold). Reading
// the members once takes about 0.1 s (906,895 at ten million posts, 4 bytes each); a page then
// tests them against the filter's bits. Read on the thread that holds the keys; a cache.
struct ClusteredMembers
{
    // What they were read for: the run, when it started, its parameters, and its clusters'
    // first id and number (a run removed and another written may take its id).
    struct Source
    {
        std::int64_t run = 0, startedAt = 0;
        std::string parameters;
        std::int64_t firstCluster = 0, clusters = 0;
        bool operator==(const Source &) const = default;
    };
    Source source;
    bool read = false;   // every member
    bool failed = false; // a member past the keys: read again
    std::int64_t nextNumber = std::numeric_limits<std::int64_t>::min(); // the next to read
    std::vector<std::uint32_t> ids;                                     // in the order, ascending
    // The cluster number of ids[ends[i - 1] .. ends[i]) is numbers[i].
    std::vector<std::uint32_t> ends;
    std::vector<std::int64_t> numbers;
    std::vector<std::uint64_t> clustered; // bit id % 64 of word id / 64: a member

    // The last narrowed view's matches (bit a post), known by its search key and the run.
    struct View
    {
        std::string match, terms;
        std::int64_t through = -1;
        std::vector<std::uint64_t> bits;
        std::int64_t clusteredRows = 0, otherRows = 0;
    };
    View view;

    std::int64_t numberAt(std::size_t position) const;
    // The members among posts 64 * word .. 64 * word + 63 (posts added since the run: none).
    std::uint64_t clusteredWord(std::size_t word) const
    {
        return word < clustered.size() ? clustered[word] : 0;
    }
};

} // namespace chorus
