// The chunked row cache behind the lazy table models.
#include "../ui/models/RowCache.h" // header-only: the test needs no widgets

#include <QTest>

using chorus::ui::RowCache;

class TestRowCache : public QObject
{
    Q_OBJECT

    static std::vector<int> chunk(int first, int count)
    {
        std::vector<int> rows(std::size_t(count), 0);
        for (int i = 0; i < count; ++i)
            rows[std::size_t(i)] = first + i;
        return rows;
    }

private slots:
    void missingRowsAreNull()
    {
        RowCache<int> cache(10, 4);
        QVERIFY(cache.row(0) == nullptr);
        QCOMPARE(cache.chunkOf(25), 2);
        QCOMPARE(cache.firstRowOf(2), 20);
    }

    void rowsOfLoadedChunks()
    {
        RowCache<int> cache(10, 4);
        cache.insertChunk(2, chunk(20, 10));
        QCOMPARE(*cache.row(20), 20);
        QCOMPARE(*cache.row(29), 29);
        QVERIFY(cache.row(30) == nullptr);
        QVERIFY(cache.row(19) == nullptr);
    }

    void shortLastChunk()
    {
        RowCache<int> cache(10, 4);
        cache.insertChunk(0, chunk(0, 3));
        QCOMPARE(*cache.row(2), 2);
        QVERIFY(cache.row(3) == nullptr);
    }

    void evictsTheChunkFarthestAway()
    {
        RowCache<int> cache(10, 3);
        cache.insertChunk(0, chunk(0, 10));
        cache.insertChunk(1, chunk(10, 10));
        cache.insertChunk(2, chunk(20, 10));
        cache.insertChunk(3, chunk(30, 10)); // 0 is farthest from 3
        QCOMPARE(cache.chunkCount(), 3);
        QVERIFY(!cache.hasChunk(0));
        QVERIFY(cache.hasChunk(3));
        cache.insertChunk(0, chunk(0, 10)); // scrolling back up: 3 is farthest now
        QVERIFY(!cache.hasChunk(3));
        QVERIFY(cache.hasChunk(1));
        QVERIFY(cache.hasChunk(2));
    }

    void clearDropsAll()
    {
        RowCache<int> cache(10, 3);
        cache.insertChunk(0, chunk(0, 10));
        cache.clear();
        QCOMPARE(cache.chunkCount(), 0);
        QVERIFY(cache.row(0) == nullptr);
    }
};

QTEST_GUILESS_MAIN(TestRowCache)
#include "tst_rowcache.moc"
