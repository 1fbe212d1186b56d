#include "SyntheticCollection.h"
#include "TestSupport.h"

#include <QFile>
#include <QTest>

#include <map>
#include <set>

using namespace chorus;
using namespace chorus::bench;
using namespace chorus::test;

// The synthetic collection the benchmarks (and the clustering and network measurements)
// rely on: both output formats import cleanly and agree, the output is reproducible, and the
// planted campaigns have the timing they promise.
class TestGenerator : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void sameSeedSameBytes();
    void bothFormatsImportCleanlyAndAgree();
    void truthNamesEveryPost();
    void campaignsHaveTheirTiming();

private:
    QTemporaryDir m_dir;
    GeneratorOptions m_options;
    QString m_xio, m_twarc2, m_truth;
};

static QByteArray contents(const QString &path)
{
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    return file.readAll();
}

void TestGenerator::initTestCase()
{
    m_options.posts = 3000;
    m_options.seed = 7;
    m_xio = m_dir.filePath("gen.csv");
    m_twarc2 = m_dir.filePath("gen.jsonl");
    m_truth = m_dir.filePath("truth.csv");
    const SyntheticCollection collection(m_options);
    QVERIFY(
        collection.writeFiles(m_xio.toStdString(), m_twarc2.toStdString(), m_truth.toStdString()));
}

void TestGenerator::sameSeedSameBytes()
{
    // Written alone rather than together, by another object: the same bytes.
    const SyntheticCollection again(m_options);
    const QString xio = m_dir.filePath("again.csv");
    QVERIFY(again.writeXArchive(xio.toStdString()));
    QCOMPARE(contents(xio), contents(m_xio));
    const QString twarc2 = m_dir.filePath("again.jsonl");
    QVERIFY(again.writeTwarc2(twarc2.toStdString()));
    QCOMPARE(contents(twarc2), contents(m_twarc2));

    GeneratorOptions other = m_options;
    other.seed = 8;
    const QString different = m_dir.filePath("other.csv");
    QVERIFY(SyntheticCollection(other).writeXArchive(different.toStdString()));
    QVERIFY(contents(different) != contents(m_xio));
}

// Imports `path` into a new case and checks that every post came in without a problem.
static std::unique_ptr<CaseStore> importedCleanly(const QTemporaryDir &dir, const QString &path,
                                                  const std::string &format)
{
    auto store = makeCase(dir, QString::fromStdString(format) + ".chorus");
    const auto report = importPath(*store, path);
    if (!report.ok())
        qFatal("%s", report.error().message.c_str());
    if (report->format != format || report->counts.imported != 3000 ||
        report->counts.rejected != 0 || report->counts.warnings != 0)
        qFatal("%s: format %s, imported %lld, rejected %lld, warnings %lld", format.c_str(),
               report->format.c_str(), static_cast<long long>(report->counts.imported),
               static_cast<long long>(report->counts.rejected),
               static_cast<long long>(report->counts.warnings));
    return store;
}

void TestGenerator::bothFormatsImportCleanlyAndAgree()
{
    auto xioCase = importedCleanly(m_dir, m_xio, "x-io");
    auto twarcCase = importedCleanly(m_dir, m_twarc2, "twarc2");
    for (const char *sql :
         {"SELECT count(*) FROM accounts", "SELECT count(*) FROM post_hashtags",
          "SELECT count(*) FROM post_urls", "SELECT count(*) FROM post_mentions",
          "SELECT count(*) FROM posts WHERE kind = 'reply'",
          "SELECT count(*) FROM posts WHERE kind = 'repost'", "SELECT sum(length(text)) FROM posts",
          "SELECT sum(created_at) FROM posts",
          "SELECT count(*) FROM posts WHERE latitude IS NOT NULL"})
        QCOMPARE(count(*twarcCase, sql), count(*xioCase, sql));
    // Every reply and repost points at a post of the collection.
    QCOMPARE(count(*xioCase, "SELECT count(*) FROM posts p WHERE coalesce(reply_to, repost_of) "
                             "IS NOT NULL AND NOT EXISTS (SELECT 1 FROM posts q WHERE "
                             "q.platform_id = coalesce(p.reply_to, p.repost_of))"),
             std::int64_t(0));
}

