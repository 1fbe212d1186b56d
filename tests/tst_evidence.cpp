#include "PostCollection.h"
#include "TestSupport.h"

#include "common/Sha256.h"
#include "query/PostQueries.h"
#include "store/AnalysisRuns.h"
#include "store/Database.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace chorus;
using namespace chorus::test;

// Evidence through the command line, on cases built the way a user builds them (importer,
// analyze): the audit trail, annotations that follow their cluster across re-runs, exports.
class TestEvidence : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void auditTrailRecordsWhatWasDoneAndRefusesEdits();
    void editAroundTheTriggersIsFoundByVerify();
    void failedImportIsOnTheRecordAndChangesNothing();
    void clusterAnnotationFollowsItsPostsAcrossReRuns();
    void annotationsOfPostsAccountsAndCommunities();
    void exportsNeutraliseFormulasAndGoOnTheRecord();

private:
    QString makeCase(const QString &name);
    static QJsonObject json(const CliResult &result);
    static QJsonArray auditEntries(const QString &casePath);
    static int clusterNumberWithText(const QString &casePath, const QString &text);

    QTemporaryDir m_dir;
};

namespace {

const char *RallyText = "Just got back from the rally in Kirkland Lake and I'm still buzzing "
                        "from the energy!";
const char *FormulaText = "=HYPERLINK(\"http://example.invalid\",\"click\") vote early, vote often";

} // namespace

void TestEvidence::initTestCase()
{
    qputenv("CHORUS_ANALYST", "Test Analyst");
}

QString TestEvidence::makeCase(const QString &name)
{
    // Eight accounts post the rally line within a minute, six a formula-shaped line an hour
    // later; the rest is ordinary chatter.
    PostCollection posts;
    const std::int64_t t0 = 1727800000;
    for (int i = 0; i < 8; ++i)
        posts.post({"r" + std::to_string(i), t0 + i * 5, {}, {}, {}, {}, RallyText, "en"});
    for (int i = 0; i < 6; ++i)
        posts.post({"f" + std::to_string(i), t0 + 3600 + i * 7, {}, {}, {}, {}, FormulaText, "en"});
    const char *chatter[] = {"Lovely weather at the lake this morning", "Anyone watching the game?",
                             "New bakery opened on Main Street",
                             "@SUM(A1:A9) is my favourite formula", "Traffic on the bridge again"};
    for (int i = 0; i < 5; ++i)
        posts.post(
            {"c" + std::to_string(i), t0 + 7200 + i * 600, {}, {}, {}, {}, chatter[i], "en"});
    const QString path = m_dir.filePath(name);
    auto store = CaseStore::open(path.toStdString(), CaseStore::OpenMode::OpenOrCreate);
    if (!store)
        qFatal("%s", store.error().message.c_str());
    posts.importInto(*store.value(), m_dir);
    return path;
}

QJsonObject TestEvidence::json(const CliResult &result)
{
    return QJsonDocument::fromJson(result.out.toUtf8()).object();
}

QJsonArray TestEvidence::auditEntries(const QString &casePath)
{
    const CliResult audit = runCli({"audit", casePath, "--json"});
    if (audit.exitCode != 0)
        qFatal("audit failed: %s", qPrintable(audit.err));
    return json(audit).value("entries").toArray();
}

int TestEvidence::clusterNumberWithText(const QString &casePath, const QString &text)
{
    const CliResult clusters = runCli({"clusters", casePath, "--json"});
    for (const QJsonValue &cluster : QJsonDocument::fromJson(clusters.out.toUtf8()).array())
        if (cluster["text"].toString() == text)
            return cluster["id"].toInt();
    return 0;
}

