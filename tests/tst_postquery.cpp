// The posts query layer: filters, FTS quoting, paging and the timeline aggregates.
#include "TestSupport.h"
#include "import/ImportPreview.h"
#include "query/AccountQueries.h"
#include "query/PostQueries.h"
#include "query/TimelineQueries.h"
#include "store/TextIndex.h"

#include <QTest>

using namespace chorus;

class TestPostQuery : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<CaseStore> m_store;

    std::int64_t countOf(const PostFilter &filter)
    {
        auto n = PostQueries(*m_store).count(filter);
        if (!n)
            qWarning("%s", n.error().message.c_str());
        return n ? n.value() : -1;
    }

private slots:
    void initTestCase()
    {
        m_store = test::makeCase(m_dir);
        QVERIFY(test::importPath(*m_store, test::dataPath("x_io_tweets.csv")));
        NullProgress progress;
        QCOMPARE(updateTextIndex(m_store->db(), progress).value(), 7); // as the workbench does
    }

    void ftsQuoting_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain words") << "rally  crowd"
                                     << "\"rally\" \"crowd\"";
        QTest::newRow("operators are words") << "a OR b NEAR"
                                             << "\"a\" \"OR\" \"b\" \"NEAR\"";
        QTest::newRow("quote doubled") << "say\"x"
                                       << "\"say\"\"x\"";
        QTest::newRow("syntax characters") << "col:x* (y) ^z"
                                           << "\"col:x*\" \"(y)\" \"^z\"";
        QTest::newRow("only spaces") << "  \t "
                                     << "";
    }
    void ftsQuoting()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(ftsMatchExpression(input.toStdString())), expected);
    }

    void countsUnderFilters()
    {
        QCOMPARE(countOf({}), 7);
        PostFilter kind;
        kind.kind = "repost";
        QCOMPARE(countOf(kind), 1);
        PostFilter search;
        search.text = "rally";
        QCOMPARE(countOf(search), 1);
        search.text = "vérité";
        QCOMPARE(countOf(search), 1);
        PostFilter language;
        language.language = "fr";
        QCOMPARE(countOf(language), 2);
        PostFilter range;
        range.from = 1503155640; // 2017-08-19 15:14 UTC
        range.to = 1503158400;   // 2017-08-19 16:00 UTC (exclusive)
        QCOMPARE(countOf(range), 2);
    }

    void hostileSearchTextNeverFails()
    {
        for (const char *text : {"\"", "AND", "a OR", "NEAR(", "*", "col:", "''", "-x", "^"}) {
            PostFilter filter;
            filter.text = text;
            QVERIFY2(countOf(filter) >= 0, text);
        }
    }

    void accountFilterAndPaging()
    {
        auto account = AccountQueries(*m_store).find("QmFzZTY0SGFzaGVkVXNlcklkMDAy");
        QVERIFY(account && account.value() != 0);
        PostFilter filter;
        filter.accountId = account.value();
        QCOMPARE(countOf(filter), 3);
        auto page = PostQueries(*m_store).page(filter, PostSort::Time, false, 1, 10);
        QVERIFY(page);
        QCOMPARE(page->size(), std::size_t(2));
        QCOMPARE(page->at(0).platformId, std::string("1005"));
        QCOMPARE(page->at(0).kind, std::string("reply"));
        QCOMPARE(page->at(1).platformId, std::string("1008"));
        auto descending = PostQueries(*m_store).page({}, PostSort::Time, true, 0, 1);
        QVERIFY(descending);
        QCOMPARE(descending->at(0).platformId, std::string("1008"));
        auto profile = AccountQueries(*m_store).profile(account.value());
        QVERIFY(profile);
        QCOMPARE(profile->postsInCase, 3);
        QCOMPARE(profile->location, std::string("Montréal, Québec"));
    }

    void timelineAggregates()
    {
        const TimelineQueries timeline(*m_store);
        auto bins = timeline.postsPerBin({}, 3600);
        QVERIFY(bins);
        QCOMPARE(bins->size(), std::size_t(3)); // 15:xx, 16:xx on the 19th, 09:00 on the 20th
        QCOMPARE(bins->at(0).start, 1503154800);
        QCOMPARE(bins->at(0).count, 3);
        QCOMPARE(bins->at(1).count, 3);
        auto hours = timeline.hourWeekday({});
        QVERIFY(hours);
        QCOMPARE(hours->at(5).at(15), 3); // Saturday 15:00
        QCOMPARE(hours->at(6).at(9), 1);  // Sunday 09:00
        auto created = timeline.accountCreation({}, 86400);
        QVERIFY(created);
        QCOMPARE(created->size(), std::size_t(3));
        QCOMPARE(chooseBinSeconds(3600), 60);
        QCOMPARE(chooseBinSeconds(30 * 86400),
                 6 * 3600); // 240 three-hour bins would be one too many
    }

    void previewShowsRowsAsStoredWithoutTouchingACase()
    {
        auto preview = previewImport(test::dataPath("x_io_tweets.csv").toStdString(), {});
        QVERIFY(preview);
        QCOMPARE(preview->format, std::string("x-io"));
        QCOMPARE(preview->posts.size(), std::size_t(7));
        QCOMPARE(preview->posts.at(3).kind, PostKind::Repost);
        QCOMPARE(preview->issues.size(), std::size_t(1));
        QCOMPARE(preview->issues.at(0).field, std::string("tweet_time"));
        QCOMPARE(preview->columns.size(), std::size_t(31));
    }

    void previewOfAnUnknownTableAsksForAMapping()
    {
        const QString path =
            test::writeFile(m_dir, "table.csv", "who,when,said\nann,2021-01-02 10:00,hello\n");
        auto preview = previewImport(path.toStdString(), {});
        QVERIFY(preview);
        QCOMPARE(preview->format, std::string("csv"));
        QVERIFY(!preview->problem.empty()); // author and time are not mapped
        QCOMPARE(preview->posts.size(), std::size_t(0));
        ImportOptions mapped;
        mapped.format = "csv";
        mapped.mapping = {{"author", "who"}, {"time", "when"}, {"text", "said"}};
        preview = previewImport(path.toStdString(), mapped);
        QVERIFY(preview);
        QVERIFY(preview->problem.empty());
        QCOMPARE(preview->posts.size(), std::size_t(1));
        QCOMPARE(preview->posts.at(0).text, std::string("hello"));
        QCOMPARE(preview->posts.at(0).createdAt, 1609581600);
    }
};

QTEST_GUILESS_MAIN(TestPostQuery)
#include "tst_postquery.moc"
