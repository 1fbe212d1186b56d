#include "PostCollection.h"
#include "TestSupport.h"

#include "store/CaseStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace chorus;
using namespace chorus::test;

// chorus-cli report on a case built the way a user builds it (importer, analyze, network,
// annotate), read back with poppler's pdftotext and pdffonts.
class TestCliReport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void reportShowsTheEvidence();
    void fontsAreEmbedded();
    void reportIsOnTheAuditTrailWithItsManifest();
    void sameCaseGivesTheSameText();
    void frenchReport();
    void unwritablePathFailsAndLeavesNothing();
    void reportCutShortFailsAndLeavesNothing();
    void outputCutShortFails();

private:
    QString makeCase(const QString &name);
    static QString pdfText(const QString &pdf, bool layout = false);
    static QJsonObject auditJson(const QString &casePath);

    QTemporaryDir m_dir;
    QString m_case;
    QString m_report;
    QString m_headBefore;
    CliResult m_run;
};

namespace {

const char *RallyText = "Just got back from the rally in Kirkland Lake and I'm still buzzing "
                        "from the energy!";
const char *FloodText = "Everyone must see this video before they delete it, share now";
const char *NoteText = "Seen in <b>bold</b> and <img src=x> on three forums";
// 日 (U+65E5): DejaVu has no CJK; the report draws it with another installed font or writes
// [U+65E5] and says so.
const char *CjkText = "日 Tokyo meetup tonight at the station, bring your banners and friends";

} // namespace

void TestCliReport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("CHORUS_ANALYST", "Test Analyst");
    m_case = makeCase("case.chorus");
    QCOMPARE(runCli({"analyze", m_case}).exitCode, 0);
    QCOMPARE(runCli({"network", m_case, "--type", "co-text", "--min-weight", "1"}).exitCode, 0);
    const CliResult annotate = runCli({"annotate", m_case, "--cluster", "1", "--tag", "coordinated",
                                       "--note", NoteText, "--grade", "B2"});
    QVERIFY2(annotate.exitCode == 0, qPrintable(annotate.err));
    m_headBefore = auditJson(m_case)["head"].toString();
    QCOMPARE(m_headBefore.size(), 64);
    m_report = m_dir.filePath("report.pdf");
    m_run = runCli({"report", m_case, "-o", m_report, "--manifest", "--clusters", "3"});
    QVERIFY2(m_run.exitCode == 0, qPrintable(m_run.err));
}

QString TestCliReport::makeCase(const QString &name)
{
    PostCollection posts;
    const std::int64_t t0 = 1727800000;
    for (int i = 0; i < 8; ++i) {
        const std::string id = "r" + std::to_string(i);
        posts.account(id, {"rally_fan" + std::to_string(i), 1727000000 + i * 3600});
        posts.post({id, t0 + i * 5, {}, {}, {}, {}, RallyText, "en"});
    }
    for (int i = 0; i < 6; ++i) {
        const std::string id = "f" + std::to_string(i);
        posts.account(id, {"<i>flood" + std::to_string(i) + "</i>", std::nullopt});
        posts.post({id, t0 + 3600 + i * 7, {}, {}, {}, {}, FloodText, "en"});
        posts.post(
            {id, t0 + 3600 + i * 7 + 30, {}, {}, {}, {}, std::string(FloodText) + "!!", "en"});
    }
    for (int i = 0; i < 5; ++i)
        posts.post({"t" + std::to_string(i), t0 + 5400 + i * 11, {}, {}, {}, {}, CjkText, "en"});
    posts.post({"c0", t0 + 7200, {}, {}, {}, {}, "Lovely weather at the lake this morning", "en"});
    const QString path = m_dir.filePath(name);
    auto store = CaseStore::open(path.toStdString(), CaseStore::OpenMode::OpenOrCreate);
    if (!store)
        qFatal("%s", store.error().message.c_str());
    posts.importInto(*store.value(), m_dir);
    // A second source, with duplicate and rejected rows of its own.
    if (!importPath(*store.value(), dataPath(QStringLiteral("generic_posts.csv")),
                    genericPostsMapping()))
        qFatal("importing generic_posts.csv failed");
    return path;
}

