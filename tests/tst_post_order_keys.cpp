// The posts' times and accounts held in memory (query/PostOrderKeys) put a search's matches in
// order without reading their rows: its table of matches (a word in few posts) and its
// anchors (a word in many). The pages read with them must be the rows in the view's order,
// worked out here from the collection itself, before and after more posts are imported, and
// with the keys read in slices of a few posts.
#include "PlantedPosts.h"
#include "PostCollection.h"
#include "TestSupport.h"
#include "query/KeyFilter.h"
#include "query/PostQueries.h"
#include "query/SearchHits.h"
#include "store/TextIndex.h"

#include <QTest>

#include <algorithm>
#include <array>
#include <functional>

using namespace chorus;
using namespace chorus::test;

namespace {

constexpr std::int64_t Base = PlantedBase;

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
            // Kinds and languages for the narrowed searches, unrelated to the words.
            const char *kind = i % 7 == 2 ? "reply" : i % 7 == 5 ? "repost" : "post";
            if (i % 7 == 2)
                post.replyTo = "elsewhere" + std::to_string(i);
            if (i % 7 == 5)
                post.repostOf = "elsewhere" + std::to_string(i);
            post.language = i % 5 < 2 ? "fr" : i % 5 == 2 ? "" : "en";
            m_planted.push_back(
                {post.time, post.account, m_posts.post(post), post.text, kind, post.language});
        }
    }

    // The ids of the posts whose text has `word` (and that pass `narrow`), in the view's order.
    std::vector<std::int64_t>
    expected(const PostCollection::Ids &ids, const std::string &word, PostSort sort,
             bool descending, const std::function<bool(const Planted &)> &narrow = {}) const
    {
        std::vector<std::array<std::int64_t, 3>> keys;
        for (const Planted &p : m_planted) {
            if ((" " + p.text + " ").find(" " + word + " ") == std::string::npos ||
                (narrow && !narrow(p)))
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
                        // Seven rows a slice read the anchors in slices; with the keys none
                        // are needed, a page starting at its first row's key.
                        QCOMPARE(anchors.complete, keyed);
                        while (!anchors.complete)
                            anchors =
                                queries.extendAnchors(filter, sort, descending, anchors, 7).value();
                        QCOMPARE(std::int64_t(anchors.parts.front().keys.size()),
                                 keyed ? 0 : std::int64_t(all.size() + 4) / 5);
                        QCOMPARE(anchors.parts.front().scanned, std::int64_t(all.size()));
                    }
                    for (std::size_t offset = 0; offset < all.size() + 2; ++offset) {
                        const auto page = queries.page(filter, sort, descending,
                                                       std::int64_t(offset), 4, &anchors);
                        QVERIFY(page);
                        const std::size_t begin = std::min(offset, all.size());
                        const std::size_t end = std::min(all.size(), offset + 4);
                        const std::vector<std::int64_t> rows(all.begin() + std::ptrdiff_t(begin),
                                                             all.begin() + std::ptrdiff_t(end));
                        QCOMPARE(idsOf(page.value()), rows);
                        // Without the view's anchors: from the start, or from its first row's
                        // key selected from the keys.
                        const auto unanchored =
                            queries.page(filter, sort, descending, std::int64_t(offset), 4);
                        QVERIFY(unanchored);
                        QCOMPARE(idsOf(unanchored.value()), rows);
                    }
                }
    }

    // Searches narrowed by terms the keys answer: their counts and every page of four rows in
    // both orders and directions; with keys that hold every indexed post, also their matches
    // in order from the keys themselves.
    void checkNarrowed(const PostQueries &queries, const CaseStore &store,
                       const PostOrderKeys *keys, const PostCollection::Ids &ids)
    {
        struct Narrowing
        {
            const char *name;
            PostFilter filter;
            std::function<bool(const Planted &)> passes;
        };
        std::vector<Narrowing> narrowings;
        const auto add = [&](const char *name, const std::function<void(PostFilter &)> &set,
                             std::function<bool(const Planted &)> passes) {
            PostFilter filter;
            set(filter);
            narrowings.push_back({name, filter, std::move(passes)});
        };
        add(
            "replies", [](PostFilter &f) { f.kind = "reply"; },
            [](const Planted &p) { return p.kind == "reply"; });
        add(
            "French", [](PostFilter &f) { f.language = "fr"; },
            [](const Planted &p) { return p.language == "fr"; });
        add(
            "English reposts",
            [](PostFilter &f) {
                f.kind = "repost";
                f.language = "en";
            },
            [](const Planted &p) { return p.kind == "repost" && p.language == "en"; });
        const std::int64_t k3 = ids.account("k3"), k5 = ids.account("k5");
        add(
            "one account", [&](PostFilter &f) { f.accountId = k3; },
            [](const Planted &p) { return p.account == "k3"; });
        add(
            "two accounts",
            [&](PostFilter &f) {
                f.accountIds = {k5, k3, k5};
            },
            [](const Planted &p) { return p.account == "k3" || p.account == "k5"; });
        add(
            "a time range",
            [](PostFilter &f) {
                f.from = Base + 30;
                f.to = Base + 90;
            },
            [](const Planted &p) { return p.time >= Base + 30 && p.time < Base + 90; });
        add(
            "collected French",
            [](PostFilter &f) {
                f.language = "fr";
                f.collectedOnly = true;
            },
            [](const Planted &p) { return p.language == "fr"; });
        add(
            "an unknown language", [](PostFilter &f) { f.language = "xx"; },
            [](const Planted &) { return false; });
        add(
            "an account past 32 bits", [](PostFilter &f) { f.accountId = std::int64_t(1) << 40; },
            [](const Planted &) { return false; });
        for (const Narrowing &narrowing : narrowings)
            for (const std::string word : {"rare", "common"}) {
                PostFilter filter = narrowing.filter;
                filter.text = word;
                QVERIFY(detail::isNarrowedSearch(filter));
                const std::size_t n =
                    expected(ids, word, PostSort::Time, false, narrowing.passes).size();
                QCOMPARE(queries.count(filter).value(), std::int64_t(n));
                for (const PostSort sort : {PostSort::Time, PostSort::Account}) {
                    // Pages first: each puts in order only the slices of the matches it shows;
                    // then every match, the slices no page reached with them.
                    for (const bool descending : {false, true}) {
                        const auto all = expected(ids, word, sort, descending, narrowing.passes);
                        // Needs no anchors: pages are read by position in its table of matches.
                        PageAnchors anchors;
                        anchors.spacing = 5;
                        QVERIFY(
                            queries.extendAnchors(filter, sort, descending, anchors, 7)->complete);
                        for (std::size_t offset = 0; offset < all.size() + 2; offset += 3) {
                            const auto page =
                                queries.page(filter, sort, descending, std::int64_t(offset), 4);
                            QVERIFY(page);
                            const std::size_t begin = std::min(offset, all.size());
                            const std::size_t end = std::min(all.size(), offset + 4);
                            if (idsOf(page.value()) !=
                                std::vector<std::int64_t>(all.begin() + std::ptrdiff_t(begin),
                                                          all.begin() + std::ptrdiff_t(end)))
                                QFAIL(("wrong page of " + word + ", " + narrowing.name).c_str());
                        }
                    }
                    if (keys) {
                        const auto hits = detail::matchesInOrder(store.db(), filter,
                                                                 sort == PostSort::Account
                                                                     ? detail::HitOrder::Account
                                                                     : detail::HitOrder::Time,
                                                                 *keys);
                        QVERIFY(hits);
                        std::vector<std::int64_t> order;
                        for (const detail::HitKey &hit : *hits)
                            order.push_back(hit[sort == PostSort::Account ? 2 : 1]);
                        QCOMPARE(order, expected(ids, word, sort, false, narrowing.passes));
                    }
                }
            }
        // The cluster order pages a narrowed search by SQLite's plan, in two parts.
        PostFilter frenchRare = narrowings[1].filter;
        frenchRare.text = "rare";
        const auto byCluster = queries.page(frenchRare, PostSort::Cluster, false, 0, 1000);
        QVERIFY(byCluster);
        QCOMPARE(std::int64_t(byCluster->size()), queries.count(frenchRare).value());
    }

    // The matches in order from the keys themselves, or none when the keys do not hold every
    // indexed post.
    void checkKeyedOrder(const CaseStore &store, const PostOrderKeys &keys,
                         const PostCollection::Ids &ids, bool keyed)
    {
        for (const std::string word : {"rare", "common"})
            for (const PostSort sort : {PostSort::Time, PostSort::Account}) {
                const auto hits = detail::matchesInOrder(
                    store.db(), words(word),
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
        // A case from before the index step kept the keys (schema 16): they are walked.
        store = reopenUpgraded(std::move(store), 16);

        // Read eleven posts a slice: the walk of the account order, then nothing more.
        PostOrderKeys keys;
        int slices = 0;
        while (!PostQueries(*store).extendOrderKeys(keys, 11).value())
            ++slices;
        // The walk of the accounts' index (22 slices, the last short of eleven); of the kinds'
        // but the most common (posts): 34 replies and 34 reposts, 4 slices each, and one to
        // find none left; of the languages' but the most common (English, tied with French
        // and first by name): 96 in French (9), 48 without one (5 for NULL, one for ''), one
        // to find none left; the context posts (one); then nothing more.
        QCOMPARE(slices, 22 + (4 + 4 + 1) + (9 + 5 + 1 + 1) + 1);
        QVERIFY(keys.covers(240));
        QCOMPARE(keys.time.size(), std::size_t(241));

        // A second connection for each: a connection keeps its tables of matches, and these
        // must be made with and without the keys.
        auto keyed = CaseStore::open(store->db().path());
        QVERIFY(keyed);
        checkPages(PostQueries(*store), ids, false);
        checkPages(PostQueries(*keyed.value(), &keys), ids, true);
        checkKeyedOrder(*store, keys, ids, true);
        checkNarrowed(PostQueries(*store), *store, nullptr, ids);
        checkNarrowed(PostQueries(*keyed.value(), &keys), *store, &keys, ids);

        // More posts, indexed: the keys no longer hold every indexed post, so the pages read
        // the rows; once read, the keys are used again.
        plant(240, 100);
        ids = m_posts.importInto(*store, m_dir);
        QVERIFY(updateTextIndex(store->db(), progress).ok());
        QVERIFY(!keys.covers(340));
        checkKeyedOrder(*store, keys, ids, false);
        checkPages(PostQueries(*keyed.value(), &keys), ids, false);
        checkNarrowed(PostQueries(*keyed.value(), &keys), *store, nullptr, ids);
        QCOMPARE(PostQueries(*store).extendOrderKeys(keys, 1000).value(), true);
        QVERIFY(keys.covers(340));
        auto again = CaseStore::open(store->db().path());
        QVERIFY(again);
        checkPages(PostQueries(*again.value(), &keys), ids, true);
        checkNarrowed(PostQueries(*again.value(), &keys), *store, &keys, ids);

        // Keys that would take more than their share of memory are not kept (the reading is
        // done at once), and searches read the rows.
        PostOrderKeys small;
        small.maxBytes = 340 * PostOrderKeys::BytesAPost;
        QCOMPARE(PostQueries(*store).extendOrderKeys(small, 1000).value(), true);
        QVERIFY(small.unusable && small.time.empty());
        auto limited = CaseStore::open(store->db().path());
        QVERIFY(limited);
        checkPages(PostQueries(*limited.value(), &small), ids, false);
        small = {};
        small.maxBytes = 341 * PostOrderKeys::BytesAPost; // ids 0..340
        while (!PostQueries(*store).extendOrderKeys(small, 1000).value()) {
        }
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
        checkNarrowed(PostQueries(*later.value(), &during), *store, &during, ids);
    }

    void keysReadByIdBeforeTheIndexStep()
    {
        // A fresh import leaves the kind and language indexes to the index step: keys read
        // before it take the rows by id, and serve the narrowed searches once indexed.
        QTemporaryDir dir;
        auto store = makeCase(dir);
        const PostCollection::Ids ids = m_posts.importInto(*store, dir);
        QCOMPARE(count(*store, "SELECT count(*) FROM pending_indexes"), 2);
        PostOrderKeys keys;
        int slices = 0;
        while (!PostQueries(*store).extendOrderKeys(keys, 50).value())
            ++slices;
        const auto posts = std::int64_t(m_planted.size());
        QCOMPARE(slices, int(posts / 50 + 1) * 2); // the accounts' walk, then the rows by id
        NullProgress progress;
        QVERIFY(updateTextIndex(store->db(), progress).ok());
        QVERIFY(keys.covers(posts));
        auto keyed = CaseStore::open(store->db().path());
        QVERIFY(keyed);
        checkNarrowed(PostQueries(*keyed.value(), &keys), *store, &keys, ids);
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
            QCOMPARE(detail::searchMatchCount(db, words("kept")), std::int64_t(6));
            QCOMPARE(detail::searchMatchCount(db, words("other" + std::to_string(i))),
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
