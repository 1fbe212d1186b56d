#include "CliSupport.h"

#include "store/AuditTrail.h"
#include "store/CaseStore.h"
#include "store/SqlGuard.h"
#include "text/TimeParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace chorus::cli {

namespace {

QJsonObject toJson(const AuditEntry &entry)
{
    return QJsonObject{
        {QStringLiteral("seq"), qint64(entry.seq)},
        {QStringLiteral("at"), QString::fromStdString(formatTimestamp(entry.at))},
        {QStringLiteral("analyst"), QString::fromStdString(entry.analyst)},
        {QStringLiteral("action"), QString::fromStdString(entry.action)},
        {QStringLiteral("subject"), QString::fromStdString(entry.subject)},
        {QStringLiteral("details"),
         QJsonDocument::fromJson(QByteArray::fromStdString(entry.details)).object()},
        {QStringLiteral("previous_hash"), QString::fromStdString(entry.previousHash)},
        {QStringLiteral("hash"), QString::fromStdString(entry.hash)},
    };
}

QJsonObject toJson(const AuditVerification &verification)
{
    QJsonObject object{{QStringLiteral("ok"), verification.ok},
                       {QStringLiteral("entries_checked"), qint64(verification.checked)}};
    if (verification.ok)
        object.insert(QStringLiteral("head"), QString::fromStdString(verification.headHash));
    else {
        object.insert(QStringLiteral("first_bad_entry"), qint64(verification.firstBadSeq));
        object.insert(QStringLiteral("reason"), QString::fromStdString(verification.reason));
    }
    return object;
}

int verify(const AuditTrail &trail, bool json)
{
    const AuditVerification verification = trail.verify();
    if (json)
        printOut(QJsonDocument(toJson(verification)).toJson(QJsonDocument::Indented).toStdString());
    else if (verification.ok)
        printOut("Audit trail intact: " + std::to_string(verification.checked) + " entries; head " +
                 verification.headHash);
    if (verification.ok)
        return Success;
    if (!json)
        printErr("chorus-cli audit: " + verification.reason);
    return Failure;
}

} // namespace

int runAudit(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Show the case's audit trail: every import, analysis run, annotation change, export "
        "and report, with its time (UTC), analyst and hash. With --verify, recompute the hash "
        "chain and exit 1 naming the first entry that does not match."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    parser.addOption({QStringLiteral("verify"),
                      QStringLiteral("Check the hash chain and the append-only triggers.")});
    parser.addPositionalArgument(QStringLiteral("case"), QStringLiteral("Case file (*.chorus)."));
    if (const auto done = parseCaseCommand(parser, arguments, "audit"))
        return *done;
    const auto store = CaseStore::open(parser.positionalArguments().first().toStdString());
    if (!store) {
        printErr("chorus-cli: " + store.error().message);
        return Failure;
    }
    const bool json = parser.isSet(QStringLiteral("json"));
    const auto done = guardSql(store.value()->path(), [&]() -> Result<int> {
        const AuditTrail trail(store.value()->db());
        if (parser.isSet(QStringLiteral("verify")))
            return verify(trail, json);
        const std::vector<AuditEntry> entries = trail.entries();
        if (json) {
            QJsonArray array;
            for (const AuditEntry &entry : entries)
                array.append(toJson(entry));
            const QJsonObject root{
                {QStringLiteral("entries"), array},
                {QStringLiteral("head"), QString::fromStdString(trail.headHash())}};
            printOut(QJsonDocument(root).toJson(QJsonDocument::Indented).toStdString());
            return Success;
        }
        for (const AuditEntry &entry : entries)
            printOut("#" + std::to_string(entry.seq) + "  " + formatTimestamp(entry.at) + "  " +
                     oneLine(entry.analyst, 24).toStdString() + "  " + entry.action + "  " +
                     oneLine(entry.subject, 60).toStdString() + "\n    " +
                     oneLine(entry.details, 160).toStdString() + "\n    hash " + entry.hash);
        printOut("Head (case fingerprint): " + trail.headHash());
        return Success;
    });
    if (!done) {
        printErr("chorus-cli: " + done.error().message);
        return Failure;
    }
    return done.value();
}

} // namespace chorus::cli