// The text of a PDF; without `layout`, white space (wrapped lines, table cells) as one space.
QString TestCliReport::pdfText(const QString &pdf, bool layout)
{
    QProcess process;
    QStringList arguments;
    if (layout)
        arguments << QStringLiteral("-layout");
    process.start(QStringLiteral("pdftotext"), arguments << pdf << QStringLiteral("-"));
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        qFatal("pdftotext failed: %s", process.readAllStandardError().constData());
    const QString text = QString::fromUtf8(process.readAllStandardOutput());
    return layout ? text : text.simplified();
}

QJsonObject TestCliReport::auditJson(const QString &casePath)
{
    const CliResult audit = runCli({"audit", casePath, "--json"});
    if (audit.exitCode != 0)
        qFatal("audit failed: %s", qPrintable(audit.err));
    return QJsonDocument::fromJson(audit.out.toUtf8()).object();
}

void TestCliReport::reportShowsTheEvidence()
{
    const QString text = pdfText(m_report);
    for (const char *section : {"Summary of findings",
                                "Annotated items",
                                "Top 3 of",
                                "Campaigns",
                                "Methodology",
                                "What a cluster's score is made of",
                                "Account signals",
                                "Limitations",
                                "Organic coordination exists",
                                "Near-duplicate text is not proof",
                                "Data provenance",
                                "Cluster #1",
                                "Representative text",
                                "Sample variants",
                                "Posts over time",
                                "Where its accounts say they are",
                                "Its co-text network",
                                "Coordination network",
                                "Appendix A. Accounts",
                                "Appendix B. Audit trail",
                                "Page 1 of",
                                "Test Analyst"})
        QVERIFY2(text.contains(QLatin1String(section)), section);
    // The fingerprint is the audit trail's head before the report's own entry.
    QVERIFY(text.contains(QStringLiteral("Case fingerprint")));
    QVERIFY(text.contains(m_headBefore));
    const QRegularExpression pageOf(QStringLiteral("Page (\\d+) of (\\d+)"));
    auto pages = pageOf.globalMatch(text);
    int footers = 0, total = 0;
    while (pages.hasNext()) {
        const auto match = pages.next();
        total = match.captured(2).toInt();
        ++footers;
    }
    QVERIFY(total > 5);
    QCOMPARE(footers, total); // on every page
    // Every page's footer, and the title page's line.
    QCOMPARE(text.count(QStringLiteral("Case fingerprint ") + m_headBefore), total + 1);

    // Parameters with their values.
    const QString layout = pdfText(m_report, true);
    QVERIFY(QRegularExpression(QStringLiteral("threshold\\s+0\\.55\\b")).match(layout).hasMatch());
    QVERIFY(QRegularExpression(QStringLiteral("posts_per_day\\s+72\\b")).match(layout).hasMatch());
    QVERIFY(QRegularExpression(QStringLiteral("min_weight\\s+1\\b")).match(layout).hasMatch());
    QVERIFY(QRegularExpression(QStringLiteral("window_seconds\\s+60\\b")).match(layout).hasMatch());
    // Every source: its SHA-256 and its row counts as the case recorded them.
    auto store = CaseStore::open(m_case.toStdString());
    QVERIFY(store);
    const auto sources = store.value()->sources();
    QVERIFY(sources && sources->size() == 2);
    for (const SourceInfo &source : sources.value()) {
        QVERIFY2(text.contains(QString::fromStdString(source.sha256)), source.fileName.c_str());
        const QString counts = QStringLiteral("%1\\s+%2\\s+%3\\s+%4")
                                   .arg(source.rowsRead)
                                   .arg(source.rowsImported)
                                   .arg(source.rowsDuplicate)
                                   .arg(source.rowsRejected);
        QVERIFY2(
            QRegularExpression(QRegularExpression::escape(QString::fromStdString(source.fileName)) +
                               QStringLiteral(".*\\s") + counts + QStringLiteral("\\s"))
                .match(layout)
                .hasMatch(),
            source.fileName.c_str());
    }
    // Untrusted text is drawn as typed: the note's markup and the handles' tags stay literal.
    // The note in the annotations section and in its cluster's section.
    QCOMPARE(text.count(QString::fromUtf8(NoteText)), 2);
    QVERIFY(text.contains(QStringLiteral("Tags: coordinated; grade: B2; by Test Analyst")));
    QVERIFY(text.contains(QStringLiteral("<i>flood0</i>")));
    QVERIFY(text.contains(QStringLiteral("B2")));
    QVERIFY(text.contains(QStringLiteral("coordinated")));
    // A character no installed font has is named, never silently dropped.
    QProcess fc;
    fc.start(QStringLiteral("fc-list"), {QStringLiteral(":charset=65e5")});
    QVERIFY(fc.waitForFinished(30000));
    if (fc.readAllStandardOutput().trimmed().isEmpty()) {
        QVERIFY(text.contains(QStringLiteral("[U+65E5] Tokyo meetup")));
        QVERIFY(text.contains(QStringLiteral("No installed font can draw these characters")));
    } else {
        QVERIFY(text.contains(QString::fromUtf8("日 Tokyo meetup")));
    }
}

