#include "report/EvidenceExport.h"

#include "common/WholeWrite.h"
#include "evidence/Annotations.h"
#include "report/ExportText.h"
#include "report/FileHash.h"
#include "store/AnalysisRuns.h"
#include "store/AuditTrail.h"
#include "store/CaseStore.h"
#include "store/SqlGuard.h"
#include "text/TimeParser.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <map>
#include <vector>

namespace chorus {

namespace {

enum class Cell { Text, Integer, Real, Time, TagList };

struct Column
{
    const char *name;
    Cell type;
};

// One query per subject. ?1 = the latest clustering run (or 0), ?2 = the latest network run (or
// 0), ?3 = the cluster number (or NULL for all). Annotation columns come last: tags (JSON),
// note, grade; for clusters and campaigns they are filled in from Annotations::list().
struct SubjectQuery
{
    std::vector<Column> columns;
    const char *sql;
};

const SubjectQuery &subjectQuery(ExportSubject subject)
{
    static const std::vector<Column> annotationColumns = {
        {"tags", Cell::TagList}, {"note", Cell::Text}, {"grade", Cell::Text}};
    const auto with = [&](std::vector<Column> columns) {
        columns.insert(columns.end(), annotationColumns.begin(), annotationColumns.end());
        return columns;
    };
    static const SubjectQuery posts{
        with({{"platform", Cell::Text},
              {"post_id", Cell::Text},
              {"account_id", Cell::Text},
              {"handle", Cell::Text},
              {"created_at", Cell::Time},
              {"kind", Cell::Text},
              {"language", Cell::Text},
              {"text", Cell::Text},
              {"reply_to", Cell::Text},
              {"repost_of", Cell::Text},
              {"quote_of", Cell::Text},
              {"cluster", Cell::Integer},
              {"source_file", Cell::Text},
              {"source_sha256", Cell::Text},
              {"source_line", Cell::Integer}}),
        "SELECT p.platform, p.platform_id, a.platform_id, a.handle, p.created_at, p.kind, "
        "p.language, p.text, p.reply_to, p.repost_of, p.quote_of, "
        "(SELECT c.number FROM cluster_members cm CROSS JOIN clusters c ON c.id = cm.cluster_id "
        " WHERE cm.post_id = p.id AND c.run_id = ?1 LIMIT 1), s.file_name, s.sha256, "
        "p.source_line, "
        "an.tags, coalesce(an.note, ''), coalesce(an.reliability, '') || coalesce(an.credibility, "
        "'') "
        "FROM posts p JOIN accounts a ON a.id = p.account_id "
        "LEFT JOIN sources s ON s.id = p.source_id "
        "LEFT JOIN annotations an ON an.target_kind = 'post' AND an.target_id = p.id "
        "WHERE (?3 IS NULL OR p.id IN (SELECT cm.post_id FROM cluster_members cm JOIN clusters c "
        " ON c.id = cm.cluster_id WHERE c.run_id = ?1 AND c.number = ?3)) "
        "ORDER BY p.id"}; // import order: source file and line (a scan, not a seek per row)
    static const SubjectQuery accounts{
        with({{"platform", Cell::Text},
              {"account_id", Cell::Text},
              {"handle", Cell::Text},
              {"display_name", Cell::Text},
              {"created_at", Cell::Time},
              {"location", Cell::Text},
              {"claimed_country", Cell::Text},
              {"followers", Cell::Integer},
              {"following", Cell::Integer},
              {"posts", Cell::Integer},
              {"community", Cell::Integer},
              {"signals", Cell::Text}}),
        "SELECT a.platform, a.platform_id, a.handle, a.display_name, a.created_at, a.location, "
        "r.country, a.followers, a.following, "
        "(SELECT count(*) FROM posts p WHERE p.account_id = a.id), m.community, "
        "(SELECT group_concat(signal, ' ') FROM (SELECT signal FROM account_signals sg "
        " WHERE sg.run_id = ?2 AND sg.account_id = a.id ORDER BY signal)), "
        "an.tags, coalesce(an.note, ''), coalesce(an.reliability, '') || coalesce(an.credibility, "
        "'') "
        "FROM accounts a "
        "LEFT JOIN location_resolutions r ON r.text = a.location "
        "LEFT JOIN account_metrics m ON m.run_id = ?2 AND m.account_id = a.id "
        "LEFT JOIN annotations an ON an.target_kind = 'account' AND an.target_id = a.id "
        "WHERE (?3 IS NULL OR a.id IN (SELECT p.account_id FROM posts p JOIN cluster_members cm "
        " ON cm.post_id = p.id JOIN clusters c ON c.id = cm.cluster_id "
        " WHERE c.run_id = ?1 AND c.number = ?3)) "
        "ORDER BY a.id"};
    static const SubjectQuery clusters{
        with({{"run", Cell::Integer},
              {"cluster", Cell::Integer},
              {"score", Cell::Real},
              {"posts", Cell::Integer},
              {"accounts", Cell::Integer},
              {"first_at", Cell::Time},
              {"last_at", Cell::Time},
              {"campaign", Cell::Integer},
              {"languages", Cell::Text},
              {"representative_text", Cell::Text}}),
        "SELECT c.run_id, c.number, c.score, c.size, c.accounts, c.first_at, c.last_at, "
        "c.campaign, c.languages, p.text, NULL, '', '' FROM clusters c "
        "LEFT JOIN posts p ON p.id = c.medoid_post_id "
        "WHERE c.run_id = ?1 AND (?3 IS NULL OR c.number = ?3) ORDER BY c.score DESC, c.number"};
    static const SubjectQuery campaigns{
        with({{"run", Cell::Integer},
              {"campaign", Cell::Integer},
              {"clusters", Cell::Integer},
              {"posts", Cell::Integer},
              {"accounts", Cell::Integer},
              {"first_at", Cell::Time},
              {"last_at", Cell::Time},
              {"cluster_numbers", Cell::Text}}),
        "SELECT c.run_id, c.campaign, count(*), sum(c.size), "
        "(SELECT count(DISTINCT p.account_id) FROM cluster_members cm JOIN clusters x "
        " ON x.id = cm.cluster_id JOIN posts p ON p.id = cm.post_id "
        " WHERE x.run_id = ?1 AND x.campaign = c.campaign), min(c.first_at), max(c.last_at), "
        "group_concat(c.number, ' '), NULL, '', '' FROM clusters c "
        "WHERE c.run_id = ?1 AND c.campaign IS NOT NULL AND (?3 IS NULL OR c.campaign = "
        " (SELECT campaign FROM clusters WHERE run_id = ?1 AND number = ?3)) "
        "GROUP BY c.campaign ORDER BY c.campaign"};
    switch (subject) {
    case ExportSubject::Posts:
        return posts;
    case ExportSubject::Accounts:
        return accounts;
    case ExportSubject::Clusters:
        return clusters;
    case ExportSubject::Campaigns:
        break;
    }
    return campaigns;
}

QJsonValue readCell(const Statement &row, int column, Cell type)
{
    if (row.isNull(column))
        return type == Cell::TagList ? QJsonValue(QJsonArray()) : QJsonValue(QJsonValue::Null);
    switch (type) {
    case Cell::Integer:
        return qint64(row.int64(column));
    case Cell::Real:
        return row.real(column);
    case Cell::Time:
        return QString::fromStdString(formatTimestamp(row.int64(column)));
    case Cell::TagList:
        return QJsonDocument::fromJson(QByteArray::fromStdString(row.text(column))).array();
    case Cell::Text:
        break;
    }
    return row.qstring(column);
}

std::string csvValue(const QJsonValue &value)
{
    if (value.isNull())
        return {};
    if (value.isDouble()) {
        const double number = value.toDouble();
        return number == double(qint64(number)) ? std::to_string(qint64(number))
                                                : QString::number(number, 'g', 10).toStdString();
    }
    if (value.isArray()) {
        QStringList items;
        for (const QJsonValue &item : value.toArray())
            items << item.toString();
        return csvCell(items.join(QStringLiteral("; ")).toStdString());
    }
    return csvCell(value.toString().toStdString());
}

// Annotations of clusters or campaigns, by their number in the latest run.
std::map<std::int64_t, Annotation> annotatedByNumber(const CaseStore &store, AnnotationKind kind)
{
    std::map<std::int64_t, Annotation> result;
    const auto list = Annotations(store).list();
    if (list)
        for (const Annotation &a : list.value())
            if (a.kind == kind && a.now)
                result.emplace(a.now->number, a);
    return result;
}

} // namespace

const char *exportSubjectName(ExportSubject subject)
{
    switch (subject) {
    case ExportSubject::Posts:
        return "posts";
    case ExportSubject::Accounts:
        return "accounts";
    case ExportSubject::Clusters:
        return "clusters";
    case ExportSubject::Campaigns:
        break;
    }
    return "campaigns";
}

Result<EvidenceExportResult> exportEvidence(const CaseStore &store, const std::string &path,
                                            const EvidenceExportOptions &options)
{
    const QString fileName = QString::fromStdString(path);
    const bool json = fileName.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive);
    if (!json && !fileName.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive))
        return Error{path + ": name the file .csv or .json"};
    const SubjectQuery &query = subjectQuery(options.subject);
    const Database &db = store.db();
    const bool groups =
        options.subject == ExportSubject::Clusters || options.subject == ExportSubject::Campaigns;
    const std::map<std::int64_t, Annotation> annotated =
        groups ? annotatedByNumber(store, options.subject == ExportSubject::Clusters
                                              ? AnnotationKind::Cluster
                                              : AnnotationKind::Campaign)
               : std::map<std::int64_t, Annotation>{};

    return guardSql(store.path(), [&]() -> Result<EvidenceExportResult> {
        const AnalysisRuns runs(db);
        const std::int64_t clusterRun = runs.latest(RunKind::TextClusters).value_or(0);
        if (groups && clusterRun == 0)
            return Error{"the case has no clustering run yet (run 'analyze')"};
        if (options.cluster && clusterRun == 0)
            return Error{"--cluster needs a clustering run (run 'analyze')"};
        QSaveFile file(fileName);
        if (!file.open(QIODevice::WriteOnly))
            return Error{cannotWrite(path, file.errorString())};
        Statement rows = db.prepare(query.sql);
        rows.bind(1, clusterRun)
            .bind(2, runs.latest(RunKind::Network).value_or(0))
            .bind(3, options.cluster);
        const std::size_t columns = query.columns.size();
        std::string buffer;
        if (json)
            buffer += "[";
        else {
            for (std::size_t c = 0; c < columns; ++c)
                buffer += std::string(c ? "," : "") + query.columns[c].name;
            buffer += "\r\n";
        }
        EvidenceExportResult result;
        while (rows.step()) {
            std::vector<QJsonValue> cells;
            for (std::size_t c = 0; c < columns; ++c)
                cells.push_back(readCell(rows, int(c), query.columns[c].type));
            if (groups) {
                const auto it = annotated.find(cells[1].toInteger());
                if (it != annotated.end()) {
                    QJsonArray tags;
                    for (const std::string &tag : it->second.state.tags)
                        tags.append(QString::fromStdString(tag));
                    cells[columns - 3] = tags;
                    cells[columns - 2] = QString::fromStdString(it->second.state.note);
                    cells[columns - 1] = QString::fromStdString(it->second.state.grade());
                }
            }
            if (!options.tag.empty()) {
                const QJsonArray tags = cells[columns - 3].toArray();
                if (!tags.contains(QString::fromStdString(options.tag)))
                    continue;
            }
            if (json) {
                QJsonObject object;
                for (std::size_t c = 0; c < columns; ++c)
                    object.insert(QLatin1String(query.columns[c].name), cells[c]);
                buffer += (result.rows ? ",\n" : "\n") +
                          QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
            } else {
                for (std::size_t c = 0; c < columns; ++c)
                    buffer += (c ? "," : "") + csvValue(cells[c]);
                buffer += "\r\n";
            }
            ++result.rows;
            if (buffer.size() > (1 << 20)) {
                if (!writeWhole(file, buffer))
                    break; // commitWhole() below says why
                buffer.clear();
            }
        }
        if (json)
            buffer += "\n]\n";
        writeWhole(file, buffer);
        if (const QString why = commitWhole(file); !why.isEmpty())
            return Error{cannotWrite(path, why) + "; nothing was written"};

        const auto hash = sha256OfFile(path);
        if (!hash)
            return hash.error();
        result.file = QFileInfo(fileName).absoluteFilePath().toStdString();
        result.sha256 = hash.value();
        QJsonObject details{
            {QStringLiteral("file"), QString::fromStdString(result.file)},
            {QStringLiteral("sha256"), QString::fromStdString(result.sha256)},
            {QStringLiteral("subject"), QLatin1String(exportSubjectName(options.subject))},
            {QStringLiteral("format"), json ? QStringLiteral("json") : QStringLiteral("csv")},
            {QStringLiteral("rows"), qint64(result.rows)},
            {QStringLiteral("tag"), QString::fromStdString(options.tag)}};
        if (options.cluster)
            details.insert(QStringLiteral("cluster"), qint64(*options.cluster));
        AuditTrail(db).append("export", QFileInfo(fileName).fileName().toStdString(),
                              QJsonDocument(details).toJson(QJsonDocument::Compact).toStdString(),
                              options.analyst);
        return result;
    });
}

} // namespace chorus