void TestEvidence::auditTrailRecordsWhatWasDoneAndRefusesEdits()
{
    const QString path = makeCase("audit.chorus");
    QCOMPARE(runCli({"analyze", path}).exitCode, 0);
    const QJsonArray entries = auditEntries(path);
    QStringList actions;
    for (const QJsonValue &entry : entries)
        actions << entry["action"].toString();
    QCOMPARE(actions, QStringList({"case-created", "import", "analysis"}));

    // The import entry carries the source's hash and counts as the case has them.
    auto store = CaseStore::open(path.toStdString());
    QVERIFY(store);
    const QJsonObject import = entries.at(1)["details"].toObject();
    QCOMPARE(import["sha256"].toString().toStdString(),
             text(*store.value(), "SELECT sha256 FROM sources"));
    QCOMPARE(import["imported"].toInt(), 19);
    QCOMPARE(entries.at(1)["analyst"].toString(), QStringLiteral("Test Analyst"));
    const QJsonObject analysis = entries.at(2)["details"].toObject();
    QCOMPARE(analysis["kind"].toString(),
             QString::fromLatin1(AnalysisRuns::storedName(RunKind::TextClusters)));
    QCOMPARE(analysis["parameters"].toObject()["threshold"].toDouble(), 0.55);
    // Each entry chains to the one before.
    QCOMPARE(entries.at(2)["previous_hash"], entries.at(1)["hash"]);

    // UPDATE and DELETE are refused.
    QVERIFY_THROWS_EXCEPTION(
        SqlError,
        store.value()->db().execScript("UPDATE audit_log SET analyst = 'someone' WHERE seq = 2"));
    QVERIFY_THROWS_EXCEPTION(SqlError, store.value()->db().execScript("DELETE FROM audit_log"));

    const CliResult verify = runCli({"audit", path, "--verify", "--json"});
    QCOMPARE(verify.exitCode, 0);
    QCOMPARE(json(verify)["entries_checked"].toInt(), 3);
    QCOMPARE(json(verify)["head"], entries.at(2)["hash"]);
}

void TestEvidence::editAroundTheTriggersIsFoundByVerify()
{
    const QString path = makeCase("tampered.chorus");
    QCOMPARE(runCli({"analyze", path}).exitCode, 0);
    QCOMPARE(runCli({"audit", path, "--verify"}).exitCode, 0);
    {
        auto store = CaseStore::open(path.toStdString());
        QVERIFY(store);
        store.value()->db().execScript(
            "DROP TRIGGER audit_log_no_update; "
            "UPDATE audit_log SET details = replace(details, '\"imported\":19', "
            "'\"imported\":18') WHERE seq = 2;");
    }
    const CliResult verify = runCli({"audit", path, "--verify"});
    QCOMPARE(verify.exitCode, 1);
    QVERIFY2(verify.err.contains("entry 2 does not match its hash"), qPrintable(verify.err));

    // A deleted entry is a gap in the chain.
    const QString second = makeCase("cut.chorus");
    QCOMPARE(runCli({"analyze", second}).exitCode, 0);
    {
        auto store = CaseStore::open(second.toStdString());
        QVERIFY(store);
        store.value()->db().execScript("DROP TRIGGER audit_log_no_delete; "
                                       "DELETE FROM audit_log WHERE seq = 2;");
    }
    const CliResult cut = runCli({"audit", second, "--verify", "--json"});
    QCOMPARE(cut.exitCode, 1);
    QCOMPARE(json(cut)["first_bad_entry"].toInt(), 2);
}

void TestEvidence::failedImportIsOnTheRecordAndChangesNothing()
{
    const QString path = makeCase("failed.chorus");
    const QString broken =
        writeFile(m_dir, "broken.jsonl", "{\"data\": {\"id\": \"1\", \"text\": ");
    // A cut-off record is a rejected row; --strict fails the whole file for it.
    const CliResult import = runCli({"import", path, broken, "--format", "twarc2", "--strict"});
    QCOMPARE(import.exitCode, 1);
    auto store = CaseStore::open(path.toStdString());
    QVERIFY(store);
    QCOMPARE(count(*store.value(), "SELECT count(*) FROM posts"), 19);
    QCOMPARE(count(*store.value(), "SELECT count(*) FROM sources"), 1);
    const QJsonArray entries = auditEntries(path);
    QCOMPARE(entries.last()["action"].toString(), QStringLiteral("import-failed"));
    QVERIFY(entries.last()["details"]["error"].toString().contains("broken.jsonl"));
    QCOMPARE(runCli({"audit", path, "--verify"}).exitCode, 0);
}

