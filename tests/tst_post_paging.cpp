// Deep pages of the posts table read from page anchors (a seek to the nearest anchor and a
// short OFFSET) must be exactly the pages LIMIT/OFFSET gives, in every sort and direction,
// under filters, with many posts sharing one second, and by cluster after a clustering run.
#include "PlantedPosts.h"
#include "PostCollection.h"
#include "TestSupport.h"
#include "clustering/TextClusterAnalysis.h"
#include "query/PostQueries.h"
#include "query/SqlFilter.h"
#include "store/StoredPageAnchors.h"
#include "store/TextIndex.h"

#include <QTest>

#include <algorithm>
#include <array>

using namespace chorus;
using namespace chorus::test;

namespace {

constexpr int Posts = 300;
constexpr std::int64_t Base = PlantedBase;

} // namespace

class TestPostPaging : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<CaseStore> m_store;
    PostCollection::Ids m_ids;
    std::vector<std::pair<std::int64_t, std::string>> m_byTime; // (time, platform id)

private slots:
    void initTestCase()
    {
        // Seven posts to a second, accounts in a shuffled order, every third post a reply.
        PostCollection posts;
        Lcg random(7);
        for (int i = 0; i < Posts; ++i) {
            PostCollection::Post post;
            post.account = "a" + std::to_string(random.next(12));
            post.time = Base + (i / 7) * 10 + std::int64_t(random.next(2)) * 3;
            // Every fourth post copies one of five lines: five clusters of 15 posts.
            post.text = i % 4 == 0 ? CopiedLines[(i / 4) % 5] : randomText(random);
            if (i % 3 == 2)
                post.replyTo = "p1";
            // Copies in English, a quarter of the rest in French.
            post.language = i % 4 != 0 && i % 3 == 0 ? "fr" : "en";
            m_byTime.emplace_back(post.time, posts.post(post));
        }
        m_store = makeCase(m_dir);
        m_ids = posts.importInto(*m_store, m_dir);
        NullProgress progress;
        QVERIFY(updateTextIndex(m_store->db(), progress).ok()); // for the text filter
    }

    void clusterRunFindsTheCopies()
    {
        // The cluster sort's rows come from a real run (the last test data function reads it).
        NullProgress progress;
        QVERIFY(runTextClusterAnalysis(m_store->db(), {}, progress).ok());
        QCOMPARE(count(*m_store, "SELECT count(*) FROM clusters"), 5);
        QCOMPARE(count(*m_store, "SELECT count(*) FROM cluster_members"), 75);
        // Members carry their post's time (the cluster order walks them by it), also in a
        // case upgraded from before they did.
        const char *const timed = "SELECT count(*) FROM cluster_members m JOIN posts p ON "
                                  "p.id = m.post_id WHERE m.created_at = p.created_at";
        QCOMPARE(count(*m_store, timed), 75);
        m_store = reopenUpgraded(std::move(m_store), 10);
        QCOMPARE(count(*m_store, timed), 75);
    }

    void pagesByTimeAreInTimeThenIdOrder()
    {
        std::vector<std::pair<std::int64_t, std::int64_t>> keyed; // (time, posts.id)
        for (const auto &[time, platformId] : m_byTime)
            keyed.emplace_back(time, m_ids.post(platformId));
        std::sort(keyed.begin(), keyed.end());
        std::vector<std::int64_t> expected;
        for (const auto &[time, id] : keyed)
            expected.push_back(id);
        const auto page = PostQueries(*m_store).page({}, PostSort::Time, false, 0, Posts);
        QCOMPARE(idsOf(page.value()), expected);
    }

    void anchoredPagesEqualOffsetPages_data()
    {
        QTest::addColumn<int>("sort");
        QTest::addColumn<bool>("descending");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("words");
        // "the" is in two of the five copied lines (30 of 300 posts): its pages walk the
        // order's index (query/PostPaging.cpp, TextMatches), which must change no row.
        const std::pair<const char *, const char *> filters[] = {
            {"", ""}, {"reply", ""}, {"", "the"}};
        for (const PostSort sort : {PostSort::Time, PostSort::Account, PostSort::Cluster})
            for (const bool descending : {false, true})
                for (const auto &[kind, words] : filters) {
                    const char *sortName = sort == PostSort::Time      ? "time"
                                           : sort == PostSort::Account ? "account"
                                                                       : "cluster";
                    const QString name =
                        QStringLiteral("%1 %2 %3%4")
                            .arg(sortName, descending ? "desc" : "asc", kind, words);
                    QTest::newRow(name.toUtf8())
                        << int(sort) << descending << QString(kind) << QString(words);
                }
    }

    void anchoredPagesEqualOffsetPages()
    {
        QFETCH(int, sort);
        QFETCH(bool, descending);
        QFETCH(QString, kind);
        QFETCH(QString, words);
        PostFilter filter;
        filter.kind = kind.toStdString();
        filter.text = words.toStdString();
        // The view of all posts and those of one kind page from anchors the case keeps
        // (keptAnchorsGiveTheSamePages below); with a time filter that leaves every post they
        // read their own.
        if (words.isEmpty())
            filter.from = 0;
        const PostQueries queries(*m_store);
        const auto order = PostSort(sort);
        const std::int64_t rows = queries.count(filter).value();
        QVERIFY(rows >= (words.isEmpty() ? 100 : 20));

        // Anchors every 5 rows, read in slices of 37 rows (11 for the fewer rows of a search)
        // that each go on from the last.
        const std::int64_t slice = words.isEmpty() ? 37 : 11;
        PageAnchors anchors;
        anchors.spacing = 5;
        int slices = 0;
        while (!anchors.complete) {
            auto next = queries.extendAnchors(filter, order, descending, anchors, slice);
            QVERIFY(next);
            anchors = std::move(next).value();
            QVERIFY(++slices < 100);
        }
        std::int64_t scanned = 0;
        for (const PageAnchors::Part &part : anchors.parts) {
            QVERIFY(part.complete);
            QCOMPARE(std::int64_t(part.keys.size()), (part.scanned + 4) / 5);
            scanned += part.scanned;
        }
        QCOMPARE(scanned, rows);
        QCOMPARE(anchors.parts.size(), std::size_t(order == PostSort::Cluster ? 2 : 1));
        QVERIFY(slices > 2);

        for (std::int64_t offset = 0; offset < rows + 3; ++offset) {
            const auto plain = queries.page(filter, order, descending, offset, 13);
            const auto anchored = queries.page(filter, order, descending, offset, 13, &anchors);
            QVERIFY(plain && anchored);
            QCOMPARE(idsOf(anchored.value()), idsOf(plain.value()));
        }
        // Anchors still being read: the pages beyond them start at the last one read.
        PageAnchors partial;
        partial.spacing = 5;
        partial = queries.extendAnchors(filter, order, descending, partial, slice).value();
        QVERIFY(!partial.complete);
        for (std::int64_t offset : {std::int64_t(0), std::int64_t(36), rows / 2, rows - 1}) {
            QCOMPARE(idsOf(queries.page(filter, order, descending, offset, 13, &partial).value()),
                     idsOf(queries.page(filter, order, descending, offset, 13).value()));
        }
    }

    void indexStepKeepsAnchorsOfEveryView()
    {
        // The case was upgraded from v10 (clusterRunFindsTheCopies): it has no anchors, so the
        // index step is due, and makes those of every view (every 1,024th row).
        QCOMPARE(textIndexComplete(m_store->db()).value(), false);
        NullProgress progress;
        QVERIFY(updateTextIndex(m_store->db(), progress).ok());
        QCOMPARE(textIndexComplete(m_store->db()).value(), true);
        const auto rows = [&](const char *view) {
            return count(*m_store, ("SELECT rows FROM page_anchor_views WHERE view = '" +
                                    std::string(view) + "'")
                                       .c_str());
        };
        QCOMPARE(rows("time"), Posts);
        QCOMPARE(rows("account"), Posts);
        QCOMPARE(rows("clustered"), 75);
        QCOMPARE(rows("unclustered"), Posts - 75);
        QCOMPARE(count(*m_store, "SELECT min(spacing) FROM page_anchor_views"), 1024);
        QCOMPARE(count(*m_store, "SELECT count(*) FROM page_anchor_views"), 4); // 300 posts
        // Made again every 7th row for the pages below to seek.
        QVERIFY(updateStoredPageAnchors(m_store->db(), progress, 7).ok());
        QCOMPARE(count(*m_store, "SELECT count(*) FROM page_anchors WHERE view = 'time'"),
                 (Posts + 6) / 7);
        QCOMPARE(count(*m_store, "SELECT count(*) FROM page_anchors WHERE view = 'clustered'"),
                 (75 + 6) / 7);
        // Each kind and language with at least 8 x 7 posts has a view of its own by time.
        QCOMPARE(rows("kind:post"), 200);
        QCOMPARE(rows("kind:reply"), 100);
        QCOMPARE(rows("language:en"), 225);
        QCOMPARE(rows("language:fr"), 75);
        QCOMPARE(count(*m_store, "SELECT count(*) FROM page_anchor_views"), 8);
        QCOMPARE(textIndexComplete(m_store->db()).value(), true);
    }

    void keptAnchorsGiveTheSamePages_data()
    {
        QTest::addColumn<int>("sort");
        QTest::addColumn<bool>("descending");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("parts");
        for (const bool descending : {false, true}) {
            const char *direction = descending ? "desc" : "asc";
            for (const PostSort sort : {PostSort::Time, PostSort::Account, PostSort::Cluster}) {
                const char *sortName = sort == PostSort::Time      ? "time"
                                       : sort == PostSort::Account ? "account"
                                                                   : "cluster";
                QTest::newRow(qPrintable(QStringLiteral("%1 %2").arg(sortName, direction)))
                    << int(sort) << descending << QString() << QString()
                    << (sort == PostSort::Cluster ? 2 : 1);
            }
            const std::pair<const char *, const char *> facets[] = {
                {"reply", ""}, {"post", ""}, {"", "fr"}, {"", "en"}};
            for (const auto &[kind, language] : facets)
                QTest::newRow(
                    qPrintable(QStringLiteral("time %1 %2%3").arg(direction, kind, language)))
                    << int(PostSort::Time) << descending << QString(kind) << QString(language) << 1;
        }
    }

    void keptAnchorsGiveTheSamePages()
    {
        // A page of the view of all posts, or of one kind or language by time, seeks to the
        // nearest anchor the case keeps, and must give the rows of a view that reads none.
        QFETCH(int, sort);
        QFETCH(bool, descending);
        QFETCH(QString, kind);
        QFETCH(QString, language);
        QFETCH(int, parts);
        const auto order = PostSort(sort);
        PostFilter filter;
        filter.kind = kind.toStdString();
        filter.language = language.toStdString();
        PostFilter sameRows = filter; // not kept: the same rows, with a time filter
        sameRows.from = 0;
        const PostQueries queries(*m_store);
        const std::int64_t rows = queries.count(filter).value();
        QVERIFY(rows >= 75);
        for (std::int64_t offset = 0; offset < rows + 3; ++offset) {
            const auto kept = queries.page(filter, order, descending, offset, 11);
            const auto read = queries.page(sameRows, order, descending, offset, 11);
            QVERIFY(kept && read);
            QCOMPARE(idsOf(kept.value()), idsOf(read.value()));
        }
        // The view reads no anchors of its own.
        const PageAnchors anchors =
            queries.extendAnchors(filter, order, descending, PageAnchors{}, 50).value();
        QVERIFY(anchors.complete);
        QCOMPARE(anchors.parts.size(), std::size_t(parts));
        std::int64_t scanned = 0;
        for (const PageAnchors::Part &part : anchors.parts) {
            QVERIFY(part.keys.empty());
            scanned += part.scanned;
        }
        QCOMPARE(scanned, rows);
        // A view of one kind in another order, or of a kind and a language, reads its own.
        PostFilter two = filter;
        two.language = filter.language.empty() ? "en" : filter.language;
        two.kind = filter.kind.empty() ? "post" : filter.kind;
        QVERIFY(!queries.extendAnchors(two, order, descending, PageAnchors{}, 50)
                     .value()
                     .parts.front()
                     .keys.empty());
    }

    void anchorsOfAnEarlierRunAreNotUsed()
    {
        // Anchors of the cluster order read before any run hold one part keyed by time; after
        // a run the order has two parts keyed otherwise. Pages must not seek by the old keys.
        QTemporaryDir dir;
        PostCollection posts;
        Lcg random(3);
        for (int i = 0; i < 120; ++i) {
            PostCollection::Post post;
            post.account = "b" + std::to_string(random.next(9));
            post.time = Base + i;
            post.text = i % 3 == 0 ? CopiedLines[i % 5] : randomText(random);
            posts.post(post);
        }
        auto store = makeCase(dir);
        posts.importInto(*store, dir);
        const PostQueries queries(*store);
        PageAnchors before;
        before.spacing = 5;
        while (!before.complete)
            before = queries.extendAnchors({}, PostSort::Cluster, false, before, 1000).value();
        QCOMPARE(before.parts.size(), std::size_t(1));

        NullProgress progress;
        QVERIFY(runTextClusterAnalysis(store->db(), {}, progress).ok());
        QVERIFY(count(*store, "SELECT count(*) FROM clusters") > 0);
        // The run made its cluster order's anchors after its commit.
        const std::int64_t run = count(*store, "SELECT max(run_id) FROM clusters");
        QCOMPARE(
            storedAnchorRows(store->db(), {AnchoredView::Clustered}, run),
            std::optional<std::int64_t>(count(*store, "SELECT count(*) FROM cluster_members")));
        QCOMPARE(storedAnchorRows(store->db(), {AnchoredView::Unclustered}, run),
                 std::optional<std::int64_t>(
                     120 - count(*store, "SELECT count(*) FROM cluster_members")));
        for (const std::int64_t offset : {0, 7, 23, 40, 61, 119}) {
            QCOMPARE(idsOf(queries.page({}, PostSort::Cluster, false, offset, 13, &before).value()),
                     idsOf(queries.page({}, PostSort::Cluster, false, offset, 13).value()));
        }
        // Read on, they start again for the new run.
        const PageAnchors after =
            queries.extendAnchors({}, PostSort::Cluster, false, before, 1000).value();
        QCOMPARE(after.parts.size(), std::size_t(2));
        QVERIFY(after.run > 0);
    }

    void searchPagesFromATableOfItsMatches()
    {
        // A word in fewer than one post in twenty: its pages are positions in a table of its
        // matches in the view's order (query/SearchHits), which must give the rows SQLite's
        // own order gives, and must follow the text index as it grows.
        QTemporaryDir dir;
        PostCollection posts;
        Lcg random(11);
        struct Planted
        {
            std::int64_t time;
            std::string account, platformId;
            bool matches;
        };
        std::vector<Planted> planted;
        for (int i = 0; i < 400; ++i) {
            PostCollection::Post post;
            post.account = "c" + std::to_string(random.next(15));
            post.time = Base + i / 3 - (i % 5 == 0 ? 2 : 0); // ties, and not in file order
            const bool matches = i % 37 == 5;
            post.text = matches ? "Just back from Kirkland Lake, buzzing " + std::to_string(i)
                                : randomText(random);
            planted.push_back({post.time, post.account, posts.post(post), matches});
        }
        auto store = makeCase(dir);
        const PostCollection::Ids ids = posts.importInto(*store, dir);
        PostFilter filter;
        filter.text = "kirkland";
        const PostQueries queries(*store);

        const auto expected = [&](PostSort sort, bool descending, std::int64_t indexedThrough) {
            std::vector<std::array<std::int64_t, 3>> keys;
            for (const Planted &p : planted) {
                const std::int64_t id = ids.post(p.platformId);
                if (!p.matches || id > indexedThrough)
                    continue;
                const std::int64_t account = sort == PostSort::Account ? ids.account(p.account) : 0;
                keys.push_back({account, p.time, id});
            }
            return idsInOrder(keys, descending);
        };
        const auto checkPages = [&](std::int64_t indexedThrough) {
            for (const PostSort sort : {PostSort::Time, PostSort::Account})
                for (const bool descending : {false, true}) {
                    const std::vector<std::int64_t> all =
                        expected(sort, descending, indexedThrough);
                    QVERIFY(all.size() >= 3);
                    QCOMPARE(queries.count(filter).value(), std::int64_t(all.size()));
                    for (std::size_t offset = 0; offset < all.size() + 2; ++offset) {
                        const auto page =
                            queries.page(filter, sort, descending, std::int64_t(offset), 4);
                        QVERIFY(page);
                        const std::size_t end = std::min(all.size(), offset + 4);
                        const std::vector<std::int64_t> want(
                            all.begin() + std::ptrdiff_t(std::min(offset, all.size())),
                            all.begin() + std::ptrdiff_t(end));
                        QCOMPARE(idsOf(page.value()), want);
                    }
                    // Anchors are not read for such a view: its pages need none.
                    PageAnchors anchors;
                    anchors = queries.extendAnchors(filter, sort, descending, anchors, 5).value();
                    QVERIFY(anchors.complete);
                }
        };

        // The text index stopped after its first step: the pages hold the posts indexed.
        CancelAfterSteps firstStep(1);
        QVERIFY(!updateTextIndex(store->db(), firstStep, 150).ok());
        const std::int64_t through = count(*store, "SELECT indexed_through FROM text_index");
        QVERIFY(through > 0 && through < 400);
        checkPages(through);
        QVERIFY(count(*store, "SELECT count(*) FROM temp.search_hits") > 0);

        // Indexed to the end: new tables, with every match.
        NullProgress progress;
        QVERIFY(updateTextIndex(store->db(), progress).ok());
        checkPages(400);
        // Four tables were made (two orders, two states of the index); at most four kept.
        filter.text = "lake";
        checkPages(400);
        QCOMPARE(count(*store, "SELECT count(*) FROM temp.search_hits"), 4);
        QCOMPARE(count(*store, "SELECT count(*) FROM temp.sqlite_schema WHERE name LIKE "
                               "'search_hits_%'"),
                 4);
    }

    void perRowTextTermFindsTheSameRows()
    {
        // A walk over millions of matches asks the text index about each row it meets
        // (SqlFilter::TextMatch::PerRow); the rows must be those the list of matches gives.
        for (const char *words : {"the", "buzzing energy", "nothing-matches-this"}) {
            PostFilter filter;
            filter.text = words;
            std::vector<std::int64_t> found[2];
            for (const auto form :
                 {detail::SqlFilter::TextMatch::List, detail::SqlFilter::TextMatch::PerRow}) {
                const detail::SqlFilter sql(filter, form);
                Statement rows = m_store->db().prepare("SELECT p.id FROM posts p" + sql.where +
                                                       " ORDER BY p.id");
                sql.bind(rows);
                while (rows.step())
                    found[form == detail::SqlFilter::TextMatch::PerRow].push_back(rows.int64(0));
            }
            QCOMPARE(found[1], found[0]);
            QCOMPARE(std::int64_t(found[0].size()), PostQueries(*m_store).count(filter).value());
        }
    }

    void clusterSortShowsClustersFirst()
    {
        const auto page = PostQueries(*m_store).page({}, PostSort::Cluster, false, 0, Posts);
        QCOMPARE(page->size(), std::size_t(Posts));
        std::int64_t previous = 1;
        for (std::size_t i = 0; i < page->size(); ++i) {
            const std::int64_t number = page->at(i).clusterNumber;
            QVERIFY2(i < 75 ? number >= previous : number == 0, qPrintable(QString::number(i)));
            if (i > 0 && number == previous)
                QVERIFY(page->at(i).createdAt >= page->at(i - 1).createdAt);
            previous = number;
        }
    }
};

QTEST_GUILESS_MAIN(TestPostPaging)
#include "tst_post_paging.moc"
