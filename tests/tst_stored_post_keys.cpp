// The posts' keys the index step keeps in the case (store/StoredPostKeys) must be the keys a
// walk of the posts' indexes reads: after a first import of more than one chunk of posts,
// after a context post is collected (its flag read again, by keys held in memory and by the
// kept ones), after more posts (the last chunk rewritten, a new language); they are read kinds
// first; and kept keys that are damaged are refused and walked instead. A narrowed search of
// collected posts only must find a post collected after it was first answered.
#include "PostCollection.h"
#include "TestSupport.h"
#include "query/PostOrderKeys.h"
#include "query/PostQueries.h"
#include "store/StoredPostKeys.h"
#include "store/TextIndex.h"

#include <QTest>

using namespace chorus;
using namespace chorus::test;

namespace {

constexpr std::int64_t Base = 1727740800; // 2024-10-01 00:00 UTC

// The keys read to the end: from the kept ones, or by walking the posts' indexes.
PostKeys readKeys(const CaseStore &store, bool walk)
{
    PostKeys keys;
    keys.storedRefused = walk;
    while (!extendPostKeys(store.db(), keys, 100000)) {
    }
    return keys;
}

// A post's language by name: the codes depend on the order the languages were met in.
std::string languageOf(const PostKeys &keys, std::int64_t id)
{
    const std::uint16_t code = keys.language[std::size_t(id)];
    return code == 0 ? std::string() : keys.languages.at(code - 1);
}

// Whether both hold the same keys for every post of the case.
bool sameKeys(const PostKeys &a, const PostKeys &b, std::int64_t lastPost)
{
    if (!a.covers(lastPost) || !b.covers(lastPost) || a.contextPosts != b.contextPosts)
        return false;
    for (std::int64_t id = 1; id <= lastPost; ++id) {
        const auto i = std::size_t(id);
        if (a.time[i] != b.time[i] || a.account[i] != b.account[i] || a.facets[i] != b.facets[i] ||
            languageOf(a, id) != languageOf(b, id))
            return false;
    }
    return true;
}

// A retweet like the fixture's (3101 retweeted as 3102), the line of a file of its own.
QByteArray otherRetweet()
{
    return lineOf("twarc2_flat.jsonl", 1).replace("3002", "3102").replace("3001", "3101").toUtf8() +
           '\n';
}

} // namespace

class TestStoredPostKeys : public QObject
{
    Q_OBJECT

private:
    // `n` posts from `first` on: accounts, times out of file order, kinds and languages.
    static void plant(PostCollection &posts, int first, int n, const std::string &language)
    {
        for (int i = first; i < first + n; ++i) {
            PostCollection::Post post;
            post.account = "a" + std::to_string(i % 997);
            post.time = Base + (i * 7919) % 100000;
            post.text = "word" + std::to_string(i % 50);
            post.language = i % 3 == 0 ? language : i % 3 == 1 ? "fr" : "";
            if (i % 5 == 0)
                post.replyTo = "elsewhere" + std::to_string(i);
            posts.post(post);
        }
    }

    // A case of `n` planted posts, its index step run.
    static std::unique_ptr<CaseStore> plantedCase(const QTemporaryDir &dir, int n)
    {
        auto store = makeCase(dir);
        PostCollection posts;
        plant(posts, 0, n, "en");
        posts.importInto(*store, dir);
        NullProgress progress;
        if (!updateTextIndex(store->db(), progress).ok())
            return nullptr;
        return store;
    }

    static std::int64_t lastPost(const CaseStore &store)
    {
        return count(store, "SELECT max(id) FROM posts");
    }

    // The kept keys are read from the case, whole, and are the walked ones. Their pages pass
    // through a small page cache (PageCacheLimit): the connection's own size is back after.
    static void checkKept(const CaseStore &store)
    {
        store.db().execScript("PRAGMA cache_size = -12345");
        const PostKeys kept = readKeys(store, false);
        QCOMPARE(count(store, "PRAGMA cache_size"), -12345);
        QVERIFY(!kept.storedRefused);
        QCOMPARE(kept.storedThrough, lastPost(store));
        QVERIFY(sameKeys(kept, readKeys(store, true), lastPost(store)));
    }