void TestEvidence::clusterAnnotationFollowsItsPostsAcrossReRuns()
{
    const QString path = makeCase("annotate.chorus");
    QCOMPARE(runCli({"analyze", path}).exitCode, 0);
    const int rally = clusterNumberWithText(path, RallyText);
    QVERIFY(rally > 0);
    const QString payload = "<b>bold</b> <img src=x onerror=alert(1)> copy of the rally line";
    const CliResult annotate = runCli({"annotate", path, "--cluster", QString::number(rally),
                                       "--tag", "coordinated", "--tag", "needs review", "--note",
                                       payload, "--grade", "b2", "--analyst", "A. Smith"});
    QCOMPARE(annotate.exitCode, 0);
    QCOMPARE(
        runCli({"annotate", path, "--cluster", QString::number(rally), "--grade", "G7"}).exitCode,
        1);

    // A re-run with other parameters numbers the clusters anew; the annotation finds its own.
    QCOMPARE(runCli({"analyze", path, "--threshold", "0.7", "--min-cluster", "3"}).exitCode, 0);
    const int rerun = clusterNumberWithText(path, RallyText);
    const CliResult listed = runCli({"annotations", path, "--json"});
    QCOMPARE(listed.exitCode, 0);
    const QJsonArray annotations = json(listed)["annotations"].toArray();
    QCOMPARE(annotations.size(), 1);
    const QJsonObject a = annotations.first().toObject();
    QCOMPARE(a["target"].toString(), QStringLiteral("cluster"));
    QCOMPARE(a["tags"].toArray(), QJsonArray({"coordinated", "needs review"}));
    QCOMPARE(a["note"].toString(), payload);
    QCOMPARE(a["grade"].toString(), QStringLiteral("B2"));
    QCOMPARE(a["analyst"].toString(), QStringLiteral("A. Smith"));
    QCOMPARE(a["members"].toInt(), 8);
    QCOMPARE(a["now"]["number"].toInt(), rerun);
    QCOMPARE(a["now"]["overlap"].toDouble(), 1.0);

    // Annotating the re-run's cluster changes the same annotation; removing a tag is a change
    // on the record with what it was before.
    QCOMPARE(runCli({"annotate", path, "--cluster", QString::number(rerun), "--tag", "needs review",
                     "--remove"})
                 .exitCode,
             0);
    const QJsonArray after = json(runCli({"annotations", path, "--json"}))["annotations"].toArray();
    QCOMPARE(after.size(), 1);
    QCOMPARE(after.first()["tags"].toArray(), QJsonArray({"coordinated"}));
    const QJsonArray entries = auditEntries(path);
    const QJsonObject last = entries.last()["details"].toObject();
    QCOMPARE(entries.last()["action"].toString(), QStringLiteral("annotation"));
    QCOMPARE(last["before"]["tags"].toArray(), QJsonArray({"coordinated", "needs review"}));
    QCOMPARE(last["after"]["tags"].toArray(), QJsonArray({"coordinated"}));

    // --remove alone removes the annotation; the record keeps every step.
    QCOMPARE(runCli({"annotate", path, "--cluster", QString::number(rerun), "--remove"}).exitCode,
             0);
    QVERIFY(json(runCli({"annotations", path, "--json"}))["annotations"].toArray().isEmpty());
    const QJsonArray final = auditEntries(path);
    QVERIFY(final.last()["details"]["after"].isNull());
    QCOMPARE(runCli({"audit", path, "--verify"}).exitCode, 0);
}

void TestEvidence::annotationsOfPostsAccountsAndCommunities()
{
    const QString path = makeCase("targets.chorus");
    QCOMPARE(runCli({"annotate", path, "--post", "p1", "--tag", "organic"}).exitCode, 0);
    QCOMPARE(runCli({"annotate", path, "--account", "@nobody", "--tag", "x"}).exitCode, 1);
    QCOMPARE(runCli({"annotate", path, "--account", "f0", "--tag", "likely automated"}).exitCode,
             0);
    QCOMPARE(runCli({"annotate", path, "--community", "0", "--tag", "x"}).exitCode,
             1);                                                      // no network
    QCOMPARE(runCli({"annotate", path, "--post", "p1"}).exitCode, 2); // nothing to do
    QCOMPARE(runCli({"analyze", path}).exitCode, 0);
    QCOMPARE(runCli({"network", path, "--type", "co-text", "--min-weight", "1"}).exitCode, 0);
    QCOMPARE(runCli({"annotate", path, "--community", "0", "--tag", "coordinated"}).exitCode, 0);

    const CliResult tagged = runCli({"annotations", path, "--tag", "likely automated", "--json"});
    const QJsonArray list = json(tagged)["annotations"].toArray();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first()["target"].toString(), QStringLiteral("account"));
    QVERIFY(list.first()["platform_id"].toString().endsWith(":f0"));
    const QJsonArray all = json(runCli({"annotations", path, "--json"}))["annotations"].toArray();
    QCOMPARE(all.size(), 3);

    // The posts filter by tag: the post itself, its account, its cluster or its community.
    auto store = CaseStore::open(path.toStdString());
    QVERIFY(store);
    const PostQueries posts(*store.value());
    PostFilter organic;
    organic.tag = "organic";
    QCOMPARE(posts.count(organic).value(), 1);
    PostFilter automated;
    automated.tag = "likely automated";
    QCOMPARE(posts.count(automated).value(), 1); // f0 posted once
    PostFilter none;
    none.tag = "no such tag";
    QCOMPARE(posts.count(none).value(), 0);
    const int rally = clusterNumberWithText(path, RallyText);
    QCOMPARE(runCli({"annotate", path, "--cluster", QString::number(rally), "--tag", "organic"})
                 .exitCode,
             0);
    QCOMPARE(posts.count(organic).value(), 8); // p1 is one of the 8 rally posts
    QCOMPARE(all.at(2)["target"].toString(), QStringLiteral("community"));
    QVERIFY(all.at(2)["members"].toInt() >= 2);
}

