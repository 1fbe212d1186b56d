// The posts table's model searching a case as a user types: each change of the filter
// interrupts the reader's job for the one before, and the next search must still be answered
// whole and in order (the interrupt is for the job that was running, not for the ones after),
// from the posts' keys read at once for it where that costs less than the rows.
#include "PlantedPosts.h"
#include "PostCollection.h"
#include "TestSupport.h"
#include "clustering/TextClusterAnalysis.h"
#include "models/PostTableModel.h"
#include "query/PostQueries.h"
#include "store/TextIndex.h"

#include <QSignalSpy>
#include <QTest>

#include <array>

using namespace chorus;
using namespace chorus::test;
using chorus::ui::PostTableModel;

namespace {
// `n` posts a minute apart from `accounts` accounts in turn, post i's text text(i).
template <typename Text> PostCollection postsAMinuteApart(int n, int accounts, Text text)
{
    PostCollection posts;
    for (int i = 0; i < n; ++i) {
        PostCollection::Post post;
        post.account = "a" + std::to_string(i % accounts);
        post.time = PlantedBase + std::int64_t(i) * 60;
        post.text = text(i);
        posts.post(post);
    }
    return posts;
}
// A case of `n` posts a minute apart from `accounts` accounts, "words common" in every
// `every`th from the first and "words" in the others, indexed: the index step keeps the
// posts' keys.
std::unique_ptr<CaseStore> indexedCase(const QTemporaryDir &dir, int n, int accounts, int every)
{
    auto store = makeCase(dir);
    postsAMinuteApart(n, accounts, [every](int i) {
        return i % every == 0 ? "words common" : "words";
    }).importInto(*store, dir);
    NullProgress progress;
    if (!updateTextIndex(store->db(), progress).ok())
        return nullptr;
    return store;
}
} // namespace

class TestUiPostSearch : public QObject
{
    Q_OBJECT

private slots:
    void eachSearchIsAnsweredAfterTheOneBeforeIsInterrupted()
    {
        // 2,000 posts, "common" in every other one, a reply in three; times run against the
        // ids, so that the order by time is not the order by id.
        QTemporaryDir dir;
        PostCollection posts;
        std::vector<Planted> planted;
        for (int i = 0; i < 2000; ++i) {
            PostCollection::Post post;
            post.account = "a" + std::to_string(i % 17);
            post.time = PlantedBase - std::int64_t(i) * 60 + (i % 7) * 600;
            post.text = std::string("words") + (i % 2 == 0 ? " common" : "");
            if (i % 3 == 1)
                post.replyTo = "elsewhere" + std::to_string(i);
            planted.push_back({post.time, post.account, posts.post(post), post.text,
                               i % 3 == 1 ? "reply" : "post", ""});
        }
        auto store = makeCase(dir);
        const PostCollection::Ids ids = posts.importInto(*store, dir);
        NullProgress progress;
        QVERIFY(updateTextIndex(store->db(), progress).ok());
        std::vector<std::array<std::int64_t, 3>> keys;
        for (const Planted &p : planted)
            if (p.kind == "reply" && p.text.find("common") != std::string::npos)
                keys.push_back({0, p.time, ids.post(p.platformId)});
        const std::vector<std::int64_t> expected = idsInOrder(keys, false);
        QCOMPARE(expected.size(), std::size_t(333));

        PostTableModel model;
        model.setReadsOrderKeys(true);
        QSignalSpy failed(&model, &PostTableModel::queryFailed);
        model.openCase(QString::fromStdString(store->db().path()));
        QTRY_COMPARE(model.totalCount(), qint64(2000));
        // As typed: the word, then at once narrowed to replies, each restart interrupting the
        // reader's job for the filter before.
        model.setFilter(words("common"));
        PostFilter replies = words("common");
        replies.kind = "reply";
        model.setFilter(replies);
        QTRY_COMPARE(model.totalCount(), qint64(expected.size()));
        for (const int row : {0, 1, 100, 332})
            QTRY_COMPARE(model.index(row, 0).data(PostTableModel::PostIdRole).toLongLong(),
                         expected[std::size_t(row)]);
        // Descending, after one more interrupt: the same posts from the other end.
        model.sort(PostTableModel::TimeColumn, Qt::DescendingOrder);
        QTRY_COMPARE(model.totalCount(), qint64(expected.size()));
        QTRY_COMPARE(model.index(0, 0).data(PostTableModel::PostIdRole).toLongLong(),
                     expected.back());
        QCOMPARE(failed.count(), 0);
    }

