#include "TestSupport.h"

#include "import/input/ImportInput.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace chorus;
using namespace chorus::test;

// Compressed and bundled input (import/input): gzip, bzip2, xz and zstd files are read as
// streams, each member of a ZIP archive is a source of its own, a cut-off stream keeps what
// came before the cut, damaged data fails the import whole.
class TestImportCompressed : public QObject
{
    Q_OBJECT
private slots:
    void compressedFilesImportLikeThePlainFile_data();
    void compressedFilesImportLikeThePlainFile();
    void zstdWithTheRedditDumpWindow();
    void zipMembersAreSourcesOfTheirOwn();
    void cliImportsZipAndInfoShowsBothHashes();
    void cutOffStreamKeepsWholeRecords();
    void damagedStreamFailsWholeAndChangesNothing_data();
    void damagedStreamFailsWholeAndChangesNothing();
    void gzipPaddingAfterTheDataIsIgnoredWithAWarning();
    void archiveMembersThatAreNotExportsArePassedOver();
    void archiveWithoutExportsIsAnError();
    void reportManifestListsTheArchiveAsGiven();
    void packedTwiceOrTarIsNamed();
    void progressCountsTheFileAsGiven();
};

namespace {

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture");
    return file.readAll();
}

std::string sha256Of(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().toStdString();
}

QString compressed(const char *name)
{
    return dataPath(QStringLiteral("compressed/") + QLatin1String(name));
}

// What a case holds, as one comparable line: posts, accounts, links, hashtags and text sum.
std::string caseContents(const CaseStore &store)
{
    return std::to_string(count(store, "SELECT count(*) FROM posts")) + " posts, " +
           std::to_string(count(store, "SELECT count(*) FROM accounts")) + " accounts, " +
           std::to_string(count(store, "SELECT count(*) FROM post_hashtags")) + " hashtags, " +
           std::to_string(count(store, "SELECT count(*) FROM post_urls")) + " urls, " +
           std::to_string(count(store, "SELECT sum(length(text)) FROM posts")) + " text bytes";
}

// Imports every unit as the command line does; the first error's message, or empty.
std::string importAll(const CaseStore &store, const std::vector<ImportUnit> &units)
{
    for (const ImportUnit &unit : units) {
        NullProgress progress;
        if (auto report = importUnit(store, unit, {}, progress); !report)
            return report.error().message;
    }
    return {};
}

} // namespace

void TestImportCompressed::compressedFilesImportLikeThePlainFile_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("plain");
    QTest::addColumn<QString>("compression");
    QTest::newRow("gzip") << compressed("twarc2_pages.jsonl.gz") << dataPath("twarc2_pages.jsonl")
                          << "gzip";
    QTest::newRow("bzip2") << compressed("twarc2_pages.jsonl.bz2") << dataPath("twarc2_pages.jsonl")
                           << "bzip2";
    QTest::newRow("xz") << compressed("twarc2_pages.jsonl.xz") << dataPath("twarc2_pages.jsonl")
                        << "xz";
    QTest::newRow("zstd") << compressed("reddit_comments.ndjson.zst")
                          << dataPath("reddit_comments.ndjson") << "zstd";
    QTest::newRow("zstd, skippable frame first")
        << compressed("reddit_comments_skippable.ndjson.zst") << dataPath("reddit_comments.ndjson")
        << "zstd";
}

void TestImportCompressed::compressedFilesImportLikeThePlainFile()
{
    QFETCH(QString, file);
    QFETCH(QString, plain);
    QFETCH(QString, compression);
    QTemporaryDir dir;
    auto packedCase = makeCase(dir, QStringLiteral("packed.chorus"));
    auto plainCase = makeCase(dir, QStringLiteral("plain.chorus"));

    auto packed = importPath(*packedCase, file);
    QVERIFY2(packed, packed ? "" : packed.error().message.c_str());
    auto reference = importPath(*plainCase, plain);
    QVERIFY(reference);

    QCOMPARE(packed->format, reference->format);
    QCOMPARE(packed->counts.read, reference->counts.read);
    QCOMPARE(packed->counts.imported, reference->counts.imported);
    QCOMPARE(packed->counts.rejected, reference->counts.rejected);
    QVERIFY(packed->counts.imported > 0);
    QCOMPARE(caseContents(*packedCase), caseContents(*plainCase));
    // The source's SHA-256 is that of the file as given, not of what it unpacks to.
    QCOMPARE(packed->sha256, sha256Of(fileBytes(file)));
    QCOMPARE(text(*packedCase, "SELECT sha256 FROM sources"), sha256Of(fileBytes(file)));
    QCOMPARE(text(*packedCase, "SELECT compression FROM sources"), compression.toStdString());
    QCOMPARE(text(*packedCase, "SELECT file_name FROM sources"),
             QFileInfo(file).fileName().toStdString());
    QCOMPARE(count(*packedCase, "SELECT file_size FROM sources"), QFileInfo(file).size());
    QCOMPARE(text(*plainCase, "SELECT compression FROM sources"), std::string("none"));
}