void TestEvidence::exportsNeutraliseFormulasAndGoOnTheRecord()
{
    const QString path = makeCase("export.chorus");
    QCOMPARE(runCli({"analyze", path}).exitCode, 0);
    const int formula = clusterNumberWithText(path, FormulaText);
    QVERIFY(formula > 0);
    QCOMPARE(runCli({"annotate", path, "--cluster", QString::number(formula), "--tag",
                     "coordinated", "--note", "=cmd|' /C calc'!A0"})
                 .exitCode,
             0);

    const QString csv = m_dir.filePath("posts.csv");
    const CliResult posts = runCli({"export", path, "--posts", "-o", csv});
    QCOMPARE(posts.exitCode, 0);
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    const QStringList lines = QString::fromUtf8(bytes).split("\r\n", Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1 + 19);
    int neutralised = 0;
    for (const QString &line : lines) {
        QVERIFY2(!line.contains(",=") && !line.contains(",@") && !line.contains(",\"="),
                 qPrintable(line));
        neutralised += line.contains("\"'=HYPERLINK") ? 1 : 0;
    }
    QCOMPARE(neutralised, 6);
    QVERIFY(QString::fromUtf8(bytes).contains(",'@SUM(A1:A9) is my favourite formula,"));

    // The printed hash is the file's, and the audit trail has the same.
    Sha256 hash;
    hash.addData(bytes.constData(), std::size_t(bytes.size()));
    const std::string digest = hash.hexDigest();
    QVERIFY2(posts.out.contains(QString::fromStdString("sha256 " + digest)), qPrintable(posts.out));
    const QJsonArray entries = auditEntries(path);
    QCOMPARE(entries.last()["action"].toString(), QStringLiteral("export"));
    QCOMPARE(entries.last()["details"]["sha256"].toString().toStdString(), digest);
    QCOMPARE(entries.last()["details"]["rows"].toInt(), 19);

    // Clusters as JSON, only the tagged one, with its (neutralised in CSV, literal in JSON) note.
    const QString clusters = m_dir.filePath("clusters.json");
    QCOMPARE(
        runCli({"export", path, "--clusters", "--tag", "coordinated", "-o", clusters}).exitCode, 0);
    QFile jsonFile(clusters);
    QVERIFY(jsonFile.open(QIODevice::ReadOnly));
    const QJsonArray rows = QJsonDocument::fromJson(jsonFile.readAll()).array();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first()["cluster"].toInt(), formula);
    QCOMPARE(rows.first()["posts"].toInt(), 6);
    QCOMPARE(rows.first()["note"].toString(), QStringLiteral("=cmd|' /C calc'!A0"));
    const QString clustersCsv = m_dir.filePath("clusters.csv");
    QCOMPARE(
        runCli({"export", path, "--clusters", "--tag", "coordinated", "-o", clustersCsv}).exitCode,
        0);
    QFile csvFile(clustersCsv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    QVERIFY(csvFile.readAll().contains(",'=cmd|' /C calc'!A0,"));

    // Posts of one cluster; an unwritable path leaves no file and no record.
    const QString one = m_dir.filePath("one.csv");
    const CliResult cluster =
        runCli({"export", path, "--posts", "--cluster", QString::number(formula), "-o", one});
    QCOMPARE(cluster.exitCode, 0);
    QVERIFY(cluster.out.startsWith("Wrote 6 posts"));
    const int before = auditEntries(path).size();
    QCOMPARE(
        runCli({"export", path, "--posts", "-o", m_dir.filePath("missing/dir/x.csv")}).exitCode, 1);
    QCOMPARE(auditEntries(path).size(), before);
    QCOMPARE(runCli({"export", path, "--posts", "-o", m_dir.filePath("x.txt")}).exitCode, 1);
}

QTEST_GUILESS_MAIN(TestEvidence)
#include "tst_evidence.moc"
