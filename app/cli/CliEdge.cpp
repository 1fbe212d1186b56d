#include "CliSupport.h"

#include "query/NetworkQueries.h"
#include "store/CaseStore.h"
#include "text/TimeParser.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace chorus::cli {

namespace {

QJsonObject toJson(const EdgeEvidence &e)
{
    return QJsonObject{{QStringLiteral("type"), QString::fromStdString(e.type)},
                       {QStringLiteral("object"), QString::fromStdString(e.object)},
                       {QStringLiteral("post_a"), QString::fromStdString(e.platformPostA)},
                       {QStringLiteral("time_a"), qint64(e.timeA)},
                       {QStringLiteral("text_a"), QString::fromStdString(e.textA)},
                       {QStringLiteral("post_b"), QString::fromStdString(e.platformPostB)},
                       {QStringLiteral("time_b"), qint64(e.timeB)},
                       {QStringLiteral("text_b"), QString::fromStdString(e.textB)}};
}

// Imported text shown on a terminal: one line, no control characters.
std::string oneLine(const std::string &text)
{
    std::string line;
    for (char c : text)
        line += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? ' ' : c;
    return line.size() > 100 ? line.substr(0, 100) + "..." : line;
}

} // namespace

int runEdge(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Show the evidence for a link of the latest network run: the posts of the two accounts "
        "on shared objects within the run's window."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("case"), QStringLiteral("Case file (*.chorus)."));
    parser.addPositionalArgument(QStringLiteral("account"),
                                 QStringLiteral("Platform id or handle."));
    parser.addPositionalArgument(QStringLiteral("other"), QStringLiteral("Platform id or handle."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOption(json);
    if (!parser.parse(arguments)) {
        printErr("chorus-cli edge: " + parser.errorText().toStdString());
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(commandHelp(parser, "edge"));
        return Success;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 3) {
        printErr("chorus-cli edge: expected CASE ACCOUNT ACCOUNT (see --help)");
        return UsageError;
    }
    auto store = CaseStore::open(positional.at(0).toStdString());
    if (!store) {
        printErr("chorus-cli: " + store.error().message);
        return Failure;
    }
    const NetworkQueries queries(*store.value());
    std::int64_t ids[2] = {0, 0};
    for (int i = 0; i < 2; ++i) {
        const std::string name = positional.at(i + 1).toStdString();
        const auto id = queries.findAccount(name);
        if (!id || id.value() <= 0) {
            printErr("chorus-cli: " +
                     (!id ? id.error().message
                          : (id.value() == 0 ? "no account '" : "several accounts match '") + name +
                                "'"));
            return Failure;
        }
        ids[i] = id.value();
    }
    const auto run = queries.latestRun();
    if (!run || !run.value()) {
        printErr("chorus-cli: " +
                 (!run ? run.error().message
                       : std::string("the case has no network run yet: run 'chorus-cli network "
                                     "CASE' first")));
        return Failure;
    }
    NullProgress progress;
    const auto evidence = queries.evidence(run.value()->id, ids[0], ids[1], progress);
    if (!evidence) {
        printErr("chorus-cli: " + evidence.error().message);
        return Failure;
    }
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const EdgeEvidence &e : evidence.value())
            array.append(toJson(e));
        printOut(QJsonDocument(QJsonObject{{QStringLiteral("run"), qint64(run.value()->id)},
                                           {QStringLiteral("evidence"), array}})
                     .toJson(QJsonDocument::Indented)
                     .toStdString());
        return Success;
    }
    printOut(std::to_string(evidence->size()) + " co-actions within " +
             std::to_string(run.value()->parameters.windowSeconds) + " s (network run " +
             std::to_string(run.value()->id) + ")");
    for (const EdgeEvidence &e : evidence.value()) {
        printOut(e.type + " on " + oneLine(e.object) + " (gap " +
                 std::to_string(std::abs(e.timeB - e.timeA)) + " s)");
        printOut("  " + formatTimestamp(e.timeA) + "  " + e.platformPostA + "  " +
                 oneLine(e.textA));
        printOut("  " + formatTimestamp(e.timeB) + "  " + e.platformPostB + "  " +
                 oneLine(e.textB));
    }
    return Success;
}

} // namespace chorus::cli