void TestImportCompressed::zstdWithTheRedditDumpWindow()
{
    // The fixture's frame header asks for a 2 GiB window (zstd --long=31 from a pipe), which
    // a decoder with default limits refuses ("Frame requires too much memory").
    const QByteArray bytes = fileBytes(compressed("reddit_comments.ndjson.zst"));
    QVERIFY(bytes.startsWith("\x28\xB5\x2F\xFD"));
    QTemporaryDir dir;
    auto store = makeCase(dir);
    auto report = importPath(*store, compressed("reddit_comments.ndjson.zst"));
    QVERIFY2(report, report ? "" : report.error().message.c_str());
    QCOMPARE(report->format, std::string("reddit"));
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE platform = 'reddit'"),
             report->counts.imported);
    QVERIFY(report->counts.imported >= 20);
}

void TestImportCompressed::zipMembersAreSourcesOfTheirOwn()
{
    const QString zip = compressed("export.zip");
    auto units = listImportUnits(zip.toStdString());
    QVERIFY(units);
    QCOMPARE(units->units.size(), size_t(2));
    QCOMPARE(units->units[0].member, std::string("data/twarc2_pages.jsonl"));
    QCOMPARE(units->units[0].name(), std::string("export.zip:data/twarc2_pages.jsonl"));
    QCOMPARE(units->units[1].member, std::string("reddit_comments.ndjson"));
    // The photo and the macOS resource fork are passed over; the folder entry is not a file.
    QCOMPARE(units->skipped.size(), size_t(2));

    QTemporaryDir dir;
    auto store = makeCase(dir);
    QCOMPARE(importAll(*store, units->units), std::string());
    QCOMPARE(count(*store, "SELECT count(*) FROM sources WHERE compression = 'zip'"),
             std::int64_t(2));
    QCOMPARE(count(*store, "SELECT count(*) FROM sources"), std::int64_t(2));
    const std::string zipHash = sha256Of(fileBytes(zip));
    // Each member is hashed as a member (its bytes) and as an archive (the file as given).
    QCOMPARE(text(*store, "SELECT sha256 FROM sources WHERE member = 'data/twarc2_pages.jsonl'"),
             sha256Of(fileBytes(dataPath("twarc2_pages.jsonl"))));
    QCOMPARE(text(*store, "SELECT sha256 FROM sources WHERE member = 'reddit_comments.ndjson'"),
             sha256Of(fileBytes(dataPath("reddit_comments.ndjson"))));
    QCOMPARE(count(*store, "SELECT count(DISTINCT archive_sha256) FROM sources"), std::int64_t(1));
    QCOMPARE(text(*store, "SELECT archive_sha256 FROM sources LIMIT 1"), zipHash);
    QCOMPARE(text(*store, "SELECT group_concat(format, ',') FROM sources ORDER BY id"),
             std::string("twarc2,reddit"));

    // The same posts as the two plain files imported one after the other.
    auto plain = makeCase(dir, QStringLiteral("plain.chorus"));
    QVERIFY(importPath(*plain, dataPath("twarc2_pages.jsonl")));
    QVERIFY(importPath(*plain, dataPath("reddit_comments.ndjson")));
    QCOMPARE(caseContents(*store), caseContents(*plain));

    // Importing the archive again brings nothing new and records no new source.
    for (const ImportUnit &unit : units->units) {
        NullProgress progress;
        auto again = importUnit(*store, unit, {}, progress);
        QVERIFY(again);
        QVERIFY(again->alreadyImported);
    }
    QCOMPARE(count(*store, "SELECT count(*) FROM sources"), std::int64_t(2));

    // importFile() is for one file: an archive is named as such, not misread.
    NullProgress progress;
    auto whole = importFile(*store, zip.toStdString(), {}, progress);
    QVERIFY(!whole);
    QVERIFY(QString::fromStdString(whole.error().message).contains("ZIP archive"));
}

