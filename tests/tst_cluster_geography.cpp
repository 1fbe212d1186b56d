// Where a cluster's accounts say they are against the places its text names, through the
// pipeline a user runs: chorus-cli import (with a location column), analyze, clusters --json.
#include "TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTest>

using namespace chorus::test;

class TestClusterGeography : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QJsonArray m_clusters;
    QString m_case;

    QJsonObject clusterSaying(const QString &words) const
    {
        for (const QJsonValue &v : m_clusters)
            if (v.toObject()["text"].toString().contains(words))
                return v.toObject();
        return {};
    }

private slots:
    void initTestCase()
    {
        QString rows = "id,user,when,message,where\n";
        int id = 0;
        auto add = [&](const QString &user, const QString &time, const QString &text,
                       const QString &where) {
            rows += QString("%1,%2,%3,\"%4\",\"%5\"\n").arg(++id).arg(user, time, text, where);
        };
        // The rally: accounts "from all corners of the world", two of them in Ontario.
        const QStringList far = {"Waikato District, New Zealand",
                                 "Lagos, Nigeria",
                                 "Manila",
                                 "Sofia, Bulgaria",
                                 "Minsk, Belarus",
                                 "Lima, Peru",
                                 "Nairobi 🇰🇪",
                                 "Bucharest",
                                 "Auckland, NZ",
                                 "Kyiv, Ukraine"};
        for (int i = 0; i < 24; ++i)
            add(QString("rally%1").arg(i),
                QString("2024-10-14 23:%1:00").arg(10 + i, 2, 10, QChar('0')),
                "Just got back from Pierre Poilievre's rally in Kirkland Lake and I'm still "
                "buzzing from the energy!",
                i < 2 ? QString("Timmins, ON") : far[i % far.size()]);
        // A local road closure, posted by people of the town it names.
        const QStringList near = {"Timmins, ON", "Timmins", "Timmins Ontario", "Timmins, Canada"};
        for (int i = 0; i < 12; ++i)
            add(QString("local%1").arg(i),
                QString("2024-10-15 07:%1:00").arg(10 + i, 2, 10, QChar('0')),
                "Road closures downtown in Timmins again this morning, plan your commute",
                near[i % near.size()]);
        // A greeting that names no place.
        for (int i = 0; i < 12; ++i)
            add(QString("hello%1").arg(i),
                QString("2024-10-16 09:%1:00").arg(10 + i, 2, 10, QChar('0')),
                "Happy Monday everyone, have a wonderful week ahead of you", far[i % far.size()]);
        const QString csv = writeFile(m_dir, "posts.csv", rows.toUtf8());
        const QString kase = m_case = m_dir.filePath("geo.chorus");
        const CliResult imported = runCli(
            {"import", kase, csv, "--format", "csv", "--map", "post_id=id", "--map", "author=user",
             "--map", "time=when", "--map", "text=message", "--map", "location=where"});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        const CliResult analyzed = runCli({"analyze", kase});
        QVERIFY2(analyzed.exitCode == 0, qPrintable(analyzed.err));
        const CliResult listed = runCli({"clusters", kase, "--json"});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
        m_clusters = QJsonDocument::fromJson(listed.out.toUtf8()).array();
        QCOMPARE(m_clusters.size(), 3);
        const CliResult text = runCli({"clusters", kase});
        QVERIFY2(text.out.contains("PLACE MISMATCH: text names Kirkland Lake, Ontario, CA"),
                 qPrintable(text.out));
    }

    void rallyFarFromItsTownIsFlagged()
    {
        const QJsonObject rally = clusterSaying("Kirkland Lake");
        const QJsonObject g = rally["geography"].toObject();
        QVERIFY(g["place_mismatch"].toBool());
        QCOMPARE(g["located_accounts"].toInt(), 24);
        // 22 of 24 claim places on other continents; the two in Timmins are 130 km away.
        QCOMPARE(g["far_share"].toDouble(), 22.0 / 24.0);
        QCOMPARE(g["claimed_countries"].toInt(), 10); // nine far countries and Canada
        const QJsonArray places = g["text_places"].toArray();
        // "Pierre" (a small town in South Dakota) is a name here.
        QVERIFY2(places.size() == 1, QJsonDocument(places).toJson().constData());
        QCOMPARE(places[0].toObject()["name"].toString(), QString("Kirkland Lake"));
        QCOMPARE(places[0].toObject()["country"].toString(), QString("CA"));
        QCOMPARE(places[0].toObject()["admin1"].toString(), QString("Ontario"));
        const QJsonArray top = g["top_countries"].toArray();
        QCOMPARE(top[0].toArray()[0].toString(), QString("NZ")); // Waikato and Auckland
        QCOMPARE(top[0].toArray()[1].toInt(), 4);
        // The mismatch is part of the score, by name.
        QVERIFY(rally["score"].toDouble() > clusterSaying("Road closures")["score"].toDouble());
    }

    void localClusterNamingItsTownIsNot()
    {
        const QJsonObject g = clusterSaying("Road closures")["geography"].toObject();
        const QJsonArray places = g["text_places"].toArray();
        QCOMPARE(places.size(), 1);
        QCOMPARE(places[0].toObject()["name"].toString(), QString("Timmins"));
        QCOMPARE(g["located_accounts"].toInt(), 12);
        QCOMPARE(g["far_share"].toDouble(), 0.0);
        QVERIFY(!g["place_mismatch"].toBool());
    }

    void clusterNamingNoPlaceIsNot()
    {
        const QJsonObject g = clusterSaying("Happy Monday")["geography"].toObject();
        QVERIFY(g["text_places"].toArray().isEmpty());
        QCOMPARE(g["located_accounts"].toInt(), 12);
        QVERIFY(!g["place_mismatch"].toBool());
    }

    // The account signal: a rally account claiming Nigeria fires, one claiming Timmins (130 km
    // from Kirkland Lake) does not, nor does a local account of the road-closure cluster.
    void farFromTopicSignal()
    {
        QCOMPARE(runCli({"network", m_case, "--type", "co-text", "--min-weight", "1"}).exitCode, 0);
        const CliResult r = runCli({"accounts", m_case, "--top", "1000", "--json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QMap<QString, QString> explanation;
        for (const QJsonValue &a : QJsonDocument::fromJson(r.out.toUtf8())["accounts"].toArray())
            for (const QJsonValue &s : a.toObject()["signals"].toArray())
                if (s.toObject()["signal"].toString() == "claimed_location_far_from_topic")
                    explanation.insert(a.toObject()["platform_id"].toString(),
                                       s.toObject()["explanation"].toString());
        QCOMPARE(explanation.size(), 22);
        QVERIFY2(explanation.value("rally3").startsWith(
                     "claims \"Sofia, Bulgaria\" (Sofia, BG) and posted in cluster #1, whose text "
                     "names Kirkland Lake, CA"),
                 qPrintable(explanation.value("rally3")));
        QVERIFY(!explanation.contains("rally0"));
        // Gephi users get the claimed country as a node attribute.
        const QString graphml = m_dir.filePath("network.graphml");
        QCOMPARE(
            runCli({"network", m_case, "--type", "co-text", "--min-weight", "1", "-o", graphml})
                .exitCode,
            0);
        QFile exported(graphml);
        QVERIFY(exported.open(QIODevice::ReadOnly));
        const QString xml = QString::fromUtf8(exported.readAll());
        QVERIFY(xml.contains("attr.name=\"country\""));
        // Sofia: three rally accounts and one of the "Happy Monday" greeters.
        QCOMPARE(xml.count("<data key=\"node_country\">BG</data>"), 4);
        QVERIFY(!explanation.contains("local0"));
        QVERIFY(!explanation.contains("hello0"));
    }

    // The rally's co-text network coloured by the countries its accounts claim.
    void graphColouredByClaimedCountry()
    {
        const QString svg = m_dir.filePath("countries.svg");
        const CliResult r =
            runCli({"graph", m_case, "--cluster", "1", "--colour", "country", "-o", svg});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString drawing = QString::fromUtf8(file.readAll());
        QVERIFY(drawing.contains("Claimed countries"));
        QVERIFY(drawing.contains("NZ: 4 accounts"));
        QVERIFY(drawing.contains("CA: 2 accounts"));
    }
};

QTEST_GUILESS_MAIN(TestClusterGeography)
#include "tst_cluster_geography.moc"