void TestCliReport::fontsAreEmbedded()
{
    QProcess process;
    process.start(QStringLiteral("pdffonts"), {m_report});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    const QStringList lines = QString::fromUtf8(process.readAllStandardOutput())
                                  .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(lines.size() > 2); // header, rule, at least one font
    const int emb = lines.at(0).indexOf(QStringLiteral("emb"));
    QVERIFY(emb > 0);
    for (qsizetype i = 2; i < lines.size(); ++i)
        QVERIFY2(lines.at(i).mid(emb, 3) == QStringLiteral("yes"), qPrintable(lines.at(i)));
}

void TestCliReport::reportIsOnTheAuditTrailWithItsManifest()
{
    const QString sha = QString::fromLatin1(fileHash(m_report));
    QVERIFY(m_run.out.contains(QStringLiteral("sha256 ") + sha));
    const QJsonObject audit = auditJson(m_case);
    const QJsonArray entries = audit["entries"].toArray();
    const QJsonObject last = entries.last().toObject();
    QCOMPARE(last["action"].toString(), QStringLiteral("report"));
    QCOMPARE(last["previous_hash"].toString(), m_headBefore);
    const QJsonObject details = last["details"].toObject();
    QCOMPARE(details["sha256"].toString(), sha);
    QVERIFY(details["file"].toString().endsWith(QStringLiteral("report.pdf")));
    QCOMPARE(details["options"].toObject()["clusters"].toInt(), 3);
    QCOMPARE(runCli({"audit", m_case, "--verify"}).exitCode, 0);

    QFile manifest(m_report + QStringLiteral(".SHA256SUMS"));
    QVERIFY(manifest.open(QIODevice::ReadOnly));
    const QStringList lines =
        QString::fromUtf8(manifest.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    auto store = CaseStore::open(m_case.toStdString());
    QVERIFY(store);
    const auto sources = store.value()->sources();
    QVERIFY(sources);
    QStringList expected{sha + QStringLiteral("  report.pdf")};
    for (const SourceInfo &source : sources.value())
        expected << QString::fromStdString(source.sha256 + "  " + source.fileName);
    QCOMPARE(lines, expected);
}

void TestCliReport::sameCaseGivesTheSameText()
{
    // Two copies of one case: each report is made from the same case state.
    const QString a = m_dir.filePath("a.chorus"), b = m_dir.filePath("b.chorus");
    QVERIFY(QFile::copy(m_case, a));
    QVERIFY(QFile::copy(m_case, b));
    QCOMPARE(runCli({"report", a, "-o", m_dir.filePath("a.pdf")}).exitCode, 0);
    QTest::qWait(1100); // a later second: only the date line may differ
    QCOMPARE(runCli({"report", b, "-o", m_dir.filePath("b.pdf")}).exitCode, 0);
    const QStringList linesA = pdfText(m_dir.filePath("a.pdf"), true).split(QLatin1Char('\n'));
    const QStringList linesB = pdfText(m_dir.filePath("b.pdf"), true).split(QLatin1Char('\n'));
    QCOMPARE(linesA.size(), linesB.size());
    const QRegularExpression timestamp(
        QStringLiteral("^\\s*Generated\\s+\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\s*$"));
    int differing = 0;
    for (qsizetype i = 0; i < linesA.size(); ++i) {
        if (linesA.at(i) == linesB.at(i))
            continue;
        ++differing;
        QVERIFY2(timestamp.match(linesA.at(i)).hasMatch() &&
                     timestamp.match(linesB.at(i)).hasMatch(),
                 qPrintable(linesA.at(i) + QStringLiteral(" / ") + linesB.at(i)));
    }
    QVERIFY(differing <= 1);
}

void TestCliReport::frenchReport()
{
    const QString pdf = m_dir.filePath("rapport.pdf");
    const CliResult run = runCli({"report", m_case, "-o", pdf, "--lang", "fr"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QString text = pdfText(pdf);
    for (const char *words : {"Résumé des constats", "Méthode", "Provenance des données",
                              "Annexe B. Piste d'audit", "Page 1 sur"})
        QVERIFY2(text.contains(QString::fromUtf8(words)), words);
    QVERIFY(text.contains(QString::fromUtf8(NoteText)));
    QCOMPARE(runCli({"report", m_case, "-o", pdf, "--lang", "de"}).exitCode, 2);
}

void TestCliReport::unwritablePathFailsAndLeavesNothing()
{
    const int entries = auditJson(m_case)["entries"].toArray().size();
    const QString pdf = m_dir.filePath("missing-folder/report.pdf");
    const CliResult run = runCli({"report", m_case, "-o", pdf, "--manifest"});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.err.contains(QStringLiteral("cannot write")));
    QVERIFY(!QFile::exists(pdf));
    QVERIFY(!QFile::exists(pdf + QStringLiteral(".SHA256SUMS")));
    QCOMPARE(auditJson(m_case)["entries"].toArray().size(), entries);
    QCOMPARE(runCli({"report", m_case, "-o", m_dir.filePath("report.txt")}).exitCode, 2);
}

// A disk that fills while the report is written (here a file size limit of half the report,
// which cuts a write short as a full disk does): the command fails, no file, nothing recorded.
// The PDF writer does not look at what its writes return: the report was left cut off, with
// its hash printed and recorded.
void TestCliReport::reportCutShortFailsAndLeavesNothing()
{
    const qint64 size = QFileInfo(m_report).size();
    QVERIFY(size > 256 * 1024);
    const int entries = auditJson(m_case)["entries"].toArray().size();
    const QString pdf = m_dir.filePath("cut-short.pdf");
    QProcess shell;
    // ulimit counts KiB; SIGXFSZ ignored so that the write fails instead of ending the process.
    shell.start(QStringLiteral("bash"),
                {QStringLiteral("-c"),
                 QStringLiteral("ulimit -f \"$1\" && trap '' XFSZ && exec \"$2\" report \"$3\" "
                                "-o \"$4\" --manifest --clusters 3"),
                 QStringLiteral("bash"), QString::number(size / 2048),
                 QStringLiteral(CHORUS_CLI_PATH), m_case, pdf});
    QVERIFY(shell.waitForFinished(120000));
    const QString err = QString::fromUtf8(shell.readAllStandardError());
    QCOMPARE(shell.exitCode(), 1);
    QVERIFY2(err.contains(QStringLiteral("cannot write")), qPrintable(err));
    QVERIFY(!QFile::exists(pdf));
    QCOMPARE(auditJson(m_case)["entries"].toArray().size(), entries);
}

void TestCliReport::outputCutShortFails()
{
    // JSON sent where it cannot all go (a full disk: /dev/full refuses every write): the command
    // fails and says so, where it exited 0 with the JSON lost.
    // Every Linux system has /dev/full (CI's Debian 12 too): its absence is a failure here.
    QVERIFY(QFileInfo::exists(QStringLiteral("/dev/full")));
    QProcess shell;
    shell.start(QStringLiteral("bash"),
                {QStringLiteral("-c"),
                 QStringLiteral("LC_ALL=C exec \"$1\" audit \"$2\" --json > /dev/full"),
                 QStringLiteral("bash"), QStringLiteral(CHORUS_CLI_PATH), m_case});
    QVERIFY(shell.waitForFinished(60000));
    const QString err = QString::fromUtf8(shell.readAllStandardError());
    QCOMPARE(shell.exitStatus(), QProcess::NormalExit);
    QCOMPARE(shell.exitCode(), 1);
    QVERIFY2(err.contains(QStringLiteral("cannot write the output (No space left on device)")),
             qPrintable(err));
}

QTEST_GUILESS_MAIN(TestCliReport)
#include "tst_cli_report.moc"
