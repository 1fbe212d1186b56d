#pragma once

#include "common/Error.h"
#include "common/Progress.h"
#include "store/Database.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace chorus {

// The text index's terms found in many posts, each with the number of posts it is in (schema
// v15, table frequent_terms): a search of one such word is counted from here, where the text
// index reads the word's whole list of matches (0.1 s for a word in half of ten million posts).
// Made by the index step (store/TextIndex) through SQLite's fts5vocab, and brought up to date
// by later index steps; counts of an index that has grown since are not used.

// A term kept here is in at least this many posts; counting a rarer one takes a few ms.
constexpr std::int64_t FrequentTermPosts = 20000;

// The terms in so many posts that listing them is slow (a word in half of ten million posts,
// 0.2 s) also have their matches kept, as a bit a post (table frequent_term_matches, schema
// v16): those in at least an eighth of the indexed posts, the most frequent 16 at most. A
// narrowed search of one reads them in a few ms. At ten million posts a list is 1.25 MB.
constexpr std::int64_t MatchesKeptShare = 8;
constexpr int MatchesKeptTerms = 16;

// The posts `term` (as the index holds it: lower case, without diacritics) is in, when the
// counts are of the index as it is and the term is a frequent one; else nothing.
std::optional<std::int64_t> frequentTermPosts(const Database &db, const std::string &term);

// Reads the posts `term` is in into `to`, a bit a post id (bit id % 8 of byte id / 8), when
// they are kept for the index as it is now, which holds the posts through `indexedThrough`,
// and fit in `room` bytes: the bytes read (those after are left as they were); else nothing.
// Straight from the file's pages into `to` (store/BlobReader), 1.25 MB at ten million posts.
std::optional<std::size_t> readFrequentTermMatches(const Database &db, const std::string &term,
                                                   std::int64_t indexedThrough, std::uint8_t *to,
                                                   std::size_t room);

// The term a search of `words` (PostFilter::text) looks for, when it is one word the index
// holds as the search spells it up to case: ASCII letters and digits only (other letters may
// be split, folded or stripped of diacritics by the index's tokenizer). Else nothing.
std::optional<std::string> singleAsciiTerm(const std::string &words);

// Whether the counts are not of the index as it is.
Result<bool> frequentTermsStale(const Database &db);

// Counts them again when they are not of the index as it is, in a transaction; Cancel stops
// the count and leaves the table as it was.
Status updateFrequentTerms(const Database &db, ProgressSink &progress);

} // namespace chorus
