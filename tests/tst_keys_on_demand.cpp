// A search typed before the posts table has read the posts' keys (the first second or so after
// a large case opens) reads the rest of them first when that costs less than SQLite reading each
// of its matches' rows (PostQueries::readOrderKeysFor), and is then answered from them. And our
// own loops over a search's matches stop, as SQLite's statements do, when the connection is
// interrupted for the view's next query, keeping nothing half made; so do statements started
// after the interrupt.
#include "PlantedPosts.h"
#include "PostCollection.h"
#include "TestSupport.h"
#include "clustering/TextClusterAnalysis.h"
#include "query/MatchOrder.h"
#include "query/PostQueries.h"
#include "query/SearchHits.h"
#include "store/TextIndex.h"

#include <QTest>

#include <array>

using namespace chorus;
using namespace chorus::test;

namespace {

constexpr int Posts = 2000;

} // namespace

class TestKeysOnDemand : public QObject
{
    Q_OBJECT

private:
    PostCollection m_posts;
    std::vector<Planted> m_planted;

    // A case with the posts, indexed for search (which keeps a copy of their keys).
    std::unique_ptr<CaseStore> makeIndexedCase(const QTemporaryDir &dir,
                                               PostCollection::Ids &ids) const
    {
        auto store = makeCase(dir);
        ids = m_posts.importInto(*store, dir);
        NullProgress progress;
        [&] { QVERIFY(updateTextIndex(store->db(), progress).ok()); }();
        return store;
    }

    // The ids of the posts with `word` (replies only if asked), by time.
    std::vector<std::int64_t> expected(const PostCollection::Ids &ids, const std::string &word,
                                       bool repliesOnly) const
    {
        std::vector<std::array<std::int64_t, 3>> keys;
        for (const Planted &p : m_planted)
            if ((" " + p.text + " ").find(" " + word + " ") != std::string::npos &&
                (!repliesOnly || p.kind == "reply"))
                keys.push_back({0, p.time, ids.post(p.platformId)});
        return idsInOrder(keys, false);
    }

    static PostFilter replies(const std::string &word)
    {
        PostFilter filter = words(word);
        filter.kind = "reply";
        return filter;
    }

private slots:
    // 2,000 posts: "common" in every other one, "mid" in one in 40, "rare" in one; a reply
    // in three. Times run backwards against the ids, so that no order is the order by id.
    void initTestCase()
    {
        for (int i = 0; i < Posts; ++i) {
            PostCollection::Post post;
            post.account = "a" + std::to_string(i % 17);
            post.time = PlantedBase - std::int64_t(i) * 60 + (i % 7) * 600;
            post.text = std::string("words") + (i % 2 == 0 ? " common" : "") +
                        (i % 40 == 3 ? " mid" : "") + (i == 1234 ? " rare" : "");
            if (i % 3 == 1)
                post.replyTo = "elsewhere" + std::to_string(i);
            m_planted.push_back({post.time, post.account, m_posts.post(post), post.text,
                                 i % 3 == 1 ? "reply" : "post", ""});
        }
    }