void TestGenerator::truthNamesEveryPost()
{
    const QList<QByteArray> lines = contents(m_truth).trimmed().split('\n');
    QCOMPARE(lines.size(), 3001);
    QCOMPARE(lines.front(), QByteArray("post_id,campaign,style"));
    std::set<QByteArray> ids;
    std::map<QByteArray, int> campaigns;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QList<QByteArray> cells = lines[i].split(',');
        QCOMPARE(cells.size(), 3);
        ids.insert(cells[0]);
        if (!cells[1].isEmpty())
            ++campaigns[cells[1].left(cells[1].indexOf('-'))];
    }
    QCOMPARE(ids.size(), size_t(3000));
    QCOMPARE(int(campaigns.size()), 3); // only these three prefixes
    QVERIFY(campaigns["rally"] > 0 && campaigns["flood"] > 0 && campaigns["ring"] > 0);
    const int planted = campaigns["rally"] + campaigns["flood"] + campaigns["ring"];
    QVERIFY2(planted > 200 && planted < 400, QByteArray::number(planted)); // ~10% of 3000
}

void TestGenerator::campaignsHaveTheirTiming()
{
    // Truth families joined to the imported posts.
    auto store = makeCase(m_dir, "timing.chorus");
    QVERIFY(importPath(*store, m_xio).ok());
    store->db().execScript("CREATE TEMP TABLE truth (post_id TEXT, family TEXT, style TEXT)");
    Statement insert = store->db().prepare("INSERT INTO truth VALUES (?, ?, ?)");
    const QList<QByteArray> lines = contents(m_truth).trimmed().split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QList<QByteArray> cells = lines[i].split(',');
        insert.bind(1, cells[0].toStdString())
            .bind(2, cells[1].toStdString())
            .bind(3, cells[2].toStdString())
            .exec();
    }
    // Each rally family here is one event: all its posts within the hour.
    QCOMPARE(count(*store, "SELECT count(*) FROM (SELECT family FROM truth JOIN posts ON "
                           "platform_id = post_id WHERE family LIKE 'rally-%' GROUP BY family "
                           "HAVING max(created_at) - min(created_at) >= 3600)"),
             std::int64_t(0));
    QVERIFY(count(*store, "SELECT count(DISTINCT family) FROM truth WHERE family LIKE 'rally-%'") >=
            3);
    // Flood replies come in UTC+8 working hours (01:00-10:00 UTC).
    QCOMPARE(count(*store, "SELECT count(*) FROM truth JOIN posts ON platform_id = post_id "
                           "WHERE family LIKE 'flood-%' AND (created_at % 86400 < 3600 OR "
                           "created_at % 86400 >= 36000)"),
             std::int64_t(0));
    QVERIFY(count(*store, "SELECT count(*) FROM truth JOIN posts ON platform_id = post_id "
                          "WHERE family LIKE 'flood-%' AND kind = 'reply'") > 100);
    // Ring retweets follow the post they amplify within 30 seconds.
    QCOMPARE(count(*store, "SELECT count(*) FROM truth JOIN posts r ON r.platform_id = post_id "
                           "JOIN posts o ON o.platform_id = r.repost_of WHERE family LIKE "
                           "'ring-%' AND style = 'retweet' AND r.created_at - o.created_at "
                           "NOT BETWEEN 1 AND 30"),
             std::int64_t(0));
    QVERIFY(count(*store, "SELECT count(*) FROM truth WHERE family LIKE 'ring-%' AND style = "
                          "'retweet'") > 10);
}

QTEST_GUILESS_MAIN(TestGenerator)
#include "tst_generator.moc"
