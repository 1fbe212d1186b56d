#include "import/ImportRunner.h"

#include "common/Sha256.h"
#include "store/AuditTrail.h"
#include "store/CaseStore.h"
#include "store/SqlGuard.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace chorus {

namespace {

constexpr qint64 HeadSize = 64 * 1024;

std::string quoted(const std::string &path)
{
    return QFileInfo(QString::fromStdString(path)).fileName().toStdString();
}

// Computes a file's SHA-256 on its own thread, on its own file handle, while the importer
// reads the file: on two or more cores it then adds nothing to the wall time. The
// destructor stops and joins the thread.
class BackgroundSha256
{
public:
    explicit BackgroundSha256(const QString &path)
        : m_thread([this, path] { m_result = hash(path); })
    {}
    ~BackgroundSha256()
    {
        m_stop.store(true, std::memory_order_relaxed);
        if (m_thread.joinable())
            m_thread.join();
    }
    BackgroundSha256(const BackgroundSha256 &) = delete;
    BackgroundSha256 &operator=(const BackgroundSha256 &) = delete;

    // Waits for the hash: the hex digest, or an Error (cancel() when it was stopped).
    Result<std::string> result()
    {
        if (m_thread.joinable())
            m_thread.join();
        return m_result;
    }

private:
    Result<std::string> hash(const QString &path) const
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error{file.errorString().toStdString()};
        Sha256 hash;
        while (!file.atEnd()) {
            const QByteArray chunk = file.read(4 << 20);
            if (chunk.isEmpty() && file.error() != QFileDevice::NoError)
                return Error{file.errorString().toStdString()};
            hash.addData(chunk.constData(), size_t(chunk.size()));
            if (m_stop.load(std::memory_order_relaxed))
                return Error::cancel();
        }
        return hash.hexDigest();
    }

    std::atomic<bool> m_stop{false};
    Result<std::string> m_result = Error::cancel();
    std::thread m_thread; // last: starts after the members it uses exist
};

// Into a case without posts, the secondary indexes of `posts` are dropped for the import and
// built again at the end: CREATE INDEX sorts once, where inserting row by row updates each
// b-tree at random places (1M posts: -12% CPU, docs/performance.md). Into a case that
// already has posts they stay, since rebuilding would cost the size of the whole case. Both
// happen inside the import's transaction, so a failed import leaves the indexes as they were.
class DeferredPostIndexes
{
public:
    DeferredPostIndexes(const Database &db, bool caseIsEmpty) : m_db(db)
    {
        if (!caseIsEmpty)
            return;
        std::vector<std::string> names;
        Statement query = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' "
                                     "AND tbl_name = 'posts' AND sql IS NOT NULL");
        while (query.step()) {
            names.push_back(query.text(0));
            m_definitions.push_back(query.text(1));
        }
        for (const std::string &index : names) // names from the schema, not from the file
            db.execScript(("DROP INDEX \"" + index + "\"").c_str());
    }
    void rebuild()
    {
        for (const std::string &definition : m_definitions)
            m_db.execScript(definition.c_str());
        m_definitions.clear();
    }

private:
    const Database &m_db;
    std::vector<std::string> m_definitions;
};

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

