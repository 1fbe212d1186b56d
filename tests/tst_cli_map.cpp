// chorus-cli map through the pipeline: import accounts with locations, analyze (which resolves
// them), then draw the map with a cluster's accounts highlighted.
#include "TestSupport.h"

#include <QFile>
#include <QTest>
#include <QXmlStreamReader>

using namespace chorus::test;

class TestCliMap : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void mapHasABubblePerPlaceAndTheCounts()
    {
        const QString text = "Just got back from the rally in Kirkland Lake and I am still buzzing";
        QString rows = "id,user,when,message,where\n";
        const QStringList places = {"Lagos, Nigeria",
                                    "Lagos, Nigeria",
                                    "Lagos, Nigeria",
                                    "Manila",
                                    "Manila, Philippines",
                                    "Planet Earth",
                                    ""};
        for (int i = 0; i < places.size(); ++i)
            rows += QString("%1,user%1,2024-10-14 23:%2:00,%3,\"%4\"\n")
                        .arg(i)
                        .arg(10 + i)
                        .arg(i < 5 ? text
                                   : QString("Lovely weather by the lake today number %1").arg(i),
                             places[i]);
        rows += "9,user9,2024-10-15 08:00,Good morning,\"Toronto, ON\"\n";
        const QString kase = m_dir.filePath("map.chorus");
        const CliResult imported =
            runCli({"import", kase, writeFile(m_dir, "posts.csv", rows.toUtf8()), "--format", "csv",
                    "--map", "post_id=id", "--map", "author=user", "--map", "time=when", "--map",
                    "text=message", "--map", "location=where"});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QCOMPARE(runCli({"analyze", kase}).exitCode, 0);
        const QString svg = m_dir.filePath("map.svg");
        const CliResult drawn = runCli({"map", kase, "-o", svg, "--cluster", "1"});
        QVERIFY2(drawn.exitCode == 0, qPrintable(drawn.err));
        QVERIFY2(drawn.out.contains("6 of 8 accounts placed; 1 with a location no place could "
                                    "be read from, 1 with none; 5 of the 5 accounts of cluster "
                                    "#1 placed; 3 places"),
                 qPrintable(drawn.out));
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader reader(&file);
        int circles = 0;
        QStringList texts;
        while (!reader.atEnd()) {
            reader.readNext();
            if (reader.isStartElement() && reader.name() == QLatin1String("circle"))
                ++circles;
            if (reader.isStartElement() && reader.name() == QLatin1String("text"))
                texts << reader.readElementText(QXmlStreamReader::IncludeChildElements);
        }
        QVERIFY(!reader.hasError());
        // Three places (Lagos, Manila, Toronto), two with highlighted accounts, two legend dots.
        QCOMPARE(circles, 3 + 2 + 2);
        QVERIFY(texts.contains("Where the accounts of cluster #1 say they are"));
        QVERIFY(texts.contains("1 with no location"));
        // Red for the accounts with signals: there must be a network run first.
        QCOMPARE(runCli({"map", kase, "-o", svg, "--signals"}).exitCode, 1);
        QCOMPARE(runCli({"network", kase}).exitCode, 0);
        const CliResult signalled = runCli({"map", kase, "-o", svg, "--signals"});
        QVERIFY2(signalled.exitCode == 0, qPrintable(signalled.err));
        QVERIFY2(signalled.out.contains("Where the accounts with signals fired say they are"),
                 qPrintable(signalled.out));
        QCOMPARE(runCli({"map", kase, "-o", svg, "--signals", "--cluster", "1"}).exitCode, 2);
        QCOMPARE(runCli({"map", kase, "-o", m_dir.filePath("map.txt")}).exitCode, 2);
        QCOMPARE(runCli({"map", kase, "-o", svg, "--cluster", "9"}).exitCode, 1);
    }
};

QTEST_GUILESS_MAIN(TestCliMap)
#include "tst_cli_map.moc"
