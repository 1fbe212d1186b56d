// The posts' times and accounts held in memory (query/PostOrderKeys) put a search's matches in
// order without reading their rows: its table of matches (a word in few posts) and its
// anchors (a word in many). The pages read with them must be the rows in the view's order,
// worked out here from the collection itself, before and after more posts are imported, and
// with the keys read in slices of a few posts.
#include "PostCollection.h"
#include "TestSupport.h"
#include "query/PostQueries.h"
#include "query/SearchHits.h"
#include "store/TextIndex.h"

#include <QTest>

#include <algorithm>
#include <array>

using namespace chorus;
using namespace chorus::test;

namespace {

constexpr std::int64_t Base = 1727740800; // 2024-10-01 00:00 UTC

struct Planted
{
    std::int64_t time;
    std::string account, platformId, text;
};

} // namespace

class TestPostOrderKeys : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    PostCollection m_posts;
    std::vector<Planted> m_planted;
    Lcg m_random{17};

    void plant(int first, int n)
    {
        for (int i = first; i < first + n; ++i) {
            PostCollection::Post post;
            post.account = "k" + std::to_string(m_random.next(13));
            // Ties, times not in file order, and later imports among earlier posts.
            post.time = Base + (i * 7919) % 300 / 2;
            // "rare" in one post in 23 (paged from a table of matches), "common" in one in
            // three (paged by walking the order, from anchors).
            post.text =
                randomText(m_random) + (i % 23 == 4 ? " rare" : "") + (i % 3 == 1 ? " common" : "");
            m_planted.push_back({post.time, post.account, m_posts.post(post), post.text});
        }
    }

    // The ids of the posts whose text has `word`, in the view's order.
    std::vector<std::int64_t> expected(const PostCollection::Ids &ids, const std::string &word,
                                       PostSort sort, bool descending) const
    {
        std::vector<std::array<std::int64_t, 3>> keys;
        for (const Planted &p : m_planted) {
            if ((" " + p.text + " ").find(" " + word + " ") == std::string::npos)
                continue;
            const std::int64_t account = sort == PostSort::Account ? ids.account(p.account) : 0;
            keys.push_back({account, p.time, ids.post(p.platformId)});
        }
        return idsInOrder(keys, descending);
    }

    // Every page of four rows of both words' views, read with `queries`; for the common word,
    // from anchors every five rows that must come whole from one call.
    void checkPages(const PostQueries &queries, const PostCollection::Ids &ids, bool keyed)
    {
        for (const std::string word : {"rare", "common"})
            for (const PostSort sort : {PostSort::Time, PostSort::Account})
                for (const bool descending : {false, true}) {
                    const std::vector<std::int64_t> all = expected(ids, word, sort, descending);
                    QVERIFY(all.size() >= 5);
                    PostFilter filter;
                    filter.text = word;
                    QCOMPARE(queries.count(filter).value(), std::int64_t(all.size()));
                    PageAnchors anchors;
                    anchors.spacing = 5;
                    anchors = queries.extendAnchors(filter, sort, descending, anchors, 7).value();
                    if (word == "common") {
                        // Seven rows a slice read the anchors in slices; the keys all at once.
                        QCOMPARE(anchors.complete, keyed);
                        while (!anchors.complete)
                            anchors =
                                queries.extendAnchors(filter, sort, descending, anchors, 7).value();
                        QCOMPARE(std::int64_t(anchors.parts.front().keys.size()),
                                 std::int64_t(all.size() + 4) / 5);
                    }
                    for (std::size_t offset = 0; offset < all.size() + 2; ++offset) {
                        const auto page = queries.page(filter, sort, descending,
                                                       std::int64_t(offset), 4, &anchors);
                        QVERIFY(page);
                        const std::size_t begin = std::min(offset, all.size());
                        const std::size_t end = std::min(all.size(), offset + 4);
                        QCOMPARE(idsOf(page.value()),
                                 std::vector<std::int64_t>(all.begin() + std::ptrdiff_t(begin),
                                                           all.begin() + std::ptrdiff_t(end)));
                    }
                }
    }

    // The matches in order from the keys themselves, or none when the keys do not hold every
    // indexed post.
    void checkKeyedOrder(const CaseStore &store, const PostOrderKeys &keys,
                         const PostCollection::Ids &ids, bool keyed)
    {
        for (const std::string word : {"rare", "common"})
            for (const PostSort sort : {PostSort::Time, PostSort::Account}) {
                const auto hits = detail::matchesInOrder(
                    store.db(), ftsMatchExpression(word),
                    sort == PostSort::Account ? detail::HitOrder::Account : detail::HitOrder::Time,
                    keys);
                QCOMPARE(hits.has_value(), keyed);
                if (!hits)
                    continue;
                std::vector<std::int64_t> order;
                for (const detail::HitKey &hit : *hits)
                    order.push_back(hit[sort == PostSort::Account ? 2 : 1]);
                QCOMPARE(order, expected(ids, word, sort, false));
            }
    }

