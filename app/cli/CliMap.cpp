#include "CliSupport.h"

#include "geo/WorldMap.h"
#include "query/GeoQueries.h"
#include "render/DrawingFile.h"
#include "render/MapPainter.h"
#include "store/CaseStore.h"

#include <QCommandLineParser>

#include <climits>

namespace chorus::cli {

int runMap(const QStringList &arguments)
{
    constexpr int DefaultWidth = 1800;
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Draw where the case's accounts say they are on a world map (Equal Earth projection), "
        "bubbles sized by accounts, with a cluster's or campaign's accounts in red, as SVG or "
        "PDF (vector) or PNG. Resolve the locations first (analyze, or geocode --accounts)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("case"), QStringLiteral("Case file (*.chorus)."));
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("The map: FILE.svg, FILE.pdf or FILE.png."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption cluster(QStringLiteral("cluster"),
                                     QStringLiteral("Highlight the accounts of cluster N."),
                                     QStringLiteral("N"));
    const QCommandLineOption campaign(QStringLiteral("campaign"),
                                      QStringLiteral("Highlight the accounts of campaign C."),
                                      QStringLiteral("C"));
    const QCommandLineOption signalled(
        QStringLiteral("signals"),
        QStringLiteral("Highlight the accounts with a signal fired in the latest network run."));
    const QCommandLineOption width(
        QStringLiteral("width"),
        QStringLiteral("Width in pixels (PDF: points; default %1).").arg(DefaultWidth),
        QStringLiteral("PX"));
    parser.addOptions({output, cluster, campaign, signalled, width});
    if (const auto done = parseCaseCommand(parser, arguments, "map"))
        return *done;
    auto usage = [](const std::string &message) {
        printErr("chorus-cli map: " + message);
        return int(UsageError);
    };
    const std::string path = parser.value(output).toStdString();
    if (path.empty() || !render::isDrawingFileName(path))
        return usage("-o FILE must end in .svg, .pdf or .png");
    auto number = [&](const QCommandLineOption &option, int minimum, int maximum, int &value) {
        if (!parser.isSet(option))
            return true;
        bool ok = false;
        value = parser.value(option).toInt(&ok);
        return ok && value >= minimum && value <= maximum;
    };
    MapSceneOptions options;
    int pixels = DefaultWidth;
    if (!number(cluster, 1, INT_MAX, options.cluster))
        return usage("--cluster takes a cluster number (>= 1)");
    if (!number(campaign, 1, INT_MAX, options.campaign))
        return usage("--campaign takes a campaign id (>= 1)");
    options.signalled = parser.isSet(signalled);
    if (int(options.cluster > 0) + int(options.campaign > 0) + int(options.signalled) > 1)
        return usage("--cluster, --campaign and --signals exclude each other");
    if (!number(width, 200, 20000, pixels))
        return usage("--width takes a number of pixels from 200 to 20000");
    auto store = CaseStore::open(parser.positionalArguments().first().toStdString());
    if (!store) {
        printErr("chorus-cli: " + store.error().message);
        return Failure;
    }
    const auto scene = GeoQueries(*store.value()).scene(options);
    if (!scene) {
        printErr("chorus-cli map: " + scene.error().message);
        return Failure;
    }
    const auto world = WorldMap::standard();
    if (!world) {
        printErr("chorus-cli map: " + world.error().message);
        return Failure;
    }
    if (const Status written = render::writeMapFile(*world.value(), scene.value(), path, pixels);
        !written) {
        printErr("chorus-cli map: " + written.error().message);
        return Failure;
    }
    printOut(scene->title + ": " + scene->subtitle + "; " + std::to_string(scene->bubbles.size()) +
             " places -> " + path);
    return Success;
}

} // namespace chorus::cli