    void theKeysAreReadOnOnceAViewAsksForRows()
    {
        // The keys are read from the case's kept copy as it opens, a slice at a time; a slice
        // waits for a search's first page to be queued (so as not to hold it up), and the
        // reading goes on after it.
        QTemporaryDir dir;
        const auto store = indexedCase(dir, 2000, 17, 2);
        QVERIFY(store);
        PostTableModel model;
        model.setReadsOrderKeys(true);
        QSignalSpy read(&model, &PostTableModel::orderKeysRead);
        model.openCase(QString::fromStdString(store->db().path()));
        QTRY_COMPARE(model.totalCount(), qint64(2000));
        model.setFilter(words("common"));
        QTRY_COMPARE(model.totalCount(), qint64(1000));
        QTest::qWait(200);
        QCOMPARE(read.count(), 0); // no page asked for: the keys wait
        for (int row = 0; row < 40; ++row)
            model.index(row, 0).data(PostTableModel::PostIdRole);
        QTRY_VERIFY(model.index(39, 0).data(PostTableModel::PostIdRole).isValid());
        QTRY_COMPARE(read.count(), 1);
    }

    void aShownTablesFirstRowsComeWithTheCount()
    {
        // A view that has shown rows is sent a new search's first rows without asking again;
        // one that never asked for rows is sent none (theKeysAreReadOnOnceAViewAsksForRows).
        QTemporaryDir dir;
        const auto store = indexedCase(dir, 300, 7, 3);
        QVERIFY(store);
        PostTableModel model;
        model.openCase(QString::fromStdString(store->db().path()));
        QTRY_COMPARE(model.totalCount(), qint64(300));
        QVERIFY(!model.index(0, 0).data(PostTableModel::PostIdRole).isValid()); // as a view paints
        QTRY_VERIFY(model.index(0, 0).data(PostTableModel::PostIdRole).isValid());
        QSignalSpy rows(&model, &PostTableModel::dataChanged);
        model.setFilter(words("common"));
        QTRY_COMPARE(model.totalCount(), qint64(100));
        QTRY_COMPARE(rows.count(), 1); // not asked for since the filter changed
        QCOMPARE(rows.at(0).at(0).value<QModelIndex>().row(), 0);
        QCOMPARE(rows.at(0).at(1).value<QModelIndex>().row(), 63);
        // The first post with the word, by time: post 0, then every third.
        const QString first = model.index(0, PostTableModel::TextColumn).data().toString();
        QCOMPARE(first, QStringLiteral("words common"));
        QCOMPARE(model.index(63, PostTableModel::TimeColumn).data(PostTableModel::CreatedAtRole),
                 QVariant(qint64(PlantedBase + 63 * 3 * 60)));
    }