private slots:
    void keyedSearchPagesAreInTheViewsOrder()
    {
        plant(0, 240);
        auto store = makeCase(m_dir);
        PostCollection::Ids ids = m_posts.importInto(*store, m_dir);
        NullProgress progress;
        QVERIFY(updateTextIndex(store->db(), progress).ok());

        // Read eleven posts a slice: the walk of the account order, then nothing more.
        PostOrderKeys keys;
        int slices = 0;
        while (!PostQueries(*store).extendOrderKeys(keys, 11).value())
            ++slices;
        QCOMPARE(slices, 240 / 11);
        QVERIFY(keys.covers(240));
        QCOMPARE(keys.time.size(), std::size_t(241));

        // A second connection for each: a connection keeps its tables of matches, and these
        // must be made with and without the keys.
        auto keyed = CaseStore::open(store->db().path());
        QVERIFY(keyed);
        checkPages(PostQueries(*store), ids, false);
        checkPages(PostQueries(*keyed.value(), &keys), ids, true);
        checkKeyedOrder(*store, keys, ids, true);

        // More posts, indexed: the keys no longer hold every indexed post, so the pages read
        // the rows; once read, the keys are used again.
        plant(240, 100);
        ids = m_posts.importInto(*store, m_dir);
        QVERIFY(updateTextIndex(store->db(), progress).ok());
        QVERIFY(!keys.covers(340));
        checkKeyedOrder(*store, keys, ids, false);
        checkPages(PostQueries(*keyed.value(), &keys), ids, false);
        QCOMPARE(PostQueries(*store).extendOrderKeys(keys, 1000).value(), true);
        QVERIFY(keys.covers(340));
        auto again = CaseStore::open(store->db().path());
        QVERIFY(again);
        checkPages(PostQueries(*again.value(), &keys), ids, true);

        // Keys that would take more than their share of memory are not kept (the reading is
        // done at once), and searches read the rows.
        PostOrderKeys small;
        small.maxBytes = 340 * 12;
        QCOMPARE(PostQueries(*store).extendOrderKeys(small, 1000).value(), true);
        QVERIFY(small.unusable && small.time.empty());
        auto limited = CaseStore::open(store->db().path());
        QVERIFY(limited);
        checkPages(PostQueries(*limited.value(), &small), ids, false);
        small = {};
        small.maxBytes = 341 * 12; // ids 0..340
        QCOMPARE(PostQueries(*store).extendOrderKeys(small, 1000).value(), true);
        QVERIFY(small.covers(340) && !small.unusable);

        // Posts imported while the keys are being read: the walk takes the posts there when it
        // began, and the next slices the posts added since.
        PostOrderKeys during;
        QCOMPARE(PostQueries(*store).extendOrderKeys(during, 100).value(), false);
        plant(340, 30);
        ids = m_posts.importInto(*store, m_dir);
        QVERIFY(updateTextIndex(store->db(), progress).ok());
        QCOMPARE(PostQueries(*store).extendOrderKeys(during, 100).value(), false);
        QCOMPARE(during.through, std::int64_t(340));
        while (!PostQueries(*store).extendOrderKeys(during, 100).value()) {
        }
        QVERIFY(during.covers(370));
        checkKeyedOrder(*store, during, ids, true);
        // Keys whose posts added since would take more than their share are not kept either.
        QCOMPARE(PostQueries(*store).extendOrderKeys(small, 1000).value(), true);
        QVERIFY(small.unusable && small.time.empty() && !small.walked);
        auto later = CaseStore::open(store->db().path());
        QVERIFY(later);
        checkPages(PostQueries(*later.value(), &during), ids, true);
    }

    void matchCountsKeepTheLastUsed()
    {
        // A connection keeps the counts of its last 64 searches: one in use all along stays,
        // however many others come and go.
        QTemporaryDir dir;
        PostCollection posts;
        for (int i = 0; i < 6; ++i)
            posts.post({"m" + std::to_string(i),
                        Base + i,
                        {},
                        {},
                        {},
                        {},
                        "kept word " + std::to_string(i)});
        auto store = makeCase(dir);
        posts.importInto(*store, dir);
        NullProgress progress;
        QVERIFY(updateTextIndex(store->db(), progress).ok());
        const Database &db = store->db();
        for (int i = 0; i < 100; ++i) {
            QCOMPARE(detail::searchMatchCount(db, ftsMatchExpression("kept")), std::int64_t(6));
            QCOMPARE(detail::searchMatchCount(db, ftsMatchExpression("other" + std::to_string(i))),
                     std::int64_t(0));
        }
        QCOMPARE(count(*store, "SELECT count(*) FROM temp.search_counts"), 64);
        QCOMPARE(count(*store, "SELECT count(*) FROM temp.search_counts WHERE match = "
                               "'\"kept\"'"),
                 1);
        QCOMPARE(count(*store, "SELECT count(*) FROM temp.search_counts WHERE match = "
                               "'\"other99\"'"),
                 1);
    }
};

QTEST_GUILESS_MAIN(TestPostOrderKeys)
#include "tst_post_order_keys.moc"