void TestImportCompressed::cliImportsZipAndInfoShowsBothHashes()
{
    QTemporaryDir dir;
    const QString casePath = dir.filePath(QStringLiteral("zip.chorus"));
    const CliResult imported = runCli({QStringLiteral("import"), casePath, compressed("export.zip"),
                                       compressed("twarc2_pages.jsonl.xz")});
    QCOMPARE(imported.exitCode, 0);
    QVERIFY2(imported.out.contains("export.zip:data/twarc2_pages.jsonl: twarc2: read"),
             qPrintable(imported.out));
    QVERIFY(imported.out.contains("export.zip:reddit_comments.ndjson: reddit: read"));
    QVERIFY(imported.out.contains("passed over 2 archive members that are not exports"));
    // The .xz holds the same pages as the zip's member: all duplicates, a source of its own.
    QVERIFY(imported.out.contains("twarc2_pages.jsonl.xz: twarc2: read"));

    const CliResult info = runCli({QStringLiteral("info"), casePath, QStringLiteral("--json")});
    QCOMPARE(info.exitCode, 0);
    const QJsonArray sources =
        QJsonDocument::fromJson(info.out.toUtf8()).object().value("sources").toArray();
    QCOMPARE(sources.size(), 3);
    const QJsonObject member = sources.at(0).toObject();
    QCOMPARE(member.value("file").toString(), QString("export.zip:data/twarc2_pages.jsonl"));
    QCOMPARE(member.value("compression").toString(), QString("zip"));
    QCOMPARE(member.value("member").toString(), QString("data/twarc2_pages.jsonl"));
    QCOMPARE(member.value("sha256").toString().toStdString(),
             sha256Of(fileBytes(dataPath("twarc2_pages.jsonl"))));
    QCOMPARE(member.value("archive_sha256").toString().toStdString(),
             sha256Of(fileBytes(compressed("export.zip"))));
    const QJsonObject xz = sources.at(2).toObject();
    QCOMPARE(xz.value("compression").toString(), QString("xz"));
    QVERIFY(!xz.contains("archive_sha256"));
    QCOMPARE(xz.value("sha256").toString().toStdString(),
             sha256Of(fileBytes(compressed("twarc2_pages.jsonl.xz"))));
}

void TestImportCompressed::cutOffStreamKeepsWholeRecords()
{
    // The gzip stream stops inside the 14th line: the 13 whole lines are kept, the cut one is
    // rejected and the early end is on record, as for a plain file cut inside a record.
    QTemporaryDir dir;
    const QList<QByteArray> lines = fileBytes(dataPath("reddit_comments.ndjson")).split('\n');
    QByteArray firstLines;
    for (int i = 0; i < 13; ++i)
        firstLines += lines.at(i) + '\n';
    const QString wholeLines = writeFile(dir, QStringLiteral("first13.ndjson"), firstLines);
    auto reference = makeCase(dir, QStringLiteral("reference.chorus"));
    auto expected = importPath(*reference, wholeLines);
    QVERIFY(expected);

    auto store = makeCase(dir);
    auto report = importPath(*store, compressed("reddit_comments_cut.ndjson.gz"));
    QVERIFY2(report, report ? "" : report.error().message.c_str());
    QCOMPARE(report->counts.imported, expected->counts.imported);
    QCOMPARE(report->counts.rejected, expected->counts.rejected + 1);
    QCOMPARE(caseContents(*store), caseContents(*reference));
    QCOMPARE(count(*store, "SELECT count(*) FROM import_issues WHERE field = '(file)' AND "
                           "reason LIKE 'the compressed data ends early%'"),
             std::int64_t(1));
    QCOMPARE(count(*store, "SELECT count(*) FROM import_issues WHERE reason LIKE '%cut off%' "
                           "AND field = '(record)'"),
             std::int64_t(1));

    // --strict fails it whole.
    auto strictCase = makeCase(dir, QStringLiteral("strict.chorus"));
    ImportOptions strict;
    strict.strict = true;
    QVERIFY(!importPath(*strictCase, compressed("reddit_comments_cut.ndjson.gz"), strict));
    QCOMPARE(count(*strictCase, "SELECT count(*) FROM posts"), std::int64_t(0));
}