    void aWindowsRowsAreReadTopFirst()
    {
        QTemporaryDir dir;
        auto store = makeCase(dir);
        postsAMinuteApart(1000, 13, [](int) { return "words"; }).importInto(*store, dir);
        PostTableModel model;
        QSignalSpy rows(&model, &PostTableModel::dataChanged);
        model.openCase(QString::fromStdString(store->db().path()));
        QTRY_COMPARE(model.totalCount(), qint64(1000));
        // A tall window's rows, asked for top to bottom as a view paints them: four requests
        // of 64 rows, two at a time on the reader.
        for (int row = 0; row < 200; ++row)
            QVERIFY(!model.index(row, 0).data(PostTableModel::PostIdRole).isValid());
        QTRY_COMPARE(rows.count(), 4);
        int above = -1;
        for (int answer = 0; answer < 4; ++answer) { // from the top of the window down
            const int first = rows.at(answer).at(0).value<QModelIndex>().row();
            QVERIFY2(answer == 0 ? first == 0 : first > above, qPrintable(QString::number(first)));
            above = first;
        }
        QVERIFY(model.index(199, 0).data(PostTableModel::PostIdRole).isValid());

        // The view moves on before the reader answers: the rows it moved to are read before
        // those it left. The top chunk comes with the count (a view has shown rows); the first
        // paint's queued requests are sent (the next two chunks go to the reader), but no
        // answer is taken in before the second paint.
        model.reload();
        QTRY_COMPARE(model.totalCount(), qint64(1000));
        QTRY_VERIFY(model.index(0, 0).data(PostTableModel::PostIdRole).isValid()); // in flight
        rows.clear();
        for (int row = 0; row < 200; ++row)
            model.index(row, 0).data(PostTableModel::PostIdRole);
        QCoreApplication::sendPostedEvents(&model, QEvent::MetaCall);
        for (int row = 600; row < 650; ++row)
            model.index(row, 0).data(PostTableModel::PostIdRole);
        QTRY_COMPARE(rows.count(), 5);
        QList<int> firstRows;
        QStringList order;
        for (const QList<QVariant> &answer : rows) {
            firstRows.push_back(answer.at(0).value<QModelIndex>().row());
            order.push_back(QString::number(firstRows.back()));
        }
        QVERIFY2(firstRows[0] == 64 && firstRows[1] == 128,
                 qPrintable(order.join(','))); // sent before
        QVERIFY2(firstRows[2] < 600 && firstRows[2] >= 500,
                 qPrintable(order.join(','))); // moved to
        QVERIFY2(firstRows[3] > firstRows[2] && firstRows[3] < 650, qPrintable(order.join(',')));
        QVERIFY2(firstRows[4] == 192, qPrintable(order.join(','))); // left
    }

    void aNarrowedViewInClusterOrderComesFromTheRunsMembers()
    {
        // Copies of two lines among other posts, a reply in three, clustered: once the keys
        // and the run's members are read, the replies by cluster (the copies first, cluster by
        // cluster, then the rest by time) are SQLite's rows, with their clusters' numbers.
        QTemporaryDir dir;
        PostCollection posts;
        for (int i = 0; i < 600; ++i) {
            PostCollection::Post post;
            post.account = "a" + std::to_string(i % 23);
            post.time = PlantedBase + std::int64_t((i * 7919) % 600) * 60;
            post.text = i % 4 == 0 ? CopiedLines[(i / 4) % 2] : "words " + std::to_string(i);
            if (i % 3 == 1)
                post.replyTo = "elsewhere" + std::to_string(i);
            posts.post(post);
        }
        auto store = makeCase(dir);
        posts.importInto(*store, dir);
        NullProgress progress;
        QVERIFY(updateTextIndex(store->db(), progress).ok());
        QVERIFY(runTextClusterAnalysis(store->db(), {}, progress).ok());
        PostFilter replies;
        replies.kind = "reply";
        const auto expected = PostQueries(*store).page(replies, PostSort::Cluster, false, 0, 1000);
        QVERIFY(expected);
        QCOMPARE(expected->size(), std::size_t(200));
        QCOMPARE(expected->front().clusterNumber, 1);
        QCOMPARE(expected->back().clusterNumber, 0);

        PostTableModel model;
        model.setReadsOrderKeys(true);
        QSignalSpy read(&model, &PostTableModel::orderKeysRead);
        QSignalSpy failed(&model, &PostTableModel::queryFailed);
        model.openCase(QString::fromStdString(store->db().path()));
        QTRY_COMPARE(model.totalCount(), qint64(600));
        for (int row = 0; row < 40; ++row)
            model.index(row, 0).data(PostTableModel::PostIdRole);
        QTRY_COMPARE(read.count(), 1);
        model.sort(PostTableModel::ClusterColumn, Qt::AscendingOrder);
        model.setFilter(replies);
        QTRY_COMPARE(model.totalCount(), qint64(200));
        for (int row = 0; row < 200; ++row)
            model.index(row, 0).data(PostTableModel::PostIdRole);
        for (int row = 0; row < 200; ++row) {
            const auto &post = expected->at(std::size_t(row));
            QTRY_COMPARE(model.index(row, 0).data(PostTableModel::PostIdRole).toLongLong(),
                         post.id);
            QCOMPARE(model.index(row, 0).data(PostTableModel::ClusterNumberRole).toLongLong(),
                     post.clusterNumber);
        }
        QCOMPARE(failed.count(), 0);
    }
};

QTEST_MAIN(TestUiPostSearch)
#include "tst_ui_post_search.moc"
