#include "store/CaseStore.h"

#include "store/AuditTrail.h"
#include "store/CancelWatch.h"
#include "store/PostFacets.h"
#include "store/PostKeys.h"
#include "store/PostMinutes.h"
#include "store/Schema.h"
#include "store/SqlGuard.h"
#include "store/TextIndex.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <filesystem>
#include <fstream>
#include <optional>

namespace chorus {

namespace {

// Checked before SQLite sees the file, so that a text or binary file passed by mistake is
// never opened for writing (SQLite would happily turn an empty file into a database).
Status checkHeader(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error{path + ": cannot be read"};
    char header[16] = {};
    in.read(header, sizeof header);
    if (in.gcount() < 16 || std::string(header, 15) != "SQLite format 3")
        return Error{path + ": is not a Chorus case file (not an SQLite database)"};
    return {};
}

// An import into a fresh case that was killed leaves its rollback journal beside the case
// (store/FreshCaseJournal). SQLite undoes it on the first read by a connection that may
// write, which the read-only probe below is not.
Status undoInterruptedImport(const std::string &path)
{
    std::error_code ec;
    if (!std::filesystem::exists(path + "-journal", ec))
        return {};
    return guardSqlWith(
        [&](const std::string &sqlite) {
            return path +
                   ": is being written by another import, or an interrupted import "
                   "could not be undone (" +
                   sqlite + "); open it when that import has ended";
        },
        [&]() -> Status {
            Database rollback;
            rollback.open(path, Database::Mode::ReadWrite);
            // A live import holds the case: say so at once rather than wait for it.
            rollback.setBusyTimeout(0);
            rollback.queryInt64("SELECT count(*) FROM sqlite_schema");
            return {};
        });
}

Status validateExisting(const std::string &path)
{
    if (Status header = checkHeader(path); !header)
        return header;
    if (Status undone = undoInterruptedImport(path); !undone)
        return undone;
    return guardSqlWith(
        [&](const std::string &sqlite) {
            return path + ": the case file is damaged or unreadable (" + sqlite + ")";
        },
        [&]() -> Status {
            Database probe;
            probe.open(path, Database::Mode::ReadOnly);
            const auto applicationId = probe.queryInt64("PRAGMA application_id");
            const auto version = probe.queryInt64("PRAGMA user_version");
            if (applicationId != schema::ApplicationId)
                return Error{path + ": is an SQLite database but not a Chorus case file"};
            if (version > schema::currentVersion())
                return Error{path + ": was written by a newer Chorus (case format " +
                             std::to_string(version) + ", this version reads up to " +
                             std::to_string(schema::currentVersion()) + ")"};
            probe.queryInt64("SELECT count(*) FROM sqlite_schema");
            return {};
        });
}

// Temporary data (large sorts, CREATE INDEX) goes to files: SQLite's sorter then merges runs
// of a few MB, which for the import's deferred indexes was 2-3 times faster than sorting in
// memory (docs/performance.md), and a sort of ten million rows does not have to fit in RAM.
void configure(const Database &db)
{
    db.execScript("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                  "PRAGMA foreign_keys = ON; PRAGMA temp_store = FILE; "
                  "PRAGMA cache_size = -65536;");
}

// Returns the schema version the file had before.
int migrate(const Database &db, const ProgressSink *progress)
{
    const int version = int(db.queryInt64("PRAGMA user_version"));
    if (version == schema::currentVersion())
        return version;
    Transaction transaction(db);
    {
        std::optional<CancelWatch> watch;
        if (progress)
            watch.emplace(db, *progress);
        for (int v = version; v < schema::currentVersion(); ++v)
            db.execScript(schema::migration(v));
    }
    db.execScript(("PRAGMA application_id = " + std::to_string(schema::ApplicationId) +
                   "; PRAGMA user_version = " + std::to_string(schema::currentVersion()) + ";")
                      .c_str());
    transaction.commit();
    return version;
}

// The first entry of a case's audit trail: its creation, or, for a case made before the trail
// existed, what it held when the trail began (its sources by hash), so that provenance starts
// from a known state.
void startAuditTrail(const Database &db, int previousVersion)
{
    Transaction transaction(db);
    const AuditTrail trail(db);
    if (trail.size() > 0)
        return; // another connection started it first
    QJsonObject details{{QStringLiteral("schema_version"), schema::currentVersion()},
                        {QStringLiteral("chorus_version"), QStringLiteral(CHORUS_VERSION)}};
    if (previousVersion == 0) {
        trail.append("case-created", "case",
                     QJsonDocument(details).toJson(QJsonDocument::Compact).toStdString());
    } else {
        QJsonArray sources;
        Statement s =
            db.prepare("SELECT file_name, sha256, rows_imported FROM sources ORDER BY id");
        while (s.step())
            sources.append(QJsonObject{{QStringLiteral("file"), s.qstring(0)},
                                       {QStringLiteral("sha256"), s.qstring(1)},
                                       {QStringLiteral("imported"), qint64(s.int64(2))}});
        details.insert(QStringLiteral("previous_schema_version"), previousVersion);
        details.insert(QStringLiteral("sources"), sources);
        details.insert(QStringLiteral("posts"),
                       qint64(db.queryInt64("SELECT count(*) FROM posts")));
        details.insert(QStringLiteral("accounts"),
                       qint64(db.queryInt64("SELECT count(*) FROM accounts")));
        trail.append("audit-started", "case",
                     QJsonDocument(details).toJson(QJsonDocument::Compact).toStdString());
    }
    transaction.commit();
}

} // namespace

Result<std::unique_ptr<CaseStore>> CaseStore::open(const std::string &path, OpenMode mode,
                                                   const ProgressSink *progress)
{
    std::error_code ec;
    const bool exists = std::filesystem::exists(path, ec);
    if (!exists && mode == OpenMode::OpenExisting)
        return Error{path + ": no such case file"};
    if (exists) {
        if (std::filesystem::is_directory(path, ec))
            return Error{path + ": is a folder, not a case file"};
        if (Status valid = validateExisting(path); !valid)
            return valid.error();
    }

    std::unique_ptr<CaseStore> store(new CaseStore);
    auto opened = guardSqlWith(
        [&](const std::string &sqlite) {
            return path + ": cannot open the case file (" + sqlite + ")";
        },
        [&]() -> Result<std::unique_ptr<CaseStore>> {
            store->m_db.open(path, exists ? Database::Mode::ReadWrite : Database::Mode::Create);
            configure(store->m_db);
            const int previousVersion = migrate(store->m_db, progress);
            if (previousVersion < schema::currentVersion() ||
                store->m_db.queryInt64("SELECT EXISTS (SELECT 1 FROM audit_log)") == 0)
                startAuditTrail(store->m_db, previousVersion);
            return std::move(store);
        });
    if (progress)
        return interruptedByCancel(std::move(opened), *progress);
    return opened;
}

Result<bool> CaseStore::needsUpgrade(const std::string &path)
{
    if (Status valid = validateExisting(path); !valid)
        return valid.error();
    return guardSql(path, [&]() -> Result<bool> {
        Database probe;
        probe.open(path, Database::Mode::ReadOnly);
        return probe.queryInt64("PRAGMA user_version") < schema::currentVersion();
    });
}

Result<std::vector<SourceInfo>> CaseStore::sources() const
{
    return guardSql(path(), [&]() -> Result<std::vector<SourceInfo>> {
        std::vector<SourceInfo> result;
        Statement query = m_db.prepare(
            "SELECT id, file_name, file_path, file_size, sha256, format, imported_at, rows_read, "
            "rows_imported, rows_duplicate, rows_rejected, compression, member, "
            "coalesce(archive_sha256, '') FROM sources ORDER BY id");
        while (query.step()) {
            SourceInfo s;
            s.id = query.int64(0);
            s.fileName = query.text(1);
            s.filePath = query.text(2);
            s.fileSize = query.int64(3);
            s.sha256 = query.text(4);
            s.format = query.text(5);
            s.importedAt = query.int64(6);
            s.rowsRead = query.int64(7);
            s.rowsImported = query.int64(8);
            s.rowsDuplicate = query.int64(9);
            s.rowsRejected = query.int64(10);
            s.compression = query.text(11);
            s.member = query.text(12);
            s.archiveSha256 = query.text(13);
            result.push_back(std::move(s));
        }
        return result;
    });
}

Result<CaseSummary> CaseStore::summary() const
{
    auto sourceList = sources();
    if (!sourceList)
        return sourceList.error();
    return guardSql(path(), [&]() -> Result<CaseSummary> {
        CaseSummary summary;
        summary.sources = std::move(sourceList.value());
        // One snapshot: an import committing on another connection between two of the counts
        // would make them disagree.
        const ReadSnapshot snapshot(m_db);
        // The posts from their per-facet counts (kept with every write): a count of ten
        // million rows took 0.4-0.5 s of a core while the case opened.
        summary.posts = facetCount(m_db, "", "", false);
        summary.contextPosts = caseContextPosts(m_db);
        summary.accounts = m_db.queryInt64("SELECT count(*) FROM accounts");
        summary.issues = m_db.queryInt64("SELECT count(*) FROM import_issues");
        const auto textIndex = textIndexState(m_db);
        if (!textIndex)
            return textIndex.error();
        summary.textIndexPending = textIndex->pendingPosts;
        summary.filterIndexesPending = textIndex->pendingIndexes;
        // The collected posts' period; a case of context posts only has the context period.
        if (const auto span = collectedPostSpan(m_db)) {
            summary.firstPostAt = span->first;
            summary.lastPostAt = span->second;
        } else {
            summary.firstPostAt = m_db.queryInt64("SELECT min(created_at) FROM posts");
            summary.lastPostAt = m_db.queryInt64("SELECT max(created_at) FROM posts");
        }
        return summary;
    });
}

Result<std::vector<ImportIssue>> CaseStore::issues(std::int64_t sourceId, int limit) const
{
    return guardSql(path(), [&]() -> Result<std::vector<ImportIssue>> {
        std::vector<ImportIssue> result;
        Statement query = m_db.prepare(
            "SELECT i.source_id, s.file_name, i.line, i.field, i.severity, i.reason, i.excerpt "
            "FROM import_issues i JOIN sources s ON s.id = i.source_id "
            "WHERE ?1 = 0 OR i.source_id = ?1 ORDER BY i.id LIMIT ?2");
        query.bind(1, sourceId).bind(2, limit);
        while (query.step()) {
            ImportIssue issue;
            issue.sourceId = query.int64(0);
            issue.file = query.text(1);
            issue.line = query.int64(2);
            issue.field = query.text(3);
            issue.severity = query.text(4);
            issue.reason = query.text(5);
            issue.excerpt = query.text(6);
            result.push_back(std::move(issue));
        }
        return result;
    });
}

} // namespace chorus
