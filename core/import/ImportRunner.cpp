#include "import/ImportRunner.h"

#include "import/BackgroundSha256.h"
#include "import/ReadAhead.h"
#include "import/input/ImportInput.h"
#include "store/AuditTrail.h"
#include "store/CancelWatch.h"
#include "store/CaseStore.h"
#include "store/FreshCaseJournal.h"
#include "store/IndexBuild.h"
#include "store/PostKeys.h"
#include "store/SqlGuard.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <atomic>
#include <optional>
#include <thread>
#include <vector>

namespace chorus {

namespace {

constexpr qint64 HeadSize = 64 * 1024;

std::string quoted(const std::string &path)
{
    return QFileInfo(QString::fromStdString(path)).fileName().toStdString();
}

// Into a case without posts, the secondary indexes of `posts` are dropped for the import and
// built again at the end: CREATE INDEX sorts once, where inserting row by row updates each
// b-tree at random places (1M posts: -12% CPU, docs/performance.md). Into a case that
// already has posts they stay, since rebuilding would cost the size of the whole case. Both
// happen inside the import's transaction, so a failed import leaves the indexes as they were.
//
// The posts table's kind and language filter indexes are not built again here but left in
// pending_indexes (schema v12) for store/TextIndex, which builds them with the text index
// after the commit: nothing but those filters reads them, and their sort on a text key was a
// quarter of a fresh import (2.6 of 9.4 s for 1M reposts, docs/performance.md).
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
        Statement leaveToIndexStep =
            db.prepare("INSERT OR REPLACE INTO pending_indexes (name, definition) VALUES (?, ?)");
        while (query.step()) {
            std::string definition = query.text(1);
            // An index on the row id (posts_context) only ever grows at its end, as rows are
            // appended: kept, it costs nothing per row, where building it scans the table.
            if (definition.find("ON posts(id)") != std::string::npos)
                continue;
            std::string name = query.text(0);
            if (name == "posts_kind_time" || name == "posts_language_time")
                leaveToIndexStep.bind(1, name).bind(2, definition).exec();
            else
                m_definitions.push_back(std::move(definition));
            names.push_back(std::move(name));
        }
        for (const std::string &index : names) // names from the schema, not from the file
            db.execScript(("DROP INDEX \"" + index + "\"").c_str());
    }
    void rebuild()
    {
        createIndexes(m_db, m_definitions);
        m_definitions.clear();
    }

private:
    const Database &m_db;
    std::vector<std::string> m_definitions;
};

// The import's writes are checked by the writer itself: every post's account and source are
// rows it has just found or written, and every entity row's post is the one it has just
// inserted. SQLite's own foreign-key check looked each parent up again for every row (a
// b-tree search per post and per entity). The pragma only takes effect outside a transaction,
// so this is created before the import's transaction and outlives it.
class ForeignKeysOff
{
public:
    explicit ForeignKeysOff(const Database &db) : m_db(db)
    {
        m_db.execScript("PRAGMA foreign_keys = OFF;");
    }
    ~ForeignKeysOff()
    {
        try {
            m_db.execScript("PRAGMA foreign_keys = ON;");
        } catch (const SqlError &) {
            // Only fails on a closed connection: nothing to restore then.
        }
    }
    ForeignKeysOff(const ForeignKeysOff &) = delete;
    ForeignKeysOff &operator=(const ForeignKeysOff &) = delete;

private:
    const Database &m_db;
};

// Rejects what is plainly not a text export before any importer sees it. Compressed files and
// ZIP archives are opened before (import/input); what is still packed here is packed twice.
Status checkLooksLikeText(const QByteArray &head, const std::string &name)
{
    if (head.isEmpty())
        return Error{name + ": the file is empty"};
    if (head.startsWith("\xFF\xFE") || head.startsWith("\xFE\xFF"))
        return Error{name + ": the file is UTF-16 encoded; save it as UTF-8 and import again"};
    if (const Compression packed =
            detectCompression(std::string_view(head.constData(), size_t(head.size())));
        packed != Compression::None)
        return Error{name + ": holds " + compressionName(packed) +
                     " data inside its own compression; unpack it first"};
    if (head.size() > 262 && head.mid(257, 5) == "ustar")
        return Error{name + ": is a tar archive; extract it and import the files in it"};
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

// The importer that claims these first bytes most surely, or null when none does.
std::unique_ptr<Importer> detectedImporter(const QByteArray &head)
{
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
    return best;
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
    std::unique_ptr<Importer> best = detectedImporter(head);
    if (!best)
        return Error{name + ": unknown format; name it with --format (" + formatList() + ")"};
    return best;
}

// A unit opened, with its first decoded bytes: what detection and import both start from.
struct OpenedUnit
{
    std::unique_ptr<ImportInput> input;
    QByteArray head;
};

// An Error when the first bytes are plainly not an export: empty, damaged before any record,
// binary, packed again.
Result<OpenedUnit> openUnit(const ImportUnit &unit)
{
    auto input = ImportInput::open(unit);
    if (!input)
        return input.error();
    OpenedUnit opened{std::move(input.value()), {}};
    opened.head = opened.input->device().peek(HeadSize);
    if (opened.head.isEmpty() && opened.input->decompressed()) {
        // Nothing could be decoded at all: say why rather than "empty".
        if (const ImportInput::Outcome decoded = opened.input->finish(false); decoded.failed)
            return Error{unit.name() + ": the compressed data " +
                         (decoded.cutOff ? "ends before any record (cut off?)" : "is damaged") +
                         " (" + decoded.message + "); nothing was imported"};
    }
    if (Status text = checkLooksLikeText(opened.head, unit.name()); !text)
        return text.error();
    return opened;
}

} // namespace