    // Each damage to the kept keys, alone (the chunks put back after each), is refused and
    // the keys walked; the last chunk is the one that reaches the last post.
    static void checkDamagesRefused(const CaseStore &store)
    {
        auto damaged = CaseStore::open(store.db().path());
        QVERIFY(damaged);
        const Database &db = damaged.value()->db();
        db.execScript("CREATE TEMP TABLE facets AS SELECT * FROM post_key_facet_chunks; CREATE "
                      "TEMP TABLE languages AS SELECT * FROM post_key_language_chunks; CREATE "
                      "TEMP TABLE orders AS SELECT * FROM post_key_order_chunks");
        const std::int64_t lastChunk =
            count(store, "SELECT max(first_id) FROM post_key_order_chunks");
        const std::string last = std::to_string(lastChunk);
        // Each with whether the index step sees it from the chunks' sizes (and makes them
        // again) or only a reading does.
        const std::vector<std::pair<std::string, bool>> damages = {
            {"DELETE FROM post_key_facet_chunks WHERE first_id = 0", true},
            {"DELETE FROM post_key_order_chunks WHERE first_id = " + last, true},
            {"DELETE FROM post_key_language_chunks WHERE first_id = " + last, true},
            {"UPDATE post_key_order_chunks SET time = substr(time, 1, 100) WHERE first_id = " +
                 last,
             true},
            {"UPDATE post_key_facet_chunks SET facets = substr(facets, 1, 100) WHERE first_id = " +
                 last,
             true},
            {"UPDATE post_key_language_chunks SET first_id = first_id + 1 WHERE first_id = 0",
             true},
            // Not a blob at all: a blob handle cannot open it.
            {"UPDATE post_key_order_chunks SET account = 0 WHERE first_id = " + last, true},
            {"UPDATE post_key_facet_chunks SET facets = 0 WHERE first_id = 0", true},
            {"UPDATE post_key_language_chunks SET language = CAST(zeroblob(length(language) - 2) "
             "|| "
             "X'FF7F' AS BLOB) WHERE first_id = " +
                 last,
             false}};
        for (const auto &[damage, seenBySize] : damages) {
            db.execScript(damage.c_str());
            QCOMPARE(storedPostKeysStale(db).value(), seenBySize);
            // A cache size in pages, not KiB: back after a reading that refused the chunks.
            store.db().execScript("PRAGMA cache_size = 777");
            const PostKeys refused = readKeys(store, false);
            QCOMPARE(count(store, "PRAGMA cache_size"), 777);
            if (!refused.storedRefused)
                QFAIL(("not refused: " + damage).c_str());
            QCOMPARE(refused.storedThrough, std::int64_t(0));
            QVERIFY(sameKeys(refused, readKeys(store, true), lastPost(store)));
            if (seenBySize) {
                // The next index step makes them again.
                NullProgress progress;
                QVERIFY(updateStoredPostKeys(db, progress).ok());
                QVERIFY(!storedPostKeysStale(db).value());
                checkKept(store);
            }
            db.execScript("DELETE FROM post_key_facet_chunks; INSERT INTO post_key_facet_chunks "
                          "SELECT * FROM temp.facets; DELETE FROM post_key_language_chunks; "
                          "INSERT INTO post_key_language_chunks SELECT * FROM temp.languages; "
                          "DELETE FROM post_key_order_chunks; INSERT INTO post_key_order_chunks "
                          "SELECT * FROM temp.orders");
            QVERIFY(!readKeys(store, false).storedRefused);
        }
        // Keys written again while a reading goes on, their languages numbered in another
        // order: the reading walks instead.
        PostKeys reading;
        QVERIFY(!extendPostKeys(store.db(), reading, StoredKeyChunkPosts));
        QVERIFY(!reading.storedRefused && reading.storedThrough > 0);
        db.execScript("CREATE TEMP TABLE names AS SELECT * FROM post_key_languages; "
                      "UPDATE post_key_languages SET name = (SELECT name FROM temp.names n "
                      "WHERE n.code = 3 - post_key_languages.code) WHERE code IN (1, 2)");
        while (!extendPostKeys(store.db(), reading, StoredKeyChunkPosts)) {
        }
        QVERIFY(reading.storedRefused);
        QVERIFY(sameKeys(reading, readKeys(store, true), lastPost(store)));
        db.execScript("DELETE FROM post_key_languages; INSERT INTO post_key_languages SELECT * "
                      "FROM temp.names");
        QVERIFY(!readKeys(store, false).storedRefused);
    }

private slots:
    void keptKeysAreTheWalkedKeys()
    {
        QTemporaryDir dir;
        auto store = makeCase(dir);
        PostCollection posts;
        plant(posts, 0, 70000, "en");
        posts.importInto(*store, dir);
        // A retweet brings its original as a context post.
        QVERIFY(importLineOf(*store, dir, "twarc2_flat.jsonl", 1).ok()); // the retweet
        NullProgress progress;
        QVERIFY(updateTextIndex(store->db(), progress).ok());
        QVERIFY(textIndexComplete(store->db()).value());
        QCOMPARE(count(*store, "SELECT count(*) FROM post_key_order_chunks"), 2);
        QCOMPARE(count(*store, "SELECT through FROM post_keys_made"), lastPost(*store));
        checkKept(*store);
        const std::int64_t original = count(*store, "SELECT id FROM posts WHERE context = 1");
        PostKeys held = readKeys(*store, false);
        QCOMPARE(held.contextPosts, 1);
        QVERIFY(held.facets[std::size_t(original)] & PostKeys::ContextBit);

        // A later file collects the original: keys held in memory read their context flags
        // again, and the index step keeps them so.
        QVERIFY(importLineOf(*store, dir, "twarc2_flat.jsonl", 0).ok()); // the original
        QCOMPARE(count(*store, "SELECT context FROM posts WHERE id = (SELECT id FROM posts "
                               "WHERE platform_id = '3001')"),
                 0);
        while (!extendPostKeys(store->db(), held, 100000)) {
        }
        QVERIFY(!(held.facets[std::size_t(original)] & PostKeys::ContextBit));
        QCOMPARE(held.contextPosts, 0);
        QVERIFY(sameKeys(held, readKeys(*store, true), lastPost(*store)));
        QVERIFY(!textIndexComplete(store->db()).value());
        QVERIFY(updateTextIndex(store->db(), progress).ok());
        QVERIFY(textIndexComplete(store->db()).value());
        checkKept(*store);

        // More posts, with a language not seen before: the kept keys go on from the last
        // chunk (the first one is not written again: the unused key of id 0 marked in it
        // stays), and keys read before the import read the new posts by id.
        store->db().execScript(
            "UPDATE post_key_order_chunks SET time = CAST(X'0700000000000000' || "
            "substr(time, 9) AS BLOB) WHERE first_id = 0; UPDATE post_key_facet_chunks SET "
            "facets = CAST(X'03' || substr(facets, 2) AS BLOB) WHERE first_id = 0; UPDATE "
            "post_key_language_chunks SET language = CAST(X'0100' || substr(language, 3) AS "
            "BLOB) WHERE first_id = 0");
        PostKeys before = readKeys(*store, false);
        // And a reading that has read one chunk goes on from the kept ones, though a retweet
        // imported meanwhile brought another context post.
        PostKeys halfway;
        QVERIFY(!extendPostKeys(store->db(), halfway, StoredKeyChunkPosts));
        PostCollection more;
        plant(more, 70000, 1000, "de");
        more.importInto(*store, dir);
        QVERIFY(importPath(*store, writeFile(dir, "another.jsonl", otherRetweet())).ok());
        QVERIFY(updateTextIndex(store->db(), progress).ok());
        while (!extendPostKeys(store->db(), halfway, StoredKeyChunkPosts)) {
        }
        QVERIFY(!halfway.storedRefused);
        QCOMPARE(halfway.contextPosts, 1);
        QVERIFY(sameKeys(halfway, readKeys(*store, true), lastPost(*store)));
        QCOMPARE(count(*store, "SELECT count(*) FROM post_key_order_chunks"), 2);
        // The marks of id 0, one in each pass's table.
        QCOMPARE(count(*store, "SELECT (SELECT substr(time, 1, 8) = X'0700000000000000' FROM "
                               "post_key_order_chunks WHERE first_id = 0) + (SELECT substr(facets, "
                               "1, 1) = X'03' FROM post_key_facet_chunks WHERE first_id = 0) + "
                               "(SELECT substr(language, 1, 2) = X'0100' FROM "
                               "post_key_language_chunks WHERE first_id = 0)"),
                 3);
        checkKept(*store);
        while (!extendPostKeys(store->db(), before, 100000)) {
        }
        QVERIFY(sameKeys(before, readKeys(*store, true), lastPost(*store)));

        // Damaged kept keys, one damage at a time: each is refused, and the keys walked.
        checkDamagesRefused(*store);

        // A case from before the kept keys has them made by its next index step.
        store = reopenUpgraded(std::move(store), 16);
        QVERIFY(!textIndexComplete(store->db()).value());
        QVERIFY(updateTextIndex(store->db(), progress).ok());
        checkKept(*store);
    }

