#include "store/TextIndex.h"

#include "store/AccountCreationDays.h"
#include "store/CancelWatch.h"
#include "store/FrequentTerms.h"
#include "store/IndexBuild.h"
#include "store/SqlGuard.h"
#include "store/StoredPageAnchors.h"
#include "store/StoredPostKeys.h"

#include <optional>

namespace chorus {

std::int64_t textIndexedThrough(const Database &db)
{
    return db.queryInt64("SELECT indexed_through FROM text_index WHERE id = 1");
}

namespace {

// Each index in a transaction of its own, with its row in pending_indexes: a Cancel or a kill
// while SQLite sorts leaves that index pending, never half built.
void buildPendingIndexes(const Database &db, ProgressSink &progress)
{
    const std::int64_t pending = db.queryInt64("SELECT count(*) FROM pending_indexes");
    if (pending == 0)
        return;
    progress.stage(Stage::IndexingFilters);
    progress.progress(0, pending);
    for (std::int64_t built = 0; built < pending; ++built) {
        if (progress.isCancelled())
            return;
        Transaction step(db);
        Statement next = db.prepare(
            "SELECT p.name, p.definition, EXISTS (SELECT 1 FROM sqlite_schema s WHERE s.type = "
            "'index' AND s.name = p.name) FROM pending_indexes p ORDER BY p.name LIMIT 1");
        if (!next.step())
            return;
        const std::string name = next.text(0);
        const std::string definition = next.text(1);
        const bool exists = next.int64(2) != 0;
        next.reset();
        // Only CREATE INDEX statements are kept there (import/ImportRunner copies them from
        // sqlite_schema); anything else is dropped from the list rather than run.
        if (!exists && definition.rfind("CREATE INDEX ", 0) == 0) {
            std::optional<CancelWatch> watch(std::in_place, db, progress);
            createIndexes(db, {definition});
            watch.reset();
        }
        Statement done = db.prepare("DELETE FROM pending_indexes WHERE name = ?");
        done.bind(1, name).exec();
        step.commit();
        progress.progress(built + 1, pending);
    }
}
} // namespace

Result<TextIndexState> textIndexState(const Database &db)
{
    return guardSql("could not read the text index state", [&]() -> Result<TextIndexState> {
        // A range of the primary key: quick however large the case, if little is pending.
        Statement count = db.prepare("SELECT count(*) FROM posts WHERE id > ?");
        count.bind(1, textIndexedThrough(db));
        TextIndexState state;
        if (count.step())
            state.pendingPosts = count.int64(0);
        state.pendingIndexes = db.queryInt64("SELECT count(*) FROM pending_indexes");
        return state;
    });
}

Result<bool> textIndexComplete(const Database &db)
{
    const auto indexed = guardSql("could not read the text index state", [&]() -> Result<bool> {
        Statement waiting = db.prepare("SELECT EXISTS (SELECT 1 FROM posts WHERE id > ?) OR "
                                       "EXISTS (SELECT 1 FROM pending_indexes)");
        waiting.bind(1, textIndexedThrough(db));
        return waiting.step() && waiting.int64(0) == 0;
    });
    if (!indexed || !indexed.value())
        return indexed;
    // The page anchors, the accounts by creation day, the frequent terms and the posts' keys are
    // made by the same step (a case from before them has none).
    const auto stale = storedPageAnchorsStale(db);
    if (!stale)
        return stale.error();
    const auto creation = accountCreationDaysStale(db);
    if (!creation)
        return creation.error();
    const auto terms = frequentTermsStale(db);
    if (!terms)
        return terms.error();
    const auto keys = storedPostKeysStale(db);
    if (!keys)
        return keys.error();
    return !stale.value() && !creation.value() && !terms.value() && !keys.value();
}

Result<std::int64_t> updateTextIndex(const Database &db, ProgressSink &progress,
                                     std::int64_t stepPosts)
{
    auto indexed = guardSql("could not build the text search index", [&]() -> Result<std::int64_t> {
        buildPendingIndexes(db, progress);
        if (progress.isCancelled())
            return Error::cancel();
        progress.stage(Stage::IndexingText);
        const auto start = textIndexState(db);
        if (!start)
            return start.error();
        const std::int64_t pending = start->pendingPosts;
        std::int64_t done = 0;
        progress.progress(0, pending);
        while (done < pending) {
            if (progress.isCancelled())
                return Error::cancel();
            Transaction step(db);
            // A cancelled step rolls back whole; the watch ends before the commit.
            std::optional<CancelWatch> watch(std::in_place, db, progress);
            const std::int64_t from = textIndexedThrough(db);
            // The step ends at the id of its last post, found through the primary key:
            // nothing here needs post ids without gaps.
            Statement last = db.prepare(
                "SELECT max(id), count(*) FROM (SELECT id FROM posts WHERE id > ? ORDER BY id "
                "LIMIT ?)");
            last.bind(1, from).bind(2, stepPosts);
            if (!last.step() || last.int64(1) == 0)
                break;
            const std::int64_t through = last.int64(0);
            const std::int64_t posts = last.int64(1);
            last.reset();
            Statement index = db.prepare("INSERT INTO posts_fts (rowid, text) SELECT id, text "
                                         "FROM posts WHERE id > ? AND id <= ?");
            index.bind(1, from).bind(2, through).exec();
            Statement advance =
                db.prepare("UPDATE text_index SET indexed_through = ? WHERE id = 1");
            advance.bind(1, through).exec();
            watch.reset();
            step.commit();
            done += posts;
            progress.progress(done, pending);
        }
        // The posts' keys first: their times and accounts, written before the rest, take the
        // pages the text index's merges left free, wherever those lie, so that what a search
        // narrowed as the case opens reads from disk (the keys' kinds, a frequent word's bits)
        // is written after, in order, at the file's end. (Written before the keys, the bits of
        // a word at ten million posts took free pages in a chain that partly ran backwards
        // through the file: 80 ms from disk, where read-ahead serves 1.25 MB read forwards.)
        // A Cancel or an error while the keys are written leaves the rest stale too, until the
        // next step makes them.
        if (const Status keys = updateStoredPostKeys(db, progress); !keys)
            return keys.error();
        if (const Status anchors = updateStoredPageAnchors(db, progress); !anchors)
            return anchors.error();
        if (const Status creation = updateAccountCreationDays(db, progress); !creation)
            return creation.error();
        if (const Status terms = updateFrequentTerms(db, progress); !terms)
            return terms.error();
        return done;
    });
    return interruptedByCancel(std::move(indexed), progress);
}

} // namespace chorus
