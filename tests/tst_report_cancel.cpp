#include "PostCollection.h"
#include "TestSupport.h"

#include "render/ReportFile.h"
#include "store/AuditTrail.h"
#include "store/CaseStore.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <optional>
#include <vector>

using namespace chorus;
using namespace chorus::test;

// The report job's progress and Cancel, as the workbench's Export Report and chorus-cli report
// run it (render::makeReportFile) on a case built the way a user builds it (importer, analyze,
// network): it says each stage with its parts counted, and a Cancel in any stage leaves no file
// and nothing on the audit trail.
class TestReportCancel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void stagesAreSaidAndCounted();
    void cancelInAnyStageLeavesNothing_data();
    void cancelInAnyStageLeavesNothing();

private:
    std::int64_t auditEntries() const;

    QTemporaryDir m_dir;
    QString m_case;
};

namespace {

// Records the stages and each one's last progress; asks to cancel once `cancelIn` has begun and
// said how far it got.
class StageRecorder final : public ProgressSink
{
public:
    explicit StageRecorder(std::optional<Stage> cancelIn = std::nullopt) : m_cancelIn(cancelIn) {}

    struct Seen
    {
        Stage stage;
        std::int64_t done = -1;
        std::int64_t total = -1;
        int calls = 0;
    };
    std::vector<Seen> seen;

    void progress(std::int64_t done, std::int64_t total) override
    {
        if (seen.empty())
            return;
        seen.back().done = done;
        seen.back().total = total;
        ++seen.back().calls;
        if (m_cancelIn && seen.back().stage == *m_cancelIn)
            m_cancelled = true;
    }
    bool isCancelled() const override { return m_cancelled; }

protected:
    void onStage(const StageEvent &event) override { seen.push_back({event.stage}); }

private:
    std::optional<Stage> m_cancelIn;
    bool m_cancelled = false;
};

const Stage ReportStages[] = {Stage::AssemblingReport, Stage::PaginatingReport,
                              Stage::DrawingReport};

} // namespace

void TestReportCancel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Four clusters of copies, each by its own accounts within minutes: four cluster sections
    // with co-text networks, and a network run.
    const char *lines[] = {
        "Just got back from the rally in Kirkland Lake and I'm still buzzing from the energy!",
        "Everyone must see this video before they delete it, share it with your friends now",
        "The minister lied about the pipeline budget and the newspapers will not report it",
        "Bonjour a tous, la verite sur les elections sera publiee demain soir sur ce compte"};
    PostCollection posts;
    const std::int64_t t0 = 1727800000;
    for (int c = 0; c < 4; ++c)
        for (int i = 0; i < 12; ++i) {
            const std::string id = "a" + std::to_string(c) + "_" + std::to_string(i);
            posts.account(id, {"copier" + std::to_string(c) + "_" + std::to_string(i),
                               1727000000 + i * 3600});
            posts.post({id, t0 + c * 7200 + i * 9, {}, {}, {}, {}, lines[c], "en"});
        }
    m_case = m_dir.filePath("case.chorus");
    {
        auto store = CaseStore::open(m_case.toStdString(), CaseStore::OpenMode::OpenOrCreate);
        QVERIFY2(store, store ? "" : store.error().message.c_str());
        posts.importInto(*store.value(), m_dir);
    }
    const CliResult analyze = runCli({"analyze", m_case});
    QVERIFY2(analyze.exitCode == 0, qPrintable(analyze.err));
    const CliResult network = runCli({"network", m_case, "--type", "co-text", "--min-weight", "1"});
    QVERIFY2(network.exitCode == 0, qPrintable(network.err));
}

std::int64_t TestReportCancel::auditEntries() const
{
    auto store = CaseStore::open(m_case.toStdString());
    return store ? std::int64_t(AuditTrail(store.value()->db()).entries().size()) : -1;
}

void TestReportCancel::stagesAreSaidAndCounted()
{
    auto store = CaseStore::open(m_case.toStdString());
    QVERIFY(store);
    const QString pdf = m_dir.filePath("whole.pdf");
    StageRecorder recorder;
    const auto written =
        render::makeReportFile(*store.value(), {}, pdf.toStdString(), false, recorder);
    QVERIFY2(written, written ? "" : written.error().message.c_str());
    QVERIFY(QFile::exists(pdf));
    QCOMPARE(int(recorder.seen.size()), 3);
    for (int s = 0; s < 3; ++s) {
        const auto &seen = recorder.seen[std::size_t(s)];
        QCOMPARE(int(seen.stage), int(ReportStages[s]));
        QVERIFY(seen.calls > 0);
        QCOMPARE(seen.done, seen.total); // counted to the end
    }
    // The four clusters read; then the seven sections other than the clusters', and each cluster.
    QCOMPARE(recorder.seen[0].total, 4);
    QCOMPARE(recorder.seen[1].total, 7 + 4);
    QCOMPARE(recorder.seen[2].total, 7 + 4);
}

void TestReportCancel::cancelInAnyStageLeavesNothing_data()
{
    QTest::addColumn<int>("stage");
    QTest::newRow("assembling") << 0;
    QTest::newRow("paginating") << 1;
    QTest::newRow("drawing") << 2;
}

void TestReportCancel::cancelInAnyStageLeavesNothing()
{
    QFETCH(int, stage);
    const std::int64_t entries = auditEntries();
    QVERIFY(entries > 0);
    auto store = CaseStore::open(m_case.toStdString());
    QVERIFY(store);
    const QString pdf = m_dir.filePath(QStringLiteral("cancelled-%1.pdf").arg(stage));
    StageRecorder recorder(ReportStages[stage]);
    const auto written =
        render::makeReportFile(*store.value(), {}, pdf.toStdString(), true, recorder);
    QVERIFY(!written);
    QVERIFY2(written.error().cancelled, written.error().message.c_str());
    // It stopped in the stage it was cancelled in.
    QCOMPARE(int(recorder.seen.size()), stage + 1);
    QCOMPARE(int(recorder.seen.back().stage), int(ReportStages[stage]));
    // A layout stops at the next part (here the first: the title page), not at its end.
    if (stage > 0)
        QCOMPARE(recorder.seen.back().done, 1);
    QVERIFY(!QFile::exists(pdf));
    // Nor the save file's temporary.
    QVERIFY(QDir(m_dir.path()).entryList({QStringLiteral("cancelled-*")}).isEmpty());
    QVERIFY(!QFile::exists(pdf + QStringLiteral(".SHA256SUMS")));
    QCOMPARE(auditEntries(), entries);
}

QTEST_MAIN(TestReportCancel)
#include "tst_report_cancel.moc"