    // Whether the table of kept keys has its blobs' pages next to each other, none of another
    // table's between: a pass then reads the file straight on. Of a case of two chunks, whose
    // rows fit in their tables' first pages (more chunks' rows take pages among the blobs'
    // too, a leaf every few chunks).
    static bool together(const CaseStore &store, const std::string &table)
    {
        return count(store, ("SELECT max(pageno) - min(pageno) + 1 - count(*) FROM dbstat WHERE "
                             "pagetype = 'overflow' AND name = '" +
                             table + "'")
                                .c_str()) == 0;
    }

    // The kept keys are read in passes, each a slice at a time: the kinds and context flags
    // of every post, then their languages, then their times and accounts; a search narrowed by
    // a kind is answered after the first (PostKeys::facetsCover). Each pass's columns lie in a
    // table of their own, also in a case kept by a version before (its keys copied).
    void keptKeysAreReadKindsFirst()
    {
        QTemporaryDir dir;
        auto store = plantedCase(dir, 70000);
        QVERIFY(store);
        const std::int64_t last = lastPost(*store);
        // The kinds and the languages, written after the times and accounts, lie together
        // (pages the text index left free, which could lie anywhere, went to those).
        QVERIFY(together(*store, "post_key_facet_chunks"));
        QVERIFY(together(*store, "post_key_language_chunks"));
        // Pages left free (as the text index's merges leave them) when the keys are made: the
        // times and accounts, written first, take them, and the kinds and the languages still
        // lie together.
        {
            NullProgress progress;
            store->db().execScript(
                "DELETE FROM post_key_facet_chunks; DELETE FROM post_key_language_chunks; DELETE "
                "FROM post_key_order_chunks; DELETE FROM post_keys_made; VACUUM; CREATE TABLE "
                "filler AS SELECT zeroblob(400000) AS bytes; DROP TABLE filler");
            QVERIFY(count(*store, "PRAGMA freelist_count") > 90);
            QVERIFY(updateStoredPostKeys(store->db(), progress).ok());
            QVERIFY(together(*store, "post_key_facet_chunks"));
            QVERIFY(together(*store, "post_key_language_chunks"));
            checkKept(*store);
        }
        // One chunk a slice in the kinds' pass (15 times the posts of the last pass).
        const std::int64_t rows = StoredKeyChunkPosts / 15;
        PostKeys keys;
        // Two chunks, then a slice that finds no more.
        for (int slice = 0; slice < 3; ++slice) {
            QCOMPARE(keys.keptPass, int(PostKeys::KindsPass));
            QVERIFY(!keys.facetsCover(last, false));
            QVERIFY(!extendPostKeys(store->db(), keys, rows));
        }
        QCOMPARE(keys.keptPass, int(PostKeys::LanguagesPass));
        QVERIFY(keys.facetsCover(last, false));
        QVERIFY(!keys.facetsCover(last, true));
        QVERIFY(keys.time.empty()); // room kept, nothing read
        QCOMPARE(keys.facets.size(), std::size_t(last) + 1);
        while (keys.keptPass == PostKeys::LanguagesPass)
            QVERIFY(!extendPostKeys(store->db(), keys, rows));
        QVERIFY(keys.facetsCover(last, true));
        QVERIFY(!keys.covers(last));
        while (!extendPostKeys(store->db(), keys, rows)) {
        }
        QVERIFY(sameKeys(keys, readKeys(*store, true), last));

        // From v18 (one table, times first) and v19 (one table, kinds first): the kept keys
        // copied across, still the case's.
        for (const int version : {18, 19}) {
            store = reopenUpgraded(std::move(store), version);
            QCOMPARE(count(*store, "SELECT count(*) FROM sqlite_schema WHERE name LIKE "
                                   "'post_key%chunks'"),
                     3);
            QCOMPARE(count(*store, "SELECT count(*) FROM post_key_facet_chunks"), 2);
            QCOMPARE(count(*store, "SELECT count(*) FROM post_key_language_chunks"), 2);
            QCOMPARE(count(*store, "SELECT count(*) FROM post_key_order_chunks"), 2);
            QVERIFY(textIndexComplete(store->db()).value());
            checkKept(*store);
        }
    }

