#pragma once

#include <QString>

#include <vector>

namespace chorus {
class CaseStore;
}

namespace chorus::ui {

// One signal computed for an account by the latest analysis.
struct AccountSignalRow
{
    QString name;
    double value = 0;
    bool fired = false;
    QString explanation;
};

// An account that acted together with the inspected one.
struct AccountPartnerRow
{
    qint64 accountId = 0;
    QString handle;
    qint64 weight = 0;
    qint64 actions = 0;
    double meanGap = 0;
    QString types;
};

struct AccountEvidence
{
    std::vector<AccountSignalRow> signalRows;
    std::vector<AccountPartnerRow> partners;
    QString error; // why the network analysis could not be read; empty when it could
};

// The account's signals and strongest partners from the latest network analysis, read
// through core's analysis API. Runs on a CaseReader thread.
AccountEvidence loadAccountEvidence(const CaseStore &store, qint64 accountId);

} // namespace chorus::ui