    void aSearchReadsTheKeysWhenTheyCostLess()
    {
        QTemporaryDir dir;
        PostCollection::Ids ids;
        auto store = makeIndexedCase(dir, ids);
        const PostQueries queries(*store);
        using Use = PostQueries::KeysUse;
        // What a search had read: nothing, the facets' pass only (kinds, context flags,
        // languages), or every key.
        enum class Read { Nothing, Facets, Whole };
        const auto reads = [&](const PostFilter &filter, Use use, PostSort sort = PostSort::Time,
                               PostQueries::KeysPage page = {}) {
            PostOrderKeys keys;
            const auto read = queries.readOrderKeysFor(filter, use, sort, keys, page);
            [&] { QVERIFY2(read.ok(), read.ok() ? "" : read.error().message.c_str()); }();
            if (!read.value()) {
                [&] { QVERIFY(!keys.started); }(); // not begun
                return Read::Nothing;
            }
            if (keys.walked)
                return Read::Whole;
            [&] { QVERIFY(keys.facetsCover(Posts, !filter.language.empty())); }();
            [&] { QVERIFY(!keys.covers(Posts)); }();
            return Read::Facets;
        };
        // A narrowed search of a common word: counting it from its rows reads 1,000 of them;
        // the kinds are enough for its count, and for its first pages (found from the kinds,
        // query/TermsHead); deeper pages need the times too.
        QCOMPARE(reads(replies("common"), Use::Count), Read::Facets);
        QCOMPARE(reads(replies("common"), Use::Page, PostSort::Time, {false, 64}), Read::Facets);
        QCOMPARE(reads(replies("common"), Use::Page, PostSort::Account, {true, 64}), Read::Facets);
        QCOMPARE(reads(replies("common"), Use::Page, PostSort::Time, {false, 2048}), Read::Whole);
        QCOMPARE(reads(replies("common"), Use::Page), Read::Whole);
        // Narrowed by a time range as well: the times are needed for the count.
        PostFilter lately = replies("common");
        lately.from = PlantedBase - 3600;
        QCOMPARE(reads(lately, Use::Count), Read::Whole);
        // Fifty: 250 us from their rows, against 32 us for the kept kinds.
        QCOMPARE(reads(replies("mid"), Use::Count), Read::Facets);
        // One match: its row costs less than every post's keys.
        QCOMPARE(reads(replies("rare"), Use::Count), Read::Nothing);
        QCOMPARE(reads(words("rare"), Use::Page), Read::Nothing);
        // Words alone are counted by the index; the common word's first page walks the order.
        QCOMPARE(reads(words("mid"), Use::Count), Read::Nothing);
        QCOMPARE(reads(words("common"), Use::Page), Read::Nothing);
        // Fifty matches are sorted by their rows for a first page: 40 us each, against 0.08 us
        // a post from the kept copy.
        QCOMPARE(reads(words("mid"), Use::Page), Read::Whole);
        // Terms the keys do not hold (a cluster), no words, or one account's few posts: never.
        PostFilter clustered = replies("common");
        clustered.clusterId = 1;
        QCOMPARE(reads(clustered, Use::Count), Read::Nothing);
        PostFilter noWords;
        noWords.kind = "reply";
        QCOMPARE(reads(noWords, Use::Count), Read::Nothing);
        PostFilter oneAccount = replies("common");
        oneAccount.accountId = ids.account("a3");
        QCOMPARE(reads(oneAccount, Use::Count), Read::Nothing);

        // Read for the count, the keys' first pass answers it and the first page, as the rows
        // would.
        PostOrderKeys keys;
        QVERIFY(
            queries.readOrderKeysFor(replies("common"), Use::Count, PostSort::Time, keys).value());
        QVERIFY(!keys.covers(Posts));
        const std::vector<std::int64_t> all = expected(ids, "common", true);
        QCOMPARE(all.size(), std::size_t(333));
        const PostQueries keyed(*store, &keys);
        QCOMPARE(keyed.count(replies("common")).value(), std::int64_t(all.size()));
        const auto head = keyed.page(replies("common"), PostSort::Time, false, 0, 20);
        QVERIFY(head.ok());
        QCOMPARE(idsOf(head.value()), std::vector<std::int64_t>(all.begin(), all.begin() + 20));
        // A page past the first 1,024 rows reads the rest first, and is put in order from them.
        QVERIFY(
            queries
                .readOrderKeysFor(replies("common"), Use::Page, PostSort::Time, keys, {false, 2048})
                .value());
        QVERIFY(keys.covers(Posts));
        QVERIFY(
            detail::orderedMatches(store->db(), replies("common"), detail::HitOrder::Time, keys));
        const auto page = keyed.page(replies("common"), PostSort::Time, false, 300, 20);
        QVERIFY(page.ok());
        QCOMPARE(idsOf(page.value()),
                 std::vector<std::int64_t>(all.begin() + 300, all.begin() + 320));
        // Whole already: nothing more to read.
        QVERIFY(
            queries.readOrderKeysFor(replies("rare"), Use::Count, PostSort::Time, keys).value());

        // Ten posts imported since (the file again, with them): reading them by id costs less
        // than counting the 60 matches of `mid` from their rows, where walking every post's
        // keys (0.3 us a post) would not.
        PostCollection more = m_posts;
        for (int i = 0; i < 10; ++i)
            more.post({"late", PlantedBase + i, {}, "elsewhere-late", {}, {}, "words mid late"});
        more.importInto(*store, dir);
        NullProgress progress;
        QVERIFY(updateTextIndex(store->db(), progress).ok());
        QVERIFY(!keys.covers(Posts + 10));
        QVERIFY(keys.walked);
        QVERIFY(queries.readOrderKeysFor(replies("mid"), Use::Count, PostSort::Time, keys).value());
        QVERIFY(keys.covers(Posts + 10));
        QCOMPARE(keyed.count(replies("mid")).value(),
                 std::int64_t(expected(ids, "mid", true).size() + 10));

        // The cluster order's pages are not read from the keys: not for them.
        QVERIFY(runTextClusterAnalysis(store->db(), {}, progress).ok());
        QCOMPARE(reads(words("mid"), Use::Page, PostSort::Time), Read::Whole);
        QCOMPARE(reads(words("mid"), Use::Page, PostSort::Cluster), Read::Nothing);
    }

