#include "import/ImportRunner.h"

#include "store/CaseStore.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>

namespace chorus {

namespace {

constexpr qint64 HeadSize = 64 * 1024;

std::string quoted(const std::string &path)
{
    return QFileInfo(QString::fromStdString(path)).fileName().toStdString();
}

Result<std::string> sha256Of(QFile &file, ProgressSink &progress)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    while (!file.atEnd()) {
        const QByteArray chunk = file.read(4 << 20);
        if (chunk.isEmpty() && file.error() != QFileDevice::NoError)
            return Error{file.errorString().toStdString()};
        hash.addData(chunk);
        if (progress.isCancelled())
            return Error::cancel();
    }
    return hash.result().toHex().toStdString();
}

// Rejects what is plainly not a text export before any importer sees it.
Status checkLooksLikeText(const QByteArray &head, const std::string &name)
{
    if (head.isEmpty())
        return Error{name + ": the file is empty"};
    if (head.startsWith("\xFF\xFE") || head.startsWith("\xFE\xFF"))
        return Error{name + ": the file is UTF-16 encoded; save it as UTF-8 and import again"};
    if (head.startsWith("\x28\xB5\x2F\xFD"))
        return Error{name + ": the file is zstd-compressed; decompress it first (zstd -d)"};
    if (head.startsWith("\x1F\x8B"))
        return Error{name + ": the file is gzip-compressed; decompress it first (gunzip)"};
    if (head.startsWith("PK\x03\x04"))
        return Error{name + ": the file is a ZIP archive; extract it first"};
    if (head.startsWith("SQLite format 3"))
        return Error{name + ": the file is an SQLite database (a case file?), not an export"};
    if (head.contains('\0'))
        return Error{name + ": the file is binary, not a CSV or JSON export"};
    return {};
}

std::string formatList()
{
    std::string list;
    for (const std::string &name : importerNames())
        list += (list.empty() ? "" : ", ") + name;
    return list;
}

Result<std::unique_ptr<Importer>> chooseImporter(const QByteArray &head, const std::string &name,
                                                 const std::string &requested)
{
    if (!requested.empty()) {
        auto importer = importerByName(requested);
        if (!importer)
            return Error{"unknown format '" + requested + "' (known: " + formatList() + ")"};
        return importer;
    }
    const std::string_view view(head.constData(), size_t(head.size()));
    std::unique_ptr<Importer> best;
    int bestScore = 0;
    for (auto &importer : allImporters()) {
        const int score = importer->detect(view);
        if (score > bestScore) {
            bestScore = score;
            best = std::move(importer);
        }
    }
    if (!best)
        return Error{name + ": unknown format; name it with --format (" + formatList() + ")"};
    return best;
}

} // namespace

Result<std::string> detectFormat(const std::string &path)
{
    QFile file(QString::fromStdString(path));
    const std::string name = quoted(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{name + ": " + file.errorString().toStdString()};
    const QByteArray head = file.read(HeadSize);
    if (Status text = checkLooksLikeText(head, name); !text)
        return text.error();
    auto importer = chooseImporter(head, name, {});
    if (!importer)
        return importer.error();
    return importer.value()->name();
}

Result<ImportReport> importFile(const CaseStore &store, const std::string &path,
                                const ImportOptions &options, ProgressSink &progress)
{
    const std::string name = quoted(path);
    QFile file(QString::fromStdString(path));
    if (QFileInfo(file).isDir())
        return Error{name + ": is a folder, not a file"};
    if (!file.open(QIODevice::ReadOnly))
        return Error{name + ": " + file.errorString().toStdString()};

    const QByteArray head = file.peek(HeadSize);
    if (Status text = checkLooksLikeText(head, name); !text)
        return text.error();
    auto chosen = chooseImporter(head, name, options.format);
    if (!chosen)
        return chosen.error();
    std::unique_ptr<Importer> importer = std::move(chosen.value());

    ImportReport report;
    report.file = name;
    report.format = importer->name();
    progress.stage("Checksumming " + name);
    auto hash = sha256Of(file, progress);
    if (!hash)
        return hash.error().cancelled ? hash.error() : Error{name + ": " + hash.error().message};
    report.sha256 = hash.value();
    file.seek(0);

    const Database &db = store.db();
    try {
        Transaction transaction(db);
        const bool seenBefore = [&] {
            Statement q = db.prepare("SELECT 1 FROM sources WHERE sha256 = ?");
            q.bind(1, report.sha256);
            return q.step();
        }();
        const std::int64_t firstNewPost = db.queryInt64("SELECT coalesce(max(id), 0) FROM posts");

        Statement insertSource = db.prepare(
            "INSERT INTO sources (file_name, file_path, file_size, sha256, format, imported_at) "
            "VALUES (?,?,?,?,?,?)");
        insertSource.bind(1, name)
            .bind(2, QFileInfo(file).absoluteFilePath())
            .bind(3, std::int64_t(file.size()))
            .bind(4, report.sha256)
            .bind(5, report.format)
            .bind(6, std::int64_t(QDateTime::currentSecsSinceEpoch()))
            .exec();
        report.sourceId = db.lastInsertRowId();

        PostWriter writer(db, report.sourceId);
        progress.stage("Reading " + name + " as " + report.format);
        const Status read = importer->read(file, name, options, writer, progress);
        report.counts = writer.counts();
        report.firstIssues = writer.firstIssues();
        for (ImportIssue &issue : report.firstIssues)
            issue.file = name;
        if (!read)
            return read.error().cancelled ? read.error() : Error{name + ": " + read.error().message};
        if (options.strict && report.counts.rejected > 0) {
            const ImportIssue &first = report.firstIssues.front();
            return Error{name + ":" + std::to_string(first.line) + ": " + first.field + ": " +
                         first.reason + " (strict import: nothing was imported, " +
                         std::to_string(report.counts.rejected) + " rows rejected)"};
        }
        if (report.counts.read == 0 && report.counts.accountRecords == 0 && report.counts.rejected == 0)
            return Error{name + ": no records found in the file (read as " + report.format + ")"};

        if (seenBefore && report.counts.imported == 0 && report.counts.newAccounts == 0) {
            // Same bytes as an earlier source and nothing new: record nothing at all.
            report.alreadyImported = true;
            report.sourceId = 0;
            return report; // the transaction rolls back
        }

        Statement updateSource = db.prepare(
            "UPDATE sources SET rows_read = ?, rows_imported = ?, rows_duplicate = ?, "
            "rows_rejected = ? WHERE id = ?");
        updateSource.bind(1, report.counts.read)
            .bind(2, report.counts.imported)
            .bind(3, report.counts.duplicates)
            .bind(4, report.counts.rejected)
            .bind(5, report.sourceId)
            .exec();
        progress.stage("Indexing text of " + name);
        Statement index = db.prepare(
            "INSERT INTO posts_fts (rowid, text) SELECT id, text FROM posts WHERE id > ?");
        index.bind(1, firstNewPost).exec();
        if (progress.isCancelled())
            return Error::cancel();
        transaction.commit();
    } catch (const SqlError &e) {
        return Error{name + ": could not write to the case (" + std::string(e.what()) +
                     "); nothing was imported"};
    }
    return report;
}

} // namespace chorus
