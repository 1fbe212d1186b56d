#include "CliSupport.h"

#include "network/NetworkAnalysis.h"
#include "query/NetworkQueries.h"
#include "report/NetworkExport.h"
#include "store/CaseStore.h"

#include <QCommandLineParser>

#include <cstdio>

namespace chorus::cli {

int runNetwork(const QStringList &arguments)
{
    const NetworkParameters defaults;
    std::uint8_t allTypes = 0;
    for (CoActionType type : AllCoActionTypes)
        allTypes |= std::uint8_t(type);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Build the coordination network of a case, measure it, evaluate account signals, "
        "store the run and optionally write it to a file (.csv, .graphml, .gexf)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("case"), QStringLiteral("Case file (*.chorus)."));
    const QCommandLineOption type(
        QStringLiteral("type"),
        QStringLiteral("Networks to combine: co-text,co-repost,co-reply,co-link,"
                       "co-hashtag (default: %1).")
            .arg(defaults.types == allTypes
                     ? QStringLiteral("all")
                     : QString::fromStdString(coActionNames(defaults.types))),
        QStringLiteral("TYPES"));
    const QCommandLineOption window(
        QStringLiteral("window"),
        QStringLiteral("Coordination window in seconds (default %1).").arg(defaults.windowSeconds),
        QStringLiteral("S"));
    const QCommandLineOption minWeight(
        QStringLiteral("min-weight"),
        QStringLiteral("Minimum shared objects per edge (default %1).").arg(defaults.minWeight),
        QStringLiteral("W"));
    const QCommandLineOption resolution(
        QStringLiteral("resolution"),
        QStringLiteral("Louvain resolution (default %1).").arg(defaults.resolution, 0, 'f', 1),
        QStringLiteral("R"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QStringLiteral("Seed (default %1).").arg(defaults.seed),
                                  QStringLiteral("N"));
    const QCommandLineOption noLayout(QStringLiteral("no-layout"),
                                      QStringLiteral("Skip the drawing layout."));
    const QCommandLineOption memoryBudget(
        QStringLiteral("memory-budget"),
        QStringLiteral("Count pairs within a quarter of MB MiB, in more passes when it is small "
                       "(default: CHORUS_MEMORY_BUDGET, else half of this machine's memory)."),
        QStringLiteral("MB"));
    const QCommandLineOption output(
        QStringList{QStringLiteral("o"), QStringLiteral("output")},
        QStringLiteral("Write the network to FILE (.csv, .graphml or .gexf)."),
        QStringLiteral("FILE"));
    parser.addOptions({type, window, minWeight, resolution, seed, noLayout, memoryBudget, output});
    if (const auto done = parseCaseCommand(parser, arguments, "network"))
        return *done;
    NetworkParameters parameters;
    auto usage = [](const std::string &message) {
        printErr("chorus-cli network: " + message);
        return int(UsageError);
    };
    if (parser.isSet(type)) {
        const auto types = parseCoActionTypes(parser.value(type).toStdString());
        if (!types)
            return usage("unknown --type '" + parser.value(type).toStdString() +
                         "' (use co-text, co-repost, co-reply, co-link, co-hashtag)");
        parameters.types = *types;
    }
    bool ok = true;
    if (parser.isSet(window) && ((parameters.windowSeconds = parser.value(window).toLongLong(&ok)),
                                 !ok || parameters.windowSeconds < 0))
        return usage("--window must be a number of seconds >= 0");
    if (parser.isSet(minWeight) &&
        ((parameters.minWeight = parser.value(minWeight).toLongLong(&ok)),
         !ok || parameters.minWeight < 1))
        return usage("--min-weight must be a whole number >= 1");
    if (parser.isSet(resolution) &&
        ((parameters.resolution = parser.value(resolution).toDouble(&ok)),
         !ok || parameters.resolution <= 0))
        return usage("--resolution must be a number > 0");
    if (parser.isSet(seed) && ((parameters.seed = parser.value(seed).toULongLong(&ok)), !ok))
        return usage("--seed must be a whole number");
    if (parser.isSet(memoryBudget) &&
        ((parameters.memoryBudgetMegabytes = parser.value(memoryBudget).toLongLong(&ok)),
         !ok || parameters.memoryBudgetMegabytes < 1))
        return usage("--memory-budget must be a whole number of MiB >= 1");
    parameters.layout = !parser.isSet(noLayout);
    const std::string outputPath = parser.value(output).toStdString();
    if (parser.isSet(output) && !isNetworkFileName(outputPath))
        return usage("-o FILE must end in .csv, .graphml or .gexf");

    auto store = CaseStore::open(parser.positionalArguments().first().toStdString());
    if (!store) {
        printErr("chorus-cli: " + store.error().message);
        return Failure;
    }
    TerminalProgress progress;
    const auto run = runNetworkAnalysis(store.value()->db(), parameters, progress);
    if (!run) {
        printErr("chorus-cli: " + run.error().message);
        return Failure;
    }
    const NetworkRunSummary &s = run.value();
    printOut("Run:          " + std::to_string(s.runId));
    std::string actions;
    for (const auto &[name, count] : s.eventsPerType)
        actions += (actions.empty() ? "" : ", ") + name + " " + std::to_string(count);
    printOut("Actions:      " + actions);
    printOut("Window:       " + std::to_string(parameters.windowSeconds) + " s, minimum weight " +
             std::to_string(parameters.minWeight));
    printOut("Co-actions:   " + std::to_string(s.coActions));
    printOut("Pair passes:  " + std::to_string(s.pairPasses));
    printOut("Edges:        " + std::to_string(s.edges));
    printOut("Nodes:        " + std::to_string(s.nodes));
    printOut("Components:   " + std::to_string(s.components));
    printOut("Communities:  " + std::to_string(s.communities) + " (modularity " +
             formatNumber(s.modularity, 3) + ")");
    printOut("Flagged:      " + std::to_string(s.accountsFlagged) + " accounts, " +
             std::to_string(s.signalsFired) + " signals");
    if (s.suggestion.seconds > 0)
        printOut("Suggested window: " + std::to_string(s.suggestion.seconds) + " s (from " +
                 s.suggestionType + ": " + s.suggestion.explanation + ")");
    else
        printOut("Suggested window: none (" + s.suggestion.explanation + ")");
    if (!outputPath.empty()) {
        const NetworkQueries queries(*store.value());
        const auto data = loadNetworkExport(queries, s.runId);
        if (!data) {
            printErr("chorus-cli: " + data.error().message);
            return Failure;
        }
        if (const Status written = writeNetworkFile(data.value(), outputPath); !written) {
            printErr("chorus-cli: " + written.error().message);
            return Failure;
        }
        printOut("Wrote:        " + outputPath);
    }
    return Success;
}

} // namespace chorus::cli