Result<std::string> detectFormat(const ImportUnit &unit)
{
    auto opened = openUnit(unit);
    if (!opened)
        return opened.error();
    auto importer = chooseImporter(opened->head, unit.name(), {});
    if (!importer)
        return importer.error();
    return importer.value()->name();
}

Result<ImportUnits> unitsToImport(const std::string &path, const ImportOptions &options)
{
    auto listed = listImportUnits(path);
    if (!listed)
        return listed.error();
    ImportUnits units = std::move(listed.value());
    if (!units.units.empty() && units.units.front().memberIndex >= 0 && options.format.empty()) {
        std::vector<ImportUnit> exports;
        for (ImportUnit &unit : units.units) {
            auto opened = openUnit(unit);
            if (!opened) // damaged, binary, packed again: the message names the member and why
                units.skipped.push_back(opened.error().message.substr(0, 300));
            else if (!detectedImporter(opened->head))
                units.skipped.push_back(unit.member + " (not an export Chorus knows)");
            else
                exports.push_back(std::move(unit));
        }
        units.units = std::move(exports);
    }
    if (units.units.empty()) {
        std::string held;
        for (size_t i = 0; i < units.skipped.size() && i < 3; ++i)
            held += (i ? ", " : "") + units.skipped[i];
        if (units.skipped.size() > 3)
            held += ", ...";
        return Error{quoted(path) + ": the archive holds no export to import" +
                     (held.empty() ? std::string() : " (" + held + ")")};
    }
    return units;
}

