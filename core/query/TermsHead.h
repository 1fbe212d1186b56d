#pragma once

// The first page of a narrowed search before the posts' times and accounts are read (an
// internal header of query/, for PostViewParts.cpp and PostQueries.cpp).
#include "query/MatchHead.h"
#include "query/PostViewParts.h"

#include <optional>

namespace chorus::detail {

// The `k` matches of `search` nearest the start (or, `last`, the end) of a one-part view in
// its order, when the keys hold the kinds, context flags and languages of every post but maybe
// not yet their times and accounts (termsKeyedSearch: a search narrowed by a kind, a language
// or collected posts only). A search typed as a ten-million-post case opens would else wait for
// the rest of the keys (0.1-0.3 s) before its first page. Found by walking the view's order
// index and keeping the posts that match, up to 200,000 entries of it (a few ms when the
// matches are spread over it), or, for a few thousand matches, by reading each one's time and
// account from its row and sorting them (a few ms warm; cold, as long as the rest of the keys).
// Nothing when the keys do not tell the matches, or the walk gave up (the matches lie far from that
// end: a campaign's last days, say): the rest of the keys are then read, and the page is found from
// them. Kept with the keys (PostOrderKeys::facetsHead): asked once to decide whether to read the
// rest of the keys, and again by the page.
struct TermsHeadBounds
{
    std::int64_t walkedEntries = 200000; // of the order's index: 10-40 ms
    // Read from their rows: 2-5 us a row warm, 60-90 us cold (0.25-0.37 s for all of them).
    std::int64_t lookedUpMatches = 4096;
};
std::optional<MatchHead> termsHead(const Database &db, const ViewPart &part,
                                   const PostFilter &search, const PostOrderKeys &keys,
                                   std::size_t k, bool last, TermsHeadBounds bounds = {});

} // namespace chorus::detail
