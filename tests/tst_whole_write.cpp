// A disk that fills while a file is written (here: a file size limit, RLIMIT_FSIZE, which cuts
// a write short the same way and then fails the next) must leave the file as it was before,
// with an error, never a cut-off file reported as written. QFile counts a write cut short as
// written without an error, and QSaveFile then committed it (common/WholeWrite).
#include "TestSupport.h"
#include "common/WholeWrite.h"
#include "report/EvidenceExport.h"
#include "store/AuditTrail.h"

#include <QFile>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using namespace chorus;
using namespace chorus::test;

namespace {

// While it lives, files this process writes may not grow past `bytes`; a write across the limit
// is cut short, the next fails (EFBIG, with SIGXFSZ ignored instead of ending the process).
class FileSizeLimit
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        getrlimit(RLIMIT_FSIZE, &m_before);
        m_signal = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit = m_before;
        limit.rlim_cur = bytes;
        m_set = setrlimit(RLIMIT_FSIZE, &limit) == 0;
    }
    ~FileSizeLimit()
    {
        setrlimit(RLIMIT_FSIZE, &m_before);
        std::signal(SIGXFSZ, m_signal);
    }
    bool set() const { return m_set; }

private:
    rlimit m_before{};
    void (*m_signal)(int) = nullptr;
    bool m_set = false;
};

QByteArray contentsOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(missing)");
}

} // namespace

class TestWholeWrite : public QObject
{
    Q_OBJECT
private slots:
    // Under a limit of `limit` bytes, `bytes` written whole and committed must leave the file
    // before as it was, with a reason; without it, the file holds them.
    static void checkCutShort(const QByteArray &bytes, rlim_t limit)
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("out.bin");
        const QByteArray before("the file as it was");
        {
            QSaveFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QVERIFY(writeWhole(file, before));
            QCOMPARE(commitWhole(file), QString());
        }
        {
            const FileSizeLimit limited(limit);
            QVERIFY(limited.set());
            QSaveFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            writeWhole(file, bytes);
            QVERIFY(!commitWhole(file).isEmpty());
        }
        QCOMPARE(contentsOf(path), before);
        QSaveFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(writeWhole(file, bytes));
        QCOMPARE(commitWhole(file), QString());
        QCOMPARE(contentsOf(path), bytes);
    }

    // A large write cut short: QFile counts the bytes that fit as written, without an error.
    void aWriteCutShortIsNotCommitted() { checkCutShort(QByteArray(300 * 1024, 'x'), 100 * 1024); }

    // The last bytes cut short: QSaveFile holds back up to 16 KB, and commit() ignored a failed
    // flush of them.
    void theLastBytesCutShortAreNotCommitted()
    {
        checkCutShort(QByteArray(108 * 1024, 'x'), 100 * 1024);
    }

    // A small file with no room at all (all of it held back until the commit).
    void aSmallFileWithNoRoomIsNotCommitted() { checkCutShort(QByteArray(300, 'x'), 0); }

    void anExportCutShortFailsAndRecordsNothing()
    {
        QTemporaryDir dir;
        auto store = makeCase(dir);
        // Enough posts for an export of some 300 KB: the limit then falls on the export's
        // file, with room below it for what SQLite itself writes while it reads.
        QByteArray csv = "post,user,screen_name,when,message,retweet_of,in_reply_to,quoting,"
                         "links,tags,mentions,place,language,joined\n";
        for (int i = 0; i < 3000; ++i)
            csv += QStringLiteral("p%1,u%2,@user%2,2021-03-01 10:%3:00,Post number %1 of a "
                                  "collection big enough to cut short,NA,NA,NA,,,,,en,2015-03-02\n")
                       .arg(i)
                       .arg(i % 97)
                       .arg(i % 60, 2, 10, QLatin1Char('0'))
                       .toUtf8();
        QVERIFY(
            importPath(*store, writeFile(dir, "posts-in.csv", csv), genericPostsMapping()).ok());
        const QString path = dir.filePath("posts.csv");
        const auto whole = exportEvidence(*store, path.toStdString(), {});
        QVERIFY(whole.ok());
        const QByteArray written = contentsOf(path);
        QVERIFY(written.size() > 200 * 1024);
        const std::int64_t entries = AuditTrail(store->db()).size();
        Result<EvidenceExportResult> cut = Error{"not run"};
        {
            const FileSizeLimit limit(rlim_t(written.size() / 2));
            QVERIFY(limit.set());
            cut = exportEvidence(*store, path.toStdString(), {});
        }
        QVERIFY(!cut.ok());
        QVERIFY2(cut.error().message.find("posts.csv: cannot write (") != std::string::npos,
                 cut.error().message.c_str());
        QCOMPARE(contentsOf(path), written); // the first export, as it was
        QCOMPARE(AuditTrail(store->db()).size(), entries);
    }
};

QTEST_GUILESS_MAIN(TestWholeWrite)
#include "tst_whole_write.moc"