Result<std::string> detectFormat(const std::string &path)
{
    auto units = listImportUnits(path);
    if (!units)
        return units.error();
    if (units->units.empty())
        return Error{quoted(path) + ": the archive holds no file to import"};
    return detectFormat(units->units.front());
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
        {QStringLiteral("compression"), QString::fromStdString(report.compression)},
        {QStringLiteral("member"), QString::fromStdString(report.member)},
        {QStringLiteral("archive_sha256"), QString::fromStdString(report.archiveSha256)},
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

// Progress of a decompressed input in bytes of the file as given: the importer's own count is
// of decompressed bytes, whose total is not known before the end.
class InputProgress final : public ProgressSink
{
public:
    InputProgress(ProgressSink &target, const ImportInput &input) : m_target(target), m_input(input)
    {}
    void progress(std::int64_t done, std::int64_t total) override
    {
        if (m_input.decompressed())
            m_target.progress(m_input.done(), m_input.total());
        else
            m_target.progress(done, total);
    }
    bool isCancelled() const override { return m_target.isCancelled(); }

protected:
    void onStage(const StageEvent &event) override
    {
        m_target.stage(event.stage, event.subject, event.detail);
    }

private:
    ProgressSink &m_target;
    const ImportInput &m_input;
};

Result<ImportReport> importInTransaction(const CaseStore &store, const ImportUnit &unit,
                                         const ImportOptions &options, ProgressSink &outerProgress)
{
    const std::string name = unit.name();
    auto opened = openUnit(unit);
    if (!opened)
        return opened.error();
    ImportInput &input = *opened->input;
    QIODevice &file = input.device();
    const QFileInfo given(QString::fromStdString(unit.path));
    InputProgress progress(outerProgress, input);
    const QByteArray &head = opened->head;

    auto chosen = chooseImporter(head, name, options.format);
    if (!chosen)
        return chosen.error();
    std::unique_ptr<Importer> importer = std::move(chosen.value());

    ImportReport report;
    report.file = name;
    report.format = importer->name();
    report.compression = compressionName(input.compression());
    report.member = unit.member;
    // The file as given, hashed beside the reading; an archive member is hashed as it is read.
    BackgroundSha256 sha256(given.absoluteFilePath());

    const Database &db = store.db();
    auto imported = guardSqlWith(
        [&](const std::string &sqlite) {
            return name + ": could not write to the case (" + sqlite + "); nothing was imported";
        },
        [&]() -> Result<ImportReport> {
            const ForeignKeysOff trustedWrites(db);
            const FreshCaseJournal journal(
                db, options.onlyConnection &&
                        db.queryInt64("SELECT NOT EXISTS (SELECT 1 FROM posts)") != 0);
            Transaction transaction(db);
            // After the transaction, and ended before its commit: see CancelWatch.
            std::optional<CancelWatch> watch(std::in_place, db, outerProgress);
            const std::int64_t firstNewPost = lastPostId(db);

            // The checksums are filled in once the background hash is done.
            Statement insertSource =
                db.prepare("INSERT INTO sources (file_name, file_path, file_size, sha256, format, "
                           "imported_at, compression, member) VALUES (?,?,?,'',?,?,?,?)");
            insertSource.bind(1, name)
                .bind(2, given.absoluteFilePath())
                .bind(3, std::int64_t(given.size()))
                .bind(4, report.format)
                .bind(5, std::int64_t(QDateTime::currentSecsSinceEpoch()))
                .bind(6, report.compression)
                .bind(7, unit.member)
                .exec();
            report.sourceId = db.lastInsertRowId();

            DeferredPostIndexes postIndexes(db, firstNewPost == 0);
            PostWriter writer(db, report.sourceId);
            outerProgress.stage(Stage::ReadingFile, name, report.format);
            const Status read = readAhead(
                [&](RecordSink &records, ProgressSink &reported) {
                    InputProgress inputProgress(reported, input);
                    return importer->read(file, name, options, records, inputProgress);
                },
                writer, outerProgress, &writer);
            if (!read && read.error().cancelled)
                return read.error();
            // Damaged compressed data explains whatever the importer made of it. What the
            // importer left is read only when it succeeded (a member's hash needs every byte).
            const ImportInput::Outcome decoded = input.finish(bool(read), &progress);
            if (decoded.cancelled)
                return Error::cancel();
            if (decoded.failed && !decoded.cutOff)
                return Error{name + ": the compressed data is damaged (" + decoded.message +
                             "); nothing was imported"};
            if (!read)
                return Error{name + ": " + read.error().message};
            if (decoded.cutOff || !decoded.note.empty()) {
                // An interrupted capture: what came before the cut is kept, as for a plain
                // file that ends inside a record.
                if (decoded.cutOff)
                    writer.warn(0, "(file)",
                                "the compressed data ends early (cut off?): " + decoded.message,
                                "");
                if (!decoded.note.empty())
                    writer.warn(0, "(file)", decoded.note, "");
            }
            report.counts = writer.counts();
            report.firstIssues = writer.firstIssues();
            for (ImportIssue &issue : report.firstIssues)
                issue.file = name;
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

            writer.finish();
            progress.stage(Stage::IndexingFile, name);
            postIndexes.rebuild();
            // The file's hash last: its thread goes on beside the index builds, on the core
            // SQLite leaves idle.
            auto hash = sha256.result(progress);
            if (!hash)
                return hash.error().cancelled ? hash.error()
                                              : Error{name + ": " + hash.error().message};
            if (unit.memberIndex < 0) {
                report.sha256 = hash.value();
            } else {
                report.sha256 = input.memberSha256();
                report.archiveSha256 = hash.value();
            }
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
                "rows_rejected = ?, sha256 = ?, archive_sha256 = nullif(?, '') WHERE id = ?");
            updateSource.bind(1, report.counts.read)
                .bind(2, report.counts.imported)
                .bind(3, report.counts.duplicates)
                .bind(4, report.counts.rejected)
                .bind(5, report.sha256)
                .bind(6, report.archiveSha256)
                .bind(7, report.sourceId)
                .exec();
            // The text index is not built here: store/TextIndex catches up after the commit.
            if (progress.isCancelled())
                return Error::cancel();
            AuditTrail(db).append("import", "source " + std::to_string(report.sourceId),
                                  importDetails(report, given.absoluteFilePath().toStdString(),
                                                given.size(), options));
            watch.reset();
            transaction.commit();
            return report;
        });
    return interruptedByCancel(std::move(imported), outerProgress);
}

} // namespace

Result<ImportReport> importFile(const CaseStore &store, const std::string &path,
                                const ImportOptions &options, ProgressSink &progress)
{
    return importUnit(store, ImportUnit{path, {}}, options, progress);
}

Result<ImportReport> importUnit(const CaseStore &store, const ImportUnit &unit,
                                const ImportOptions &options, ProgressSink &progress)
{
    Result<ImportReport> result = importInTransaction(store, unit, options, progress);
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
                  {QStringLiteral("file"), QString::fromStdString(unit.name())},
                  {QStringLiteral("error"), QString::fromStdString(result.error().message)}};
    try {
        AuditTrail(store.db())
            .append(result ? "import-skipped" : "import-failed", unit.name(),
                    QJsonDocument(details).toJson(QJsonDocument::Compact).toStdString());
    } catch (const SqlError &) {
        // The case cannot be written at all; the import's own error already says so.
    }
    return result;
}

} // namespace chorus
