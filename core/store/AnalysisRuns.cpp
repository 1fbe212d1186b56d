#include "store/AnalysisRuns.h"

#include "store/AuditTrail.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <ctime>

namespace chorus {

namespace {

constexpr const char *RunColumns =
    "SELECT id, kind, parameters, chorus_version, started_at, coalesce(finished_at, 0), "
    "coalesce(input_posts, 0), coalesce(input_accounts, 0), coalesce(summary, '{}') "
    "FROM analysis_runs ";

AnalysisRunInfo readRun(const Statement &s, RunKind kind)
{
    return AnalysisRunInfo{s.int64(0), kind,       s.text(2),  s.text(3), s.int64(4),
                           s.int64(5), s.int64(6), s.int64(7), s.text(8)};
}

} // namespace

const char *AnalysisRuns::storedName(RunKind kind)
{
    switch (kind) {
    case RunKind::TextClusters:
        return "text-clusters";
    case RunKind::Network:
        return "network";
    }
    return "unknown";
}

std::int64_t AnalysisRuns::begin(RunKind kind, const Start &start) const
{
    m_db.prepare("INSERT INTO analysis_runs (kind, parameters, chorus_version, started_at, "
                 "input_posts, input_accounts) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .bind(1, storedName(kind))
        .bind(2, start.parameters)
        .bind(3, CHORUS_VERSION)
        .bind(4, start.startedAt)
        .bind(5, start.inputPosts)
        .bind(6, start.inputAccounts)
        .exec();
    return m_db.lastInsertRowId();
}

void AnalysisRuns::finish(std::int64_t runId, const std::string &summary) const
{
    m_db.prepare("UPDATE analysis_runs SET finished_at = ?1, summary = ?2 WHERE id = ?3")
        .bind(1, std::int64_t(std::time(nullptr)))
        .bind(2, summary)
        .bind(3, runId)
        .exec();
    // On the record with every parameter, in the run's own transaction.
    Statement s = m_db.prepare(std::string(RunColumns) + "WHERE id = ?1");
    s.bind(1, runId);
    if (!s.step())
        return;
    const std::string kind = s.text(1);
    const auto object = [](const std::string &json) {
        return QJsonDocument::fromJson(QByteArray::fromStdString(json)).object();
    };
    const QJsonObject details{{QStringLiteral("kind"), QString::fromStdString(kind)},
                              {QStringLiteral("parameters"), object(s.text(2))},
                              {QStringLiteral("chorus_version"), s.qstring(3)},
                              {QStringLiteral("started_at"), qint64(s.int64(4))},
                              {QStringLiteral("finished_at"), qint64(s.int64(5))},
                              {QStringLiteral("input_posts"), qint64(s.int64(6))},
                              {QStringLiteral("input_accounts"), qint64(s.int64(7))},
                              {QStringLiteral("summary"), object(s.text(8))}};
    AuditTrail(m_db).append("analysis", "run " + std::to_string(runId),
                            QJsonDocument(details).toJson(QJsonDocument::Compact).toStdString());
}

std::optional<std::int64_t> AnalysisRuns::latest(RunKind kind) const
{
    Statement s = m_db.prepare(
        "SELECT max(id) FROM analysis_runs WHERE kind = ?1 AND finished_at IS NOT NULL");
    s.bind(1, storedName(kind));
    if (!s.step() || s.isNull(0))
        return std::nullopt;
    return s.int64(0);
}

std::vector<AnalysisRunInfo> AnalysisRuns::runs(RunKind kind) const
{
    Statement s = m_db.prepare(std::string(RunColumns) +
                               "WHERE kind = ?1 AND finished_at IS NOT NULL ORDER BY id DESC");
    s.bind(1, storedName(kind));
    std::vector<AnalysisRunInfo> runs;
    while (s.step())
        runs.push_back(readRun(s, kind));
    return runs;
}

std::optional<AnalysisRunInfo> AnalysisRuns::run(std::int64_t runId, RunKind kind) const
{
    Statement s = m_db.prepare(std::string(RunColumns) + "WHERE id = ?1 AND kind = ?2");
    s.bind(1, runId).bind(2, storedName(kind));
    if (!s.step())
        return std::nullopt;
    return readRun(s, kind);
}

void AnalysisRuns::remove(std::int64_t runId) const
{
    Transaction transaction(m_db);
    // Explicit rather than trusting ON DELETE CASCADE: foreign keys may be off on a
    // connection opened by another tool.
    for (const char *sql :
         {"DELETE FROM cluster_members WHERE cluster_id IN "
          "(SELECT id FROM clusters WHERE run_id = ?1)",
          "DELETE FROM cluster_accounts WHERE cluster_id IN "
          "(SELECT id FROM clusters WHERE run_id = ?1)",
          "DELETE FROM clusters WHERE run_id = ?1", "DELETE FROM campaign_links WHERE run_id = ?1",
          "DELETE FROM network_edges WHERE run_id = ?1",
          "DELETE FROM account_metrics WHERE run_id = ?1",
          "DELETE FROM account_signals WHERE run_id = ?1",
          "DELETE FROM analysis_runs WHERE id = ?1"})
        m_db.prepare(sql).bind(1, runId).exec();
    AuditTrail(m_db).append("analysis-removed", "run " + std::to_string(runId), "{}");
    transaction.commit();
}

} // namespace chorus
