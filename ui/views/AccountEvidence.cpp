#include "views/AccountEvidence.h"

#include "query/NetworkQueries.h"
#include "store/CaseStore.h"

namespace chorus::ui {

AccountEvidence loadAccountEvidence(const CaseStore &store, qint64 accountId)
{
    AccountEvidence evidence;
    const NetworkQueries queries(store);
    auto failed = [&](const Error &error) {
        evidence.error = QString::fromStdString(error.message);
        return evidence;
    };
    auto run = queries.latestRun();
    if (!run)
        return failed(run.error());
    if (!run.value())
        return evidence;
    const std::int64_t runId = run.value()->id;
    // The network analysis stores the signals that fired, with their numbers.
    const auto rows = queries.accountSignals(runId, accountId);
    if (!rows)
        return failed(rows.error());
    for (const chorus::AccountSignalRow &row : rows.value())
        evidence.signalRows.push_back({QString::fromStdString(row.signal), row.value, true,
                                       QString::fromStdString(row.explanation)});
    const auto partners = queries.partners(runId, accountId, 50);
    if (!partners)
        return failed(partners.error());
    for (const NetworkEdgeRow &edge : partners.value()) {
        const bool other = edge.source == accountId;
        evidence.partners.push_back(
            {other ? edge.target : edge.source,
             QString::fromStdString(other ? edge.targetPlatformId : edge.sourcePlatformId),
             edge.weight, edge.actions, edge.meanGap, QString::fromStdString(edge.types)});
    }
    return evidence;
}

} // namespace chorus::ui