    void damagedKeysOfOneChunkAreRefused()
    {
        // A case of fewer posts than a chunk: its one chunk missing or damaged is refused too.
        QTemporaryDir dir;
        auto store = plantedCase(dir, 300);
        QVERIFY(store);
        QCOMPARE(count(*store, "SELECT count(*) FROM post_key_order_chunks"), 1);
        checkKept(*store);
        checkDamagesRefused(*store);
    }

    void narrowedSearchFindsAPostCollectedLater()
    {
        // The retweet is collected and its original is context; a later file collects the
        // original. A search of collected posts only, narrowed by that term, must then find
        // both: with keys read before the second file, and on a connection that counted it
        // before.
        QTemporaryDir dir;
        auto store = makeCase(dir);
        QVERIFY(importLineOf(*store, dir, "twarc2_flat.jsonl", 1).ok()); // the retweet
        NullProgress progress;
        QVERIFY(updateTextIndex(store->db(), progress).ok());
        auto keyed = CaseStore::open(store->db().path());
        QVERIFY(keyed);
        PostOrderKeys keys;
        const PostQueries byKeys(*keyed.value(), &keys);
        while (!byKeys.extendOrderKeys(keys, 1000).value()) {
        }
        const PostQueries byRows(*store);
        PostFilter collected;
        collected.text = "croissants";
        collected.collectedOnly = true;
        const std::int64_t rt = count(*store, "SELECT id FROM posts WHERE platform_id = '3002'");
        const std::int64_t original =
            count(*store, "SELECT id FROM posts WHERE platform_id = '3001'");
        for (const PostQueries *queries : {&byKeys, &byRows}) {
            QCOMPARE(queries->count(collected).value(), std::int64_t(1));
            QCOMPARE(idsOf(queries->page(collected, PostSort::Time, false, 0, 10).value()),
                     std::vector<std::int64_t>{rt});
        }

        // A later file collects the original and brings another retweet, its own original
        // as context: as many context posts as before, and the text index no further until
        // its step.
        QVERIFY(importPath(*store, writeFile(dir, "later.jsonl",
                                             lineOf("twarc2_flat.jsonl", 0).toUtf8() + '\n' +
                                                 otherRetweet()))
                    .ok());
        QCOMPARE(count(*store, "SELECT count(*) FROM posts"), 4);
        QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE context = 1"), 1);
        // The case's summary counts them from the per-facet counts: the same.
        const auto summary = keyed.value()->summary();
        QVERIFY(summary.ok());
        QCOMPARE(summary->posts, std::int64_t(4));
        QCOMPARE(summary->contextPosts, std::int64_t(1));
        const std::vector<std::int64_t> both{original, rt};
        // Before the keys read the new posts and the flags again (the rows answer), and after,
        // on a connection of their own as well (the others have the count kept).
        for (int reread = 0; reread < 2; ++reread) {
            auto fresh = CaseStore::open(store->db().path());
            QVERIFY(fresh);
            const PostQueries freshByKeys(*fresh.value(), &keys);
            for (const PostQueries *queries : {&byKeys, &freshByKeys, &byRows}) {
                QCOMPARE(queries->count(collected).value(), std::int64_t(2));
                QCOMPARE(
                    idsOf(queries->page(collected, PostSort::Account, false, 0, 10).value()).size(),
                    std::size_t(2));
                QCOMPARE(idsOf(queries->page(collected, PostSort::Time, false, 0, 10).value()),
                         both);
            }
            while (!byKeys.extendOrderKeys(keys, 1000).value()) {
            }
            QCOMPARE(keys.contextPosts, 1);
        }
        // Once indexed, the other retweet too, not its original.
        QVERIFY(updateTextIndex(store->db(), progress).ok());
        const std::int64_t rt2 = count(*store, "SELECT id FROM posts WHERE platform_id = '3102'");
        for (const PostQueries *queries : {&byKeys, &byRows}) {
            QCOMPARE(queries->count(collected).value(), std::int64_t(3));
            QCOMPARE(idsOf(queries->page(collected, PostSort::Time, false, 0, 10).value()),
                     (std::vector<std::int64_t>{original, rt, rt2}));
        }
    }
};

QTEST_GUILESS_MAIN(TestStoredPostKeys)
#include "tst_stored_post_keys.moc"
