// The posts' keys the index step keeps in the case (store/StoredPostKeys) must be the keys a
// walk of the posts' indexes reads: after a first import of more than one chunk of posts,
// after a context post is collected (its flag read again, by keys held in memory and by the
// kept ones), after more posts (the last chunk rewritten, a new language); and kept keys that
// are damaged are refused and walked instead.
#include "PostCollection.h"
#include "TestSupport.h"
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

    static std::int64_t lastPost(const CaseStore &store)
    {
        return count(store, "SELECT max(id) FROM posts");
    }

    // The kept keys are read from the case, whole, and are the walked ones.
    static void checkKept(const CaseStore &store)
    {
        const PostKeys kept = readKeys(store, false);
        QVERIFY(!kept.storedRefused);
        QCOMPARE(kept.storedThrough, lastPost(store));
        QVERIFY(sameKeys(kept, readKeys(store, true), lastPost(store)));
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
        const QString retweet =
            writeFile(dir, "retweet.jsonl", lineOf("twarc2_flat.jsonl", 1).toUtf8() + '\n');
        QVERIFY(importPath(*store, retweet).ok());
        NullProgress progress;
        QVERIFY(updateTextIndex(store->db(), progress).ok());
        QVERIFY(textIndexComplete(store->db()).value());
        QCOMPARE(count(*store, "SELECT count(*) FROM post_key_chunks"), 2);
        QCOMPARE(count(*store, "SELECT through FROM post_keys_made"), lastPost(*store));
        checkKept(*store);
        const std::int64_t original = count(*store, "SELECT id FROM posts WHERE context = 1");
        PostKeys held = readKeys(*store, false);
        QCOMPARE(held.contextPosts, 1);
        QVERIFY(held.facets[std::size_t(original)] & PostKeys::ContextBit);

        // A later file collects the original: keys held in memory read their context flags
        // again, and the index step keeps them so.
        const QString collected =
            writeFile(dir, "original.jsonl", lineOf("twarc2_flat.jsonl", 0).toUtf8() + '\n');
        QVERIFY(importPath(*store, collected).ok());
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
        // chunk, and a reading that began before them reads the new posts by id.
        PostKeys before = readKeys(*store, false);
        PostCollection more;
        plant(more, 70000, 1000, "de");
        more.importInto(*store, dir);
        QVERIFY(updateTextIndex(store->db(), progress).ok());
        QCOMPARE(count(*store, "SELECT count(*) FROM post_key_chunks"), 2);
        checkKept(*store);
        while (!extendPostKeys(store->db(), before, 100000)) {
        }
        QVERIFY(sameKeys(before, readKeys(*store, true), lastPost(*store)));

        // Damaged kept keys: a chunk cut short, then one missing. Each is refused, and the
        // keys walked.
        auto damaged = CaseStore::open(store->db().path());
        QVERIFY(damaged);
        for (const char *damage :
             {"UPDATE post_key_chunks SET time = substr(time, 1, 100) WHERE first_id = 65536",
              "DELETE FROM post_key_chunks WHERE first_id = 0"}) {
            damaged.value()->db().execScript(damage);
            const PostKeys refused = readKeys(*store, false);
            QVERIFY(refused.storedRefused);
            QCOMPARE(refused.storedThrough, std::int64_t(0));
            QVERIFY(sameKeys(refused, readKeys(*store, true), lastPost(*store)));
        }

        // A case from before the kept keys has them made by its next index step.
        store = reopenUpgraded(std::move(store), 16);
        QVERIFY(!textIndexComplete(store->db()).value());
        QVERIFY(updateTextIndex(store->db(), progress).ok());
        checkKept(*store);
    }
};

QTEST_GUILESS_MAIN(TestStoredPostKeys)
#include "tst_stored_post_keys.moc"
