#pragma once

#include "common/Error.h"
#include "common/Progress.h"
#include "store/Database.h"

#include <cstdint>

namespace chorus {

// The full-text index of post texts (posts_fts), kept apart from imports: an import commits
// its posts without it (the index was a third of an import's time) and the index catches up
// afterwards, in steps that each commit, so a case is usable at once and search is enabled
// when the index is complete. Schema v8 keeps how far it got (text_index.indexed_through).
// The same step builds the indexes an import left pending (schema v12, pending_indexes: the
// posts table's kind and language filters), which until then filter by reading the posts.
struct TextIndexState
{
    std::int64_t pendingPosts = 0;   // posts imported since: not found by a text search yet
    std::int64_t pendingIndexes = 0; // filter indexes an import left to be built
};

// How far the index is.
Result<TextIndexState> textIndexState(const Database &db);
// The largest post id the text index covers: posts_fts holds exactly the posts up to it.
std::int64_t textIndexedThrough(const Database &db);
// Whether any post waits for the index: one lookup, however many wait (for opening a case).
// Also false while the posts table's page anchors, the accounts by creation day, the frequent
// terms or the posts' kept keys are not of the case as it is: the same step makes them.
Result<bool> textIndexComplete(const Database &db);

// Builds the pending filter indexes, one per transaction, then indexes every post not yet
// indexed, a step of `stepPosts` posts per transaction. Progress counts posts; Cancel stops
// the current step, rolls it back and leaves the indexes consistent and partial (the next call
// goes on from there). Then makes the posts' kept keys, the posts table's page anchors, the
// accounts by creation day and the frequent terms when they are out of date (StoredPostKeys,
// StoredPageAnchors, AccountCreationDays, FrequentTerms; the keys first, so that the others'
// pages lie in order: see the code). Returns how many posts were indexed.
Result<std::int64_t> updateTextIndex(const Database &db, ProgressSink &progress,
                                     std::int64_t stepPosts = 50000);

} // namespace chorus
