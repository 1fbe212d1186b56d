// The anchors a case keeps of the posts table's views (store/StoredPageAnchors) follow the
// case: after an import they are not used and the pages stay right, the index step makes them
// again, and a Cancel leaves each view's anchors whole. tst_post_paging compares the pages of
// every kept view with pages read without them.
#include "PostCollection.h"
#include "TestSupport.h"
#include "query/PostQueries.h"
#include "store/StoredPageAnchors.h"
#include "store/TextIndex.h"

#include <QTest>

using namespace chorus;
using namespace chorus::test;

namespace {
constexpr std::int64_t Base = 1727740800; // 2024-10-01 00:00 UTC
} // namespace

class TestStoredPageAnchors : public QObject
{
    Q_OBJECT

private slots:
    void keptAnchorsFollowTheCase()
    {
        // Posts imported after the anchors were made: the anchors are not used (the pages stay
        // right), the index step is due, and makes them again; a Cancel leaves them as they were.
        QTemporaryDir dir;
        auto store = makeCase(dir);
        PostCollection posts;
        Lcg random(5);
        const auto importSome = [&](int first, int n) {
            for (int i = first; i < first + n; ++i) {
                PostCollection::Post post;
                post.account = "d" + std::to_string(random.next(7));
                post.time = Base + (i * 7919) % 500; // later imports fall between earlier posts
                post.text = randomText(random);
                posts.post(post);
            }
            // Imported again, the collection brings in only the posts added since.
            posts.importInto(*store, dir);
        };
        importSome(0, 60);
        NullProgress progress;
        QVERIFY(updateTextIndex(store->db(), progress).ok());
        QVERIFY(updateStoredPageAnchors(store->db(), progress, 4).ok());
        QCOMPARE(storedAnchorRows(store->db(), {AnchoredView::Time}, 0),
                 std::optional<std::int64_t>(60));

        importSome(60, 45);
        QCOMPARE(storedAnchorRows(store->db(), {AnchoredView::Time}, 0), std::nullopt);
        QCOMPARE(textIndexComplete(store->db()).value(), false);
        const PostQueries queries(*store);
        PostFilter everyPost;
        everyPost.from = 0;
        const auto checkPages = [&] {
            for (const bool descending : {false, true})
                for (std::int64_t offset = 0; offset < 106; offset += 3)
                    QCOMPARE(idsOf(queries.page({}, PostSort::Time, descending, offset, 5).value()),
                             idsOf(queries.page(everyPost, PostSort::Time, descending, offset, 5)
                                       .value()));
        };
        checkPages();
        // Meanwhile the view reads anchors of its own, and pages from them.
        for (const bool descending : {false, true}) {
            PageAnchors own;
            own.spacing = 5;
            while (!own.complete)
                own = queries.extendAnchors({}, PostSort::Time, descending, own, 30).value();
            QCOMPARE(std::int64_t(own.parts.front().keys.size()), std::int64_t(105 + 4) / 5);
            for (std::int64_t offset = 0; offset < 106; offset += 4)
                QCOMPARE(
                    idsOf(queries.page({}, PostSort::Time, descending, offset, 5, &own).value()),
                    idsOf(queries.page(everyPost, PostSort::Time, descending, offset, 5).value()));
        }

        // Cancelled before the first view: the old anchors stay, not used.
        CancelAtStage cancel(Stage::IndexingViews);
        QVERIFY(!updateStoredPageAnchors(store->db(), cancel, 4).ok());
        QCOMPARE(storedAnchorRows(store->db(), {AnchoredView::Time}, 0), std::nullopt);
        QCOMPARE(count(*store, "SELECT count(*) FROM page_anchors WHERE view = 'time'"), 15);
        // Cancelled after the first view (each view commits on its own): that view is of the
        // case as it is, the next keeps its old anchors.
        CancelAtPoll afterOne(Stage::IndexingViews, 2);
        QVERIFY(!updateStoredPageAnchors(store->db(), afterOne, 4).ok());
        QCOMPARE(storedAnchorRows(store->db(), {AnchoredView::Time}, 0),
                 std::optional<std::int64_t>(105));
        QCOMPARE(storedAnchorRows(store->db(), {AnchoredView::Account}, 0), std::nullopt);
        QCOMPARE(count(*store, "SELECT count(*) FROM page_anchors WHERE view = 'account'"), 15);
        QCOMPARE(textIndexComplete(store->db()).value(), false);
        checkPages();

        QVERIFY(updateTextIndex(store->db(), progress).ok());
        QCOMPARE(storedAnchorRows(store->db(), {AnchoredView::Time}, 0),
                 std::optional<std::int64_t>(105));
        QCOMPARE(storedAnchorRows(store->db(), {AnchoredView::Account}, 0),
                 std::optional<std::int64_t>(105));
        QCOMPARE(textIndexComplete(store->db()).value(), true);
        checkPages();
    }
};

QTEST_GUILESS_MAIN(TestStoredPageAnchors)
#include "tst_stored_page_anchors.moc"
