#include "CliSupport.h"

#include "network/NetworkTypes.h"
#include "query/GraphQueries.h"
#include "render/GraphExport.h"
#include "store/CaseStore.h"

#include <QCommandLineParser>

#include <climits>

namespace chorus::cli {

int runGraph(const QStringList &arguments)
{
    constexpr int DefaultLabels = 30;
    constexpr int DefaultWidth = 1800;
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Draw the coordination network of the latest network run, or the co-text network of a "
        "cluster or campaign, as SVG or PDF (vector, labels as text) or PNG. Works without a "
        "display."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("case"), QStringLiteral("Case file (*.chorus)."));
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("The drawing: FILE.svg, FILE.pdf or FILE.png."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption cluster(
        QStringLiteral("cluster"),
        QStringLiteral("The co-text network of cluster N of the latest clustering run."),
        QStringLiteral("N"));
    const QCommandLineOption campaign(
        QStringLiteral("campaign"),
        QStringLiteral("The co-text network of the clusters of campaign C."), QStringLiteral("C"));
    const QCommandLineOption community(QStringLiteral("community"),
                                       QStringLiteral("Only community C of the network run."),
                                       QStringLiteral("C"));
    const QCommandLineOption minWeight(QStringLiteral("min-weight"),
                                       QStringLiteral("Only links of at least W shared objects "
                                                      "(default 1: all the run kept)."),
                                       QStringLiteral("W"));
    const QCommandLineOption type(
        QStringLiteral("type"),
        QStringLiteral("Only links of these types (co-text,co-repost,co-reply,co-link,"
                       "co-hashtag; default: all)."),
        QStringLiteral("TYPES"));
    const QCommandLineOption labels(
        QStringLiteral("labels"),
        QStringLiteral("Label at most N accounts, heaviest first (default %1).").arg(DefaultLabels),
        QStringLiteral("N"));
    const QCommandLineOption width(
        QStringLiteral("width"),
        QStringLiteral("Width in pixels (PDF: points; default %1).").arg(DefaultWidth),
        QStringLiteral("PX"));
    const QCommandLineOption colour(
        QStringLiteral("colour"),
        QStringLiteral("Colour the accounts by community (default), campaign, signals or the "
                       "country they claim (country)."),
        QStringLiteral("BY"));
    parser.addOptions(
        {output, cluster, campaign, community, minWeight, type, labels, width, colour});
    if (const auto done = parseCaseCommand(parser, arguments, "graph"))
        return *done;
    auto usage = [](const std::string &message) {
        printErr("chorus-cli graph: " + message);
        return int(UsageError);
    };
    const std::string path = parser.value(output).toStdString();
    if (path.empty() || !render::isGraphFileName(path))
        return usage("-o FILE must end in .svg, .pdf or .png");
    GraphSceneOptions options;
    render::GraphStyle style;
    style.labels = DefaultLabels;
    int pixels = DefaultWidth;
    bool ok = true;
    auto number = [&](const QCommandLineOption &option, long long minimum, long long &value) {
        if (!parser.isSet(option))
            return true;
        value = parser.value(option).toLongLong(&ok);
        return ok && value >= minimum && value <= INT_MAX;
    };
    long long value = 0;
    if (!number(cluster, 1, value))
        return usage("--cluster takes a cluster number (>= 1)");
    options.cluster = parser.isSet(cluster) ? int(value) : 0;
    if (!number(campaign, 1, value))
        return usage("--campaign takes a campaign id (>= 1)");
    options.campaign = parser.isSet(campaign) ? int(value) : 0;
    if (!number(community, 0, value))
        return usage("--community takes a community number (>= 0)");
    options.community = parser.isSet(community) ? int(value) : -1;
    if (!number(minWeight, 1, value))
        return usage("--min-weight takes a whole number >= 1");
    options.minWeight = parser.isSet(minWeight) ? value : 1;
    if (!number(labels, 0, value))
        return usage("--labels takes a whole number >= 0");
    style.labels = parser.isSet(labels) ? int(value) : DefaultLabels;
    if (!number(width, 200, value) || value > 20000)
        return usage("--width takes a number of pixels from 200 to 20000");
    pixels = parser.isSet(width) ? int(value) : DefaultWidth;
    if (parser.isSet(type)) {
        const auto types = parseCoActionTypes(parser.value(type).toStdString());
        if (!types)
            return usage("unknown --type '" + parser.value(type).toStdString() +
                         "' (use co-text, co-repost, co-reply, co-link, co-hashtag)");
        options.types = *types;
    }
    GraphScene::Colouring colouring = GraphScene::Colouring::Community;
    if (parser.isSet(colour)) {
        const QString by = parser.value(colour);
        if (by == QLatin1String("campaign"))
            colouring = GraphScene::Colouring::Campaign;
        else if (by == QLatin1String("signals"))
            colouring = GraphScene::Colouring::Signals;
        else if (by == QLatin1String("country"))
            colouring = GraphScene::Colouring::Country;
        else if (by != QLatin1String("community"))
            return usage("--colour takes community, campaign, signals or country");
    }
    if (options.cluster > 0 && options.campaign > 0)
        return usage("--cluster and --campaign exclude each other");

    auto store = CaseStore::open(parser.positionalArguments().first().toStdString());
    if (!store) {
        printErr("chorus-cli: " + store.error().message);
        return Failure;
    }
    TerminalProgress progress;
    auto scene = GraphQueries(*store.value()).scene(options, progress);
    if (!scene) {
        printErr("chorus-cli: " + scene.error().message);
        return Failure;
    }
    scene->colouring = colouring;
    if (const Status written = render::writeGraphFile(scene.value(), path, pixels, style);
        !written) {
        printErr("chorus-cli: " + written.error().message);
        return Failure;
    }
    printOut(scene->title + ": " + scene->subtitle);
    printOut("Wrote: " + path);
    return Success;
}

} // namespace chorus::cli