    void anInterruptStopsOurLoopsAndKeepsNothing()
    {
        QTemporaryDir dir;
        PostCollection::Ids ids;
        auto store = makeIndexedCase(dir, ids);
        const Database &db = store->db();
        const std::vector<std::int64_t> all = expected(ids, "common", false);
        QCOMPARE(all.size(), std::size_t(Posts / 2));

        // A statement that starts after the interrupt, when none ran (SQLite forgets it then),
        // stops too, until the next job clears it; a short one (a PRAGMA, a COMMIT putting a
        // job's state back) runs.
        const char *const longCount = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                                      "FROM n WHERE i < 100000) SELECT count(*) FROM n";
        db.interrupt();
        QVERIFY_THROWS_EXCEPTION(SqlError, db.queryInt64(longCount));
        QCOMPARE(db.queryInt64("PRAGMA page_size"), 4096);
        db.clearInterrupt();
        QCOMPARE(db.queryInt64(longCount), 100000);

        // Reading the keys: stopped before its next slice, the keys read so far kept usable.
        PostOrderKeys keys;
        db.interrupt();
        const auto stopped = PostQueries(*store).readOrderKeysFor(
            replies("common"), PostQueries::KeysUse::Count, PostSort::Time, keys);
        QVERIFY(!stopped.ok());
        QVERIFY(!keys.walked);
        db.clearInterrupt(); // the next job
        QVERIFY(PostQueries(*store)
                    .readOrderKeysFor(replies("common"), PostQueries::KeysUse::Page, PostSort::Time,
                                      keys)
                    .value());
        QVERIFY(keys.covers(Posts));

        // Putting the matches in slices: it stops, and they are not kept as made.
        ListedMatches::Ordered into;
        const InterruptWatch watch(db);
        const auto interruptOnFirst = [&](const auto &f) {
            db.interrupt();
            for (const std::int64_t id : all)
                f(std::size_t(id));
        };
        QVERIFY_THROWS_EXCEPTION(SqlError,
                                 detail::orderBySlices(keys, detail::HitOrder::Time, all.size(),
                                                       interruptOnFirst, into, watch));
        QVERIFY_THROWS_EXCEPTION(
            SqlError, detail::orderedMatches(db, words("common"), detail::HitOrder::Time, keys));
        QVERIFY(!detail::orderKept(db, words("common"), detail::HitOrder::Time, keys));
        db.clearInterrupt();

        // Interrupted once its slices are made, before a page sorts them: the sort stops, and
        // no slice counts as sorted.
        const auto ordered =
            detail::orderedMatches(db, words("common"), detail::HitOrder::Time, keys);
        QVERIFY(ordered);
        QCOMPARE(ordered->size(), all.size());
        db.interrupt();
        QVERIFY_THROWS_EXCEPTION(SqlError, ordered->ids(0, 1));
        QVERIFY_THROWS_EXCEPTION(SqlError, ordered->ids(0, ordered->size()));
        db.clearInterrupt();

        // The next job's order, from the slices kept: every match where it belongs.
        const auto again =
            detail::orderedMatches(db, words("common"), detail::HitOrder::Time, keys);
        QVERIFY(again);
        std::vector<std::int64_t> windows;
        for (std::size_t first = 0; first < again->size(); first += 64)
            for (const std::uint32_t id : again->ids(first, first + 64))
                windows.push_back(id);
        QCOMPARE(windows, all);
    }
};

QTEST_GUILESS_MAIN(TestKeysOnDemand)
#include "tst_keys_on_demand.moc"
