#pragma once

#include "store/Database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace chorus {

// What an analysis run computed. The stored names live in AnalysisRuns.cpp and nowhere
// else: a reader and a writer can no longer disagree on how a kind is spelled.
enum class RunKind {
    TextClusters, // near-duplicate text clustering: clusters, cluster_members, cluster_accounts
    Network,      // coordination network: network_edges, account_metrics, account_signals
};

// One row of analysis_runs.
struct AnalysisRunInfo
{
    std::int64_t id = 0;
    RunKind kind = RunKind::TextClusters;
    std::string parameters; // JSON object, as stored
    std::string chorusVersion;
    std::int64_t startedAt = 0;
    std::int64_t finishedAt = 0; // 0 while unfinished
    std::int64_t inputPosts = 0;
    std::int64_t inputAccounts = 0;
    std::string summary; // JSON object
};

// The one owner of analysis_runs: every analysis that writes a run and every reader that
// looks one up goes through here. Like Database, it throws SqlError; callers inside core
// turn that into an Error with guardSql(). Uses the caller's connection; one thread.
class AnalysisRuns
{
public:
    explicit AnalysisRuns(const Database &db) : m_db(db) {}

    struct Start
    {
        std::string parameters = "{}"; // JSON object
        std::int64_t startedAt = 0;
        std::int64_t inputPosts = 0;
        std::int64_t inputAccounts = 0;
    };
    // Inserts an unfinished run and returns its id. Meant to be called inside the
    // transaction that also writes the run's results and finish()es it.
    std::int64_t begin(RunKind kind, const Start &start) const;
    // Marks a run finished now, with its summary (a JSON object).
    void finish(std::int64_t runId, const std::string &summary) const;

    // The newest finished run of a kind, or nothing when the case has none.
    std::optional<std::int64_t> latest(RunKind kind) const;
    // Finished runs of a kind, newest first.
    std::vector<AnalysisRunInfo> runs(RunKind kind) const;
    // One run, when it exists and is of that kind.
    std::optional<AnalysisRunInfo> run(std::int64_t runId, RunKind kind) const;
    // Deletes a run with everything it produced, in one transaction.
    void remove(std::int64_t runId) const;

    // The name stored in analysis_runs.kind ("text-clusters", "network"), for display.
    static const char *storedName(RunKind kind);

private:
    const Database &m_db;
};

} // namespace chorus
