// A narrowed view in cluster order (the clustered posts by cluster number, member time and id,
// then the rest by time and id) is paged from the run's members and the posts' keys in memory
// (query/ClusterOrder). Its pages must be exactly those SQLite's plan gives, for every filter
// the keys answer, in both directions, at every offset, across the two parts; after another
// run, and after more posts until the keys hold them.
#include "PlantedPosts.h"
#include "PostCollection.h"
#include "TestSupport.h"
#include "clustering/TextClusterAnalysis.h"
#include "query/PostQueries.h"
#include "store/AnalysisRuns.h"
#include "store/TextIndex.h"

#include <QTest>

#include <algorithm>

using namespace chorus;
using namespace chorus::test;

class TestClusterOrderKeys : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    PostCollection m_posts;
    Lcg m_random{29};

    void plant(int first, int n)
    {
        for (int i = first; i < first + n; ++i) {
            PostCollection::Post post;
            post.account = "c" + std::to_string(m_random.next(11));
            // Several posts to a second, and times not in file order.
            post.time = PlantedBase + (i * 7919) % 400 / 3;
            // Every third post copies one of four lines (four clusters, the last of 40 posts,
            // the others of 13 or 14), the copies' times spread over the whole range; "the"
            // and "rally" in some of the other posts too.
            post.text = i % 3 == 0   ? CopiedLines[std::min((i / 3) % 6, 3)]
                        : i % 4 == 1 ? randomText(m_random) + " the rally"
                                     : randomText(m_random);
            if (i % 5 == 1)
                post.replyTo = "elsewhere" + std::to_string(i);
            post.language = i % 7 < 3 ? "fr" : "en";
            m_posts.post(post);
        }
    }

    static PostFilter filterOf(const char *kind, const char *language, const char *words)
    {
        PostFilter filter;
        filter.kind = kind;
        filter.language = language;
        filter.text = words;
        return filter;
    }

    // Every filter's pages from the keys equal SQLite's (`plain` reads without keys), three
    // rows a page from every offset, and the anchors' job finds nothing to read for them.
    void checkViews(const PostQueries &plain, const PostQueries &keyed,
                    const PostCollection::Ids &ids)
    {
        // Words of spaces search nothing: the replies, as in SQL.
        std::vector<PostFilter> filters = {
            filterOf("reply", "", ""),      filterOf("", "fr", ""),
            filterOf("", "", "the"),        filterOf("reply", "", "the"),
            filterOf("post", "en", "the"),  filterOf("", "", "rally"),
            filterOf("reply", "", "rally"), filterOf("repost", "", ""),
            filterOf("reply", "", "   ")};
        PostFilter ofAccount;
        ofAccount.accountId = ids.account("c3");
        filters.push_back(ofAccount);
        PostFilter ofGroup = filterOf("", "", "the");
        ofGroup.accountIds = {ids.account("c1"), ids.account("c5"), ids.account("c8")};
        filters.push_back(ofGroup);
        PostFilter collected = filterOf("", "", "the");
        collected.collectedOnly = true;
        filters.push_back(collected);
        PostFilter inTime = filterOf("reply", "", "");
        inTime.from = PlantedBase + 20;
        inTime.to = PlantedBase + 90;
        filters.push_back(inTime);
        for (const PostFilter &filter : filters)
            for (const bool descending : {false, true}) {
                const std::int64_t rows = plain.count(filter).value();
                const auto whole = plain.page(filter, PostSort::Cluster, descending, 0, 10000);
                QVERIFY(whole);
                QCOMPARE(std::int64_t(whole->size()), rows);
                // Anchors: none to read from the keys, each part's rows counted.
                PageAnchors anchors;
                anchors.spacing = 4;
                anchors =
                    keyed.extendAnchors(filter, PostSort::Cluster, descending, anchors, 1).value();
                QVERIFY(anchors.complete);
                QCOMPARE(anchors.parts.size(), std::size_t(2));
                QCOMPARE(anchors.parts[0].scanned + anchors.parts[1].scanned, rows);
                std::int64_t clustered = 0;
                for (const PostRow &row : whole.value())
                    clustered += row.clusterNumber != 0;
                QCOMPARE(anchors.parts[0].scanned, clustered);
                for (std::int64_t offset = 0; offset < rows + 2; ++offset) {
                    const auto page =
                        keyed.page(filter, PostSort::Cluster, descending, offset, 3, &anchors);
                    QVERIFY(page);
                    const auto expected =
                        plain.page(filter, PostSort::Cluster, descending, offset, 3);
                    QCOMPARE(idsOf(page.value()), idsOf(expected.value()));
                    for (std::size_t i = 0; i < page->size(); ++i)
                        QCOMPARE(page->at(i).clusterNumber, expected->at(i).clusterNumber);
                }
            }
    }

    // Reads the keys and then the run's members in slices of seven (the members a whole
    // cluster a slice).
    static int readKeys(const CaseStore &store, PostOrderKeys &keys)
    {
        int slices = 1;
        while (!PostQueries(store).extendOrderKeys(keys, 7).value())
            ++slices;
        return slices;
    }