void TestImportCompressed::damagedStreamFailsWholeAndChangesNothing_data()
{
    QTest::addColumn<QString>("file");
    // One byte flipped in the middle: libarchive fails on the first block, nothing decoded.
    QTest::newRow("xz, damage at once") << "twarc2_pages_damaged.jsonl.xz";
    // The CRC-32 at the end of the gzip member is wrong: every record is decoded and written
    // before the damage shows, and the import is rolled back whole.
    QTest::newRow("gzip, damage after the records") << "reddit_comments_badcrc.ndjson.gz";
}

void TestImportCompressed::damagedStreamFailsWholeAndChangesNothing()
{
    QFETCH(QString, file);
    QTemporaryDir dir;
    auto store = makeCase(dir);
    QVERIFY(importPath(*store, dataPath("x_io_tweets.csv")));
    const std::string before = caseContents(*store);

    auto report = importPath(*store, compressed(qPrintable(file)));
    QVERIFY(!report);
    const QString message = QString::fromStdString(report.error().message);
    QVERIFY2(message.startsWith(file + ": the compressed data is damaged"), qPrintable(message));
    QVERIFY(message.contains("nothing was imported"));
    QCOMPARE(caseContents(*store), before);
    QCOMPARE(count(*store, "SELECT count(*) FROM posts WHERE platform <> 'x'"), std::int64_t(0));
    QCOMPARE(count(*store, "SELECT count(*) FROM sources"), std::int64_t(1));
    QCOMPARE(count(*store, "SELECT count(*) FROM audit_log WHERE action = 'import-failed'"),
             std::int64_t(1));
}

void TestImportCompressed::gzipPaddingAfterTheDataIsIgnoredWithAWarning()
{
    // 512 zero bytes after the gzip member (a file preallocated by the capture): gunzip
    // ignores them, and so does the import, saying so.
    QTemporaryDir dir;
    auto store = makeCase(dir);
    auto report = importPath(*store, compressed("reddit_comments_padded.ndjson.gz"));
    QVERIFY2(report, report ? "" : report.error().message.c_str());
    auto plain = makeCase(dir, QStringLiteral("plain.chorus"));
    auto expected = importPath(*plain, dataPath("reddit_comments.ndjson"));
    QVERIFY(expected);
    QCOMPARE(report->counts.imported, expected->counts.imported);
    QCOMPARE(report->counts.rejected, std::int64_t(0));
    QCOMPARE(count(*store, "SELECT count(*) FROM import_issues WHERE field = '(file)' AND "
                           "severity = 'warning' AND reason LIKE 'data after the end%'"),
             std::int64_t(1));
}

void TestImportCompressed::archiveMembersThatAreNotExportsArePassedOver()
{
    // A Telegram export zipped with its script and a readme, and a member whose name holds a
    // terminal escape sequence.
    auto units = unitsToImport(compressed("mixed_export.zip").toStdString(), {});
    QVERIFY2(units, units ? "" : units.error().message.c_str());
    QCOMPARE(units->units.size(), size_t(2));
    QCOMPARE(units->units[0].member, std::string("result.json"));
    // The escape byte is shown as '?': names in an archive are untrusted.
    QCOMPARE(units->units[1].member, std::string("tweets?[31m.jsonl"));
    QCOMPARE(units->skipped.size(), size_t(2));
    QVERIFY(units->skipped[0].starts_with("js/script.js (not an export"));
    QVERIFY(units->skipped[1].starts_with("README.txt (not an export"));

    QTemporaryDir dir;
    auto store = makeCase(dir);
    QCOMPARE(importAll(*store, units->units), std::string());
    QCOMPARE(text(*store, "SELECT group_concat(format, ',') FROM sources ORDER BY id"),
             std::string("telegram,twarc2"));
    QCOMPARE(count(*store, "SELECT count(*) FROM sources WHERE instr(file_name, char(27))"),
             std::int64_t(0));

    // Through the command line: the script and the readme are named as passed over.
    const CliResult cli = runCli(
        {QStringLiteral("import"), dir.filePath("cli.chorus"), compressed("mixed_export.zip")});
    QCOMPARE(cli.exitCode, 0);
    QVERIFY2(cli.out.contains("passed over 2 archive members that are not exports (first: "
                              "js/script.js"),
             qPrintable(cli.out));
    QVERIFY(cli.out.contains("mixed_export.zip:result.json: telegram: read"));
}

