#include "CliSupport.h"

#include "clustering/TextClusterAnalysis.h"
#include "store/CaseStore.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>

namespace chorus::cli {

namespace {

bool readNumber(const QCommandLineParser &parser, const QString &name, double &value)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    value = parser.value(name).toDouble(&ok);
    return ok;
}

} // namespace

int runAnalyze(const QStringList &arguments)
{
    const ClusterParameters defaults;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Cluster posts whose texts are copies or near copies of each other."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("threshold"),
                      QStringLiteral("Jaccard similarity of character shingles at which two "
                                     "texts are near copies (default %1).")
                          .arg(defaults.threshold),
                      QStringLiteral("T")});
    parser.addOption(
        {QStringLiteral("shingle"),
         QStringLiteral("Shingle length in characters (default %1).").arg(defaults.shingleSize),
         QStringLiteral("K")});
    parser.addOption({QStringLiteral("min-cluster"),
                      QStringLiteral("Report clusters of at least N posts (default %1).")
                          .arg(defaults.minClusterSize),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("include-reposts"),
                      QStringLiteral("Cluster reposts as text too (left out by default).")});
    parser.addOption({QStringLiteral("memory-budget"),
                      QStringLiteral("Stop before starting when the run would need more memory "
                                     "than MB MiB (default: CHORUS_MEMORY_BUDGET, else half of "
                                     "this machine's memory)."),
                      QStringLiteral("MB")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    parser.addPositionalArgument(QStringLiteral("case"), QStringLiteral("Case file (*.chorus)."));
    if (const auto done = parseCaseCommand(parser, arguments, "analyze"))
        return *done;
    ClusterParameters parameters;
    double shingle = parameters.shingleSize;
    double minCluster = parameters.minClusterSize;
    if (!readNumber(parser, QStringLiteral("threshold"), parameters.threshold) ||
        parameters.threshold <= 0 || parameters.threshold > 1) {
        printErr("chorus-cli analyze: --threshold takes a number in (0, 1]");
        return UsageError;
    }
    if (!readNumber(parser, QStringLiteral("shingle"), shingle) || shingle < 1 || shingle > 64) {
        printErr("chorus-cli analyze: --shingle takes a whole number from 1 to 64");
        return UsageError;
    }
    if (!readNumber(parser, QStringLiteral("min-cluster"), minCluster) || minCluster < 2) {
        printErr("chorus-cli analyze: --min-cluster takes a whole number of at least 2");
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("memory-budget"))) {
        // As for `network`: a whole number of MiB, at least 1.
        bool ok = false;
        parameters.memoryBudgetMegabytes =
            parser.value(QStringLiteral("memory-budget")).toLongLong(&ok);
        if (!ok || parameters.memoryBudgetMegabytes < 1) {
            printErr("chorus-cli analyze: --memory-budget must be a whole number of MiB >= 1");
            return UsageError;
        }
    }
    parameters.shingleSize = int(shingle);
    parameters.minClusterSize = int(minCluster);
    parameters.includeReposts = parser.isSet(QStringLiteral("include-reposts"));

    auto store = CaseStore::open(parser.positionalArguments().first().toStdString());
    if (!store) {
        printErr("chorus-cli: " + store.error().message);
        return Failure;
    }
    const auto result = [&] {
        TerminalProgress progress;
        return runTextClusterAnalysis(store.value()->db(), parameters, progress);
    }();
    if (!result) {
        printErr("chorus-cli: " + result.error().message);
        return Failure;
    }
    const TextClusterRunResult &r = result.value();
    if (parser.isSet(QStringLiteral("json"))) {
        const QJsonObject root{{QStringLiteral("run"), qint64(r.runId)},
                               {QStringLiteral("input_posts"), qint64(r.stats.posts)},
                               {QStringLiteral("distinct_texts"), qint64(r.stats.normalizedTexts)},
                               {QStringLiteral("clusters"), qint64(r.clusters)},
                               {QStringLiteral("clustered_posts"), qint64(r.clusteredPosts)}};
        printOut(QJsonDocument(root).toJson(QJsonDocument::Indented).toStdString());
        return Success;
    }
    printOut("Run " + std::to_string(r.runId) + ": " + std::to_string(r.clusters) +
             " clusters holding " + std::to_string(r.clusteredPosts) + " of " +
             std::to_string(r.stats.posts) + " posts (" + std::to_string(r.stats.normalizedTexts) +
             " distinct texts after normalisation)");
    printOut("See them with: chorus-cli clusters " +
             parser.positionalArguments().first().toStdString());
    return Success;
}

} // namespace chorus::cli