private slots:
    void pagesFromTheKeysAreSqlitesPages()
    {
        plant(0, 240);
        auto store = makeCase(m_dir);
        PostCollection::Ids ids = m_posts.importInto(*store, m_dir);
        NullProgress progress;
        QVERIFY(updateTextIndex(store->db(), progress).ok());
        QVERIFY(runTextClusterAnalysis(store->db(), {}, progress).ok());
        QCOMPARE(count(*store, "SELECT count(*) FROM clusters"), 4);
        QCOMPARE(count(*store, "SELECT count(*) FROM cluster_members"), 80);
        PostOrderKeys keys;
        readKeys(*store, keys);
        // Read as the keys are, so that a first page in cluster order finds them: one slice a
        // cluster after the keys' own.
        QCOMPARE(keys.clusterMembers.ids.size(), std::size_t(80));
        QVERIFY(keys.clusterMembers.read);
        PostOrderKeys keysAlone;
        while (!extendPostOrderKeys(store->db(), keysAlone, 7)) {
        }
        QVERIFY(!keysAlone.clusterMembers.read);
        QCOMPARE(readKeys(*store, keysAlone), 4);
        QCOMPARE(keysAlone.clusterMembers.ids, keys.clusterMembers.ids);
        // A connection of its own for the keyed reads: a connection keeps tables of matches.
        auto keyed = CaseStore::open(store->db().path());
        QVERIFY(keyed);
        checkViews(PostQueries(*store), PostQueries(*keyed.value(), &keys), ids);

        // Another run (larger clusters only: the copies of one line) and more posts: the
        // members are read again; until the keys hold the new posts, SQLite pages the view
        // (the anchors' job then has rows to read).
        ClusterParameters fewer;
        fewer.minClusterSize = 20;
        QVERIFY(runTextClusterAnalysis(store->db(), fewer, progress).ok());
        QCOMPARE(count(*store, "SELECT count(*) FROM clusters WHERE run_id = (SELECT max(run_id) "
                               "FROM clusters)"),
                 1);
        checkViews(PostQueries(*store), PostQueries(*keyed.value(), &keys), ids);
        // That run removed and another written with other parameters: it takes the same id,
        // and the members are read again.
        const char *const latest = "SELECT max(id) FROM analysis_runs";
        const std::int64_t removed = count(*store, latest);
        AnalysisRuns(store->db()).remove(removed);
        QVERIFY(runTextClusterAnalysis(store->db(), {}, progress).ok());
        QCOMPARE(count(*store, latest), removed);
        QCOMPARE(count(*store, "SELECT count(*) FROM clusters WHERE run_id = (SELECT max(run_id) "
                               "FROM clusters)"),
                 4);
        checkViews(PostQueries(*store), PostQueries(*keyed.value(), &keys), ids);
        plant(240, 60);
        ids = m_posts.importInto(*store, m_dir);
        PageAnchors anchors;
        anchors.spacing = 4;
        anchors =
            PostQueries(*keyed.value(), &keys)
                .extendAnchors(filterOf("reply", "", ""), PostSort::Cluster, false, anchors, 1)
                .value();
        QVERIFY(!anchors.complete);
        // The keys hold the new posts before the text index does: the words' matches are
        // those indexed, as in SQL.
        readKeys(*store, keys);
        QVERIFY(textIndexedThrough(store->db()) < count(*store, "SELECT max(id) FROM posts"));
        checkViews(PostQueries(*store), PostQueries(*keyed.value(), &keys), ids);
        QVERIFY(updateTextIndex(store->db(), progress).ok());
        checkViews(PostQueries(*store), PostQueries(*keyed.value(), &keys), ids);
    }
};

QTEST_GUILESS_MAIN(TestClusterOrderKeys)
#include "tst_cluster_order_keys.moc"
