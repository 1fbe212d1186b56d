// chorus-cli geocode as scripts use it: strings and files without a case (JSON in input order,
// lines exactly as given), and a case's accounts resolved once and kept in the case.
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace chorus::test;

class TestCliGeocode : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    static QJsonArray jsonOf(const CliResult &r)
    {
        return QJsonDocument::fromJson(r.out.toUtf8()).array();
    }

private slots:
    void stringsAsJsonInInputOrder()
    {
        const CliResult r = runCli({"geocode", "--json", "Kirkland Lake, ON", "he/him",
                                    "Waikato District, New Zealand", "Salem"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray a = jsonOf(r);
        QCOMPARE(a.size(), 4);
        const QJsonObject kirkland = a[0].toObject();
        for (const char *key : {"country", "admin1", "city", "lat", "lon", "granularity",
                                "confidence", "matched", "candidates"})
            QVERIFY2(kirkland.contains(key), key);
        QCOMPARE(kirkland["country"].toString(), QString("CA"));
        QCOMPARE(kirkland["city"].toString(), QString("Kirkland Lake"));
        QCOMPARE(kirkland["granularity"].toString(), QString("city"));
        QVERIFY(a[1].toObject()["country"].isNull());
        QCOMPARE(a[1].toObject()["granularity"].toString(), QString("none"));
        QCOMPARE(a[2].toObject()["country"].toString(), QString("NZ"));
        QCOMPARE(a[2].toObject()["granularity"].toString(), QString("region"));
        QVERIFY(a[2].toObject()["city"].isNull());
        QVERIFY(a[3].toObject()["city"].isNull());
        QVERIFY(!a[3].toObject()["candidates"].toArray().isEmpty());
    }

    void fileLinesExactlyAsGiven()
    {
        const QString file =
            writeFile(m_dir, "places.txt", "  Toronto 🇨🇦  \r\n\n127.0.0.1\nMünchen");
        const CliResult r = runCli({"geocode", "--json", "--file", file});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray a = jsonOf(r);
        QCOMPARE(a.size(), 4);
        QCOMPARE(a[0].toObject()["input"].toString(), QString("  Toronto 🇨🇦  "));
        QCOMPARE(a[0].toObject()["city"].toString(), QString("Toronto"));
        QCOMPARE(a[1].toObject()["input"].toString(), QString());
        QCOMPARE(a[1].toObject()["granularity"].toString(), QString("none"));
        QVERIFY(a[2].toObject()["country"].isNull());
        QCOMPARE(a[3].toObject()["country"].toString(), QString("DE"));
        QCOMPARE(runCli({"geocode", "--file", m_dir.filePath("missing.txt")}).exitCode, 1);
        QCOMPARE(runCli({"geocode"}).exitCode, 2);
    }

    void caseAccountsAreResolvedOnceAndKept()
    {
        const QString csv = writeFile(m_dir, "accounts.csv",
                                      "id,user,when,message,where\n"
                                      "1,ann,2024-10-01 10:00,hello,\"Kirkland Lake, ON\"\n"
                                      "2,bob,2024-10-01 10:01,hello,\"Waikato District, NZ\"\n"
                                      "3,cat,2024-10-01 10:02,hello,Planet Earth\n"
                                      "4,dan,2024-10-01 10:03,hello,\"Kirkland Lake, ON\"\n"
                                      "5,eve,2024-10-01 10:04,hello,\n");
        const QString kase = m_dir.filePath("geo.chorus");
        const CliResult imported = runCli(
            {"import", kase, csv, "--format", "csv", "--map", "post_id=id", "--map", "author=user",
             "--map", "time=when", "--map", "text=message", "--map", "location=where"});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        CliResult r = runCli({"geocode", kase, "--accounts"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("5 accounts, 4 with a location (3 distinct, 3 resolved now"),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains("city 2, region 1, country 0, unresolved 1"), qPrintable(r.out));
        // Kept in the case: nothing to resolve the second time.
        r = runCli({"geocode", kase, "--accounts", "--json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray a = jsonOf(r);
        QCOMPARE(a.size(), 4);
        QCOMPARE(a[0].toObject()["handle"].toString(), QString("ann"));
        QCOMPARE(a[0].toObject()["city"].toString(), QString("Kirkland Lake"));
        QCOMPARE(a[1].toObject()["country"].toString(), QString("NZ"));
        QCOMPARE(a[2].toObject()["granularity"].toString(), QString("none"));
        QVERIFY(runCli({"geocode", kase, "--accounts"}).out.contains("0 resolved now"));
        QCOMPARE(runCli({"geocode", kase, "other", "--accounts"}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliGeocode)
#include "tst_cli_geocode.moc"
