#include "CliSupport.h"

#include "query/NetworkQueries.h"
#include "store/CaseStore.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace chorus::cli {

namespace {

QJsonObject toJson(const AccountReport &r)
{
    QJsonArray signalArray;
    for (const AccountSignalRow &s : r.signalRows)
        signalArray.append(
            QJsonObject{{QStringLiteral("signal"), QString::fromStdString(s.signal)},
                        {QStringLiteral("value"), s.value},
                        {QStringLiteral("explanation"), QString::fromStdString(s.explanation)}});
    QJsonObject o{{QStringLiteral("account_id"), qint64(r.node.accountId)},
                  {QStringLiteral("platform_id"), QString::fromStdString(r.node.platformId)},
                  {QStringLiteral("handle"), QString::fromStdString(r.node.handle)},
                  {QStringLiteral("posts"), qint64(r.posts)},
                  {QStringLiteral("in_network"), r.inNetwork},
                  {QStringLiteral("signals"), signalArray}};
    if (r.inNetwork) {
        o.insert(QStringLiteral("community"), r.node.community);
        o.insert(QStringLiteral("component"), r.node.component);
        o.insert(QStringLiteral("degree"), qint64(r.node.degree));
        o.insert(QStringLiteral("weighted_degree"), r.node.weightedDegree);
        o.insert(QStringLiteral("betweenness"), r.node.betweenness);
        o.insert(QStringLiteral("kcore"), r.node.kcore);
    }
    return o;
}

std::string fixed(double value, int decimals)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

} // namespace

int runAccounts(const QStringList &arguments)
{
    constexpr int DefaultTop = 20;
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "List the accounts of the latest network run with their signals, most suspicious first."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("case"), QStringLiteral("Case file (*.chorus)."));
    const QCommandLineOption top(QStringLiteral("top"),
                                 QStringLiteral("How many accounts (default %1).").arg(DefaultTop),
                                 QStringLiteral("N"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOptions({top, json});
    if (const auto done = parseCaseCommand(parser, arguments, "accounts"))
        return *done;
    int limit = DefaultTop;
    bool ok = true;
    if (parser.isSet(top) && ((limit = parser.value(top).toInt(&ok)), !ok || limit < 1)) {
        printErr("chorus-cli accounts: --top must be a whole number >= 1");
        return UsageError;
    }
    auto store = CaseStore::open(parser.positionalArguments().first().toStdString());
    if (!store) {
        printErr("chorus-cli: " + store.error().message);
        return Failure;
    }
    const NetworkQueries queries(*store.value());
    const auto run = queries.latestRun();
    if (!run) {
        printErr("chorus-cli: " + run.error().message);
        return Failure;
    }
    if (!run.value()) {
        printErr(
            "chorus-cli: the case has no network run yet: run 'chorus-cli network CASE' first");
        return Failure;
    }
    const auto accounts = queries.topAccounts(run.value()->id, limit);
    if (!accounts) {
        printErr("chorus-cli: " + accounts.error().message);
        return Failure;
    }
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const AccountReport &r : accounts.value())
            array.append(toJson(r));
        const QJsonObject root{{QStringLiteral("run"), qint64(run.value()->id)},
                               {QStringLiteral("accounts"), array}};
        printOut(QJsonDocument(root).toJson(QJsonDocument::Indented).toStdString());
        return Success;
    }
    printOut("Network run " + std::to_string(run.value()->id) + ": top " +
             std::to_string(accounts->size()) + " accounts");
    for (const AccountReport &r : accounts.value()) {
        std::string line =
            (r.node.handle.empty() ? r.node.platformId
                                   : r.node.handle + " (" + r.node.platformId + ")") +
            ": " + std::to_string(r.posts) + " posts";
        if (r.inNetwork)
            line += ", community " + std::to_string(r.node.community) + ", degree " +
                    std::to_string(r.node.degree) + ", weighted degree " +
                    fixed(r.node.weightedDegree, 0) + ", k-core " + std::to_string(r.node.kcore);
        line += ", " + std::to_string(r.signalRows.size()) + " signals";
        printOut(line);
        for (const AccountSignalRow &s : r.signalRows)
            printOut("  " + s.signal + ": " + s.explanation);
    }
    return Success;
}

} // namespace chorus::cli