namespace {

// What the audit trail keeps of an import: enough to tie every post to the file it came from.
std::string importDetails(const ImportReport &report, const std::string &path,
                          std::int64_t fileSize, const ImportOptions &options)
{
    QJsonObject mapping;
    for (const auto &[role, column] : options.mapping)
        mapping.insert(QString::fromStdString(role), QString::fromStdString(column));
    const QJsonObject details{
        {QStringLiteral("file"), QString::fromStdString(report.file)},
        {QStringLiteral("path"), QString::fromStdString(path)},
        {QStringLiteral("size"), qint64(fileSize)},
        {QStringLiteral("sha256"), QString::fromStdString(report.sha256)},
        {QStringLiteral("format"), QString::fromStdString(report.format)},
        {QStringLiteral("format_given"), !options.format.empty()},
        {QStringLiteral("mapping"), mapping},
        {QStringLiteral("strict"), options.strict},
        {QStringLiteral("read"), qint64(report.counts.read)},
        {QStringLiteral("context"), qint64(report.counts.context)},
        {QStringLiteral("imported"), qint64(report.counts.imported)},
        {QStringLiteral("duplicates"), qint64(report.counts.duplicates)},
        {QStringLiteral("rejected"), qint64(report.counts.rejected)},
        {QStringLiteral("new_accounts"), qint64(report.counts.newAccounts)},
    };
    return QJsonDocument(details).toJson(QJsonDocument::Compact).toStdString();
}

Result<ImportReport> importInTransaction(const CaseStore &store, const std::string &path,
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
    BackgroundSha256 sha256(QFileInfo(file).absoluteFilePath());

    const Database &db = store.db();
    return guardSqlWith(
        [&](const std::string &sqlite) {
            return name + ": could not write to the case (" + sqlite + "); nothing was imported";
        },
        [&]() -> Result<ImportReport> {
            Transaction transaction(db);
            const std::int64_t firstNewPost =
                db.queryInt64("SELECT coalesce(max(id), 0) FROM posts");

            // The checksum is filled in once the background hash is done.
            Statement insertSource = db.prepare("INSERT INTO sources (file_name, file_path, "
                                                "file_size, sha256, format, imported_at) "
                                                "VALUES (?,?,?,'',?,?)");
            insertSource.bind(1, name)
                .bind(2, QFileInfo(file).absoluteFilePath())
                .bind(3, std::int64_t(file.size()))
                .bind(4, report.format)
                .bind(5, std::int64_t(QDateTime::currentSecsSinceEpoch()))
                .exec();
            report.sourceId = db.lastInsertRowId();

            DeferredPostIndexes postIndexes(db, firstNewPost == 0);
            PostWriter writer(db, report.sourceId);
            progress.stage(Stage::ReadingFile, name, report.format);
            const Status read = importer->read(file, name, options, writer, progress);
            report.counts = writer.counts();
            report.firstIssues = writer.firstIssues();
            for (ImportIssue &issue : report.firstIssues)
                issue.file = name;
            if (!read)
                return read.error().cancelled ? read.error()
                                              : Error{name + ": " + read.error().message};
            if (options.strict && report.counts.rejected > 0) {
                const auto rejected = std::find_if(
                    report.firstIssues.begin(), report.firstIssues.end(),
                    [](const ImportIssue &issue) { return issue.severity == "error"; });
                const ImportIssue &first =
                    rejected != report.firstIssues.end() ? *rejected : report.firstIssues.front();
                return Error{name + ":" + std::to_string(first.line) + ": " + first.field + ": " +
                             first.reason + " (strict import: nothing was imported, " +
                             std::to_string(report.counts.rejected) + " rows rejected)"};
            }
            if (report.counts.read == 0 && report.counts.context == 0 &&
                report.counts.accountRecords == 0 && report.counts.rejected == 0)
                return Error{name + ": no records found in the file (read as " + report.format +
                             ")"};

            auto hash = sha256.result();
            if (!hash)
                return hash.error().cancelled ? hash.error()
                                              : Error{name + ": " + hash.error().message};
            report.sha256 = hash.value();
            const bool seenBefore = [&] {
                Statement q = db.prepare("SELECT 1 FROM sources WHERE sha256 = ? AND id <> ?");
                q.bind(1, report.sha256).bind(2, report.sourceId);
                return q.step();
            }();
            if (seenBefore && report.counts.imported == 0 && report.counts.newAccounts == 0) {
                // Same bytes as an earlier source and nothing new: record nothing at all.
                report.alreadyImported = true;
                report.sourceId = 0;
                return report; // the transaction rolls back
            }

            Statement updateSource = db.prepare(
                "UPDATE sources SET rows_read = ?, rows_imported = ?, rows_duplicate = ?, "
                "rows_rejected = ?, sha256 = ? WHERE id = ?");
            updateSource.bind(1, report.counts.read)
                .bind(2, report.counts.imported)
                .bind(3, report.counts.duplicates)
                .bind(4, report.counts.rejected)
                .bind(5, report.sha256)
                .bind(6, report.sourceId)
                .exec();
            progress.stage(Stage::IndexingFile, name);
            postIndexes.rebuild();
            Statement index = db.prepare(
                "INSERT INTO posts_fts (rowid, text) SELECT id, text FROM posts WHERE id > ?");
            index.bind(1, firstNewPost).exec();
            if (progress.isCancelled())
                return Error::cancel();
            AuditTrail(db).append("import", "source " + std::to_string(report.sourceId),
                                  importDetails(report,
                                                QFileInfo(file).absoluteFilePath().toStdString(),
                                                file.size(), options));
            transaction.commit();
            return report;
        });
}

} // namespace

Result<ImportReport> importFile(const CaseStore &store, const std::string &path,
                                const ImportOptions &options, ProgressSink &progress)
{
    Result<ImportReport> result = importInTransaction(store, path, options, progress);
    // A failed or skipped import changes nothing in the case, but it is on the record.
    if (result && !result.value().alreadyImported)
        return result;
    if (!result && result.error().cancelled)
        return result;
    const QJsonObject details =
        result
            ? QJsonObject{{QStringLiteral("file"), QString::fromStdString(result.value().file)},
                          {QStringLiteral("sha256"), QString::fromStdString(result.value().sha256)},
                          {QStringLiteral("reason"), QStringLiteral("already imported")}}
            : QJsonObject{
                  {QStringLiteral("file"), QString::fromStdString(quoted(path))},
                  {QStringLiteral("error"), QString::fromStdString(result.error().message)}};
    try {
        AuditTrail(store.db())
            .append(result ? "import-skipped" : "import-failed", quoted(path),
                    QJsonDocument(details).toJson(QJsonDocument::Compact).toStdString());
    } catch (const SqlError &) {
        // The case cannot be written at all; the import's own error already says so.
    }
    return result;
}

} // namespace chorus
