#pragma once

// A narrowed view in cluster order paged from memory: the run's members as ClusteredMembers
// holds them (query/ClusteredMembers.h) and the filter's matches over the posts' keys. An
// internal header of query/, for PostPaging.cpp.

#include "query/ClusteredMembers.h"
#include "query/PostQueries.h"
#include "store/Database.h"

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace chorus {

struct PostOrderKeys;

namespace detail {

// A page of the posts table in cluster order (clustered posts by cluster, then the rest by
// time) from the members and the posts' keys in memory, into `rows`. False, with `rows` as they
// were, when the filter has a term the keys do not answer, they do not hold every post, the
// filter is empty (the case keeps that view's anchors), the text index cannot list its words,
// or the run's members cannot be read (one the keys do not hold). The members not read yet by
// the keys' reading are read now (a new run).
bool pageInClusterOrder(const Database &db, const PostFilter &filter, std::int64_t run,
                        const PostOrderKeys &keys, bool descending, std::int64_t offset,
                        std::int64_t limit, std::vector<PostRow> &rows);

// Reads about `rows` more members of the latest clustering run into `keys`, once they hold
// every post, so that the first page of such a view usually finds them read (about 0.25 us a
// member: 0.25 s at ten million posts); true when there are no more to read.
bool extendClusterMembers(const Database &db, const PostOrderKeys &keys, std::int64_t rows);

// The rows of each part of such a view, its unclustered part put in time order now so that
// later pages only read; nothing as for pageInClusterOrder.
std::optional<std::pair<std::int64_t, std::int64_t>> prepareClusterOrder(const Database &db,
                                                                         const PostFilter &filter,
                                                                         std::int64_t run,
                                                                         const PostOrderKeys &keys);

} // namespace detail

} // namespace chorus