void TestImportCompressed::archiveWithoutExportsIsAnError()
{
    auto units = unitsToImport(compressed("no_exports.zip").toStdString(), {});
    QVERIFY(!units);
    const QString message = QString::fromStdString(units.error().message);
    QVERIFY2(message.startsWith("no_exports.zip: the archive holds no export to import (") &&
                 message.contains("photos/a.jpg") &&
                 message.contains("README.txt (not an export Chorus knows)"),
             qPrintable(message));
    QTemporaryDir dir;
    const QString casePath = dir.filePath(QStringLiteral("none.chorus"));
    const CliResult cli =
        runCli({QStringLiteral("import"), casePath, compressed("no_exports.zip")});
    QCOMPARE(cli.exitCode, 1);
    QVERIFY(cli.err.contains("holds no export to import"));
    QVERIFY(!QFileInfo::exists(casePath)); // a failed first import leaves no case behind
}

void TestImportCompressed::reportManifestListsTheArchiveAsGiven()
{
    // The evidence report's SHA256SUMS is for sha256sum -c: it names files that exist, so a
    // ZIP member's line is its archive's, once.
    QTemporaryDir dir;
    const QString casePath = dir.filePath(QStringLiteral("r.chorus"));
    QCOMPARE(runCli({QStringLiteral("import"), casePath, compressed("export.zip"),
                     compressed("twarc2_pages.jsonl.xz")})
                 .exitCode,
             0);
    const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
    const CliResult report = runCli({QStringLiteral("report"), casePath, QStringLiteral("-o"), pdf,
                                     QStringLiteral("--manifest")});
    QVERIFY2(report.exitCode == 0, qPrintable(report.err));
    QFile manifest(pdf + QStringLiteral(".SHA256SUMS"));
    QVERIFY(manifest.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(manifest.readAll()).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3); // the report, the archive once, the .xz
    QCOMPARE(lines.at(1), QString::fromStdString(sha256Of(fileBytes(compressed("export.zip")))) +
                              "  export.zip");
    QCOMPARE(lines.at(2),
             QString::fromStdString(sha256Of(fileBytes(compressed("twarc2_pages.jsonl.xz")))) +
                 "  twarc2_pages.jsonl.xz");
}

void TestImportCompressed::packedTwiceOrTarIsNamed()
{
    QTemporaryDir dir;
    auto store = makeCase(dir);
    auto tar = importPath(*store, compressed("x_io_tweets.tar.gz"));
    QVERIFY(!tar);
    QVERIFY2(QString::fromStdString(tar.error().message)
                 .startsWith("x_io_tweets.tar.gz: is a tar archive; extract it"),
             tar.error().message.c_str());

    // A gzip of a gzip: the inner one is named, not read as binary noise.
    auto twice = importPath(*store, compressed("twarc2_pages.jsonl.gz.gz"));
    QVERIFY(!twice);
    QVERIFY2(QString::fromStdString(twice.error().message)
                 .startsWith("twarc2_pages.jsonl.gz.gz: holds gzip data inside its own "
                             "compression; unpack it first"),
             twice.error().message.c_str());
    QCOMPARE(count(*store, "SELECT count(*) FROM posts"), std::int64_t(0));
    QCOMPARE(count(*store, "SELECT count(*) FROM sources"), std::int64_t(0));
}

void TestImportCompressed::progressCountsTheFileAsGiven()
{
    // Progress of a compressed file goes through the bytes of the file as given, up to its
    // size: the size of what it unpacks to is not known before the end.
    const QString file = compressed("reddit_comments.ndjson.zst");
    auto input = ImportInput::open({file.toStdString(), {}});
    QVERIFY(input);
    QVERIFY(input.value()->decompressed());
    QCOMPARE(input.value()->total(), QFileInfo(file).size());
    QCOMPARE(input.value()->done(), std::int64_t(0));
    const QByteArray all = input.value()->device().readAll();
    QCOMPARE(all, fileBytes(dataPath("reddit_comments.ndjson")));
    QCOMPARE(input.value()->done(), QFileInfo(file).size());
    QVERIFY(!input.value()->finish(true).failed);
    QCOMPARE(input.value()->memberSha256(), std::string()); // a file, not a member
}

QTEST_GUILESS_MAIN(TestImportCompressed)
#include "tst_import_compressed.moc"
