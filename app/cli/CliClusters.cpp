#include "CliSupport.h"

#include "query/ClusterQueries.h"
#include "store/CaseStore.h"
#include "text/TimeParser.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace chorus::cli {

namespace {

QJsonObject toJson(const ClusterInfo &c, const std::vector<ClusterMemberInfo> *members)
{
    QJsonObject object{
        {QStringLiteral("id"), c.number},
        {QStringLiteral("size"), qint64(c.size)},
        {QStringLiteral("accounts"), qint64(c.accounts)},
        {QStringLiteral("first"), QString::fromStdString(formatTimestamp(c.firstAt))},
        {QStringLiteral("last"), QString::fromStdString(formatTimestamp(c.lastAt))},
        {QStringLiteral("score"), c.score},
        {QStringLiteral("text"), QString::fromStdString(c.representativeText)},
        {QStringLiteral("campaign"), c.campaign > 0 ? QJsonValue(c.campaign) : QJsonValue()}};
    if (c.geography) {
        const ClusterGeography &g = *c.geography;
        QJsonArray top;
        for (const auto &[country, accounts] : g.topCountries)
            top.append(QJsonArray{QString::fromStdString(country), qint64(accounts)});
        QJsonArray places;
        for (const TextPlace &p : g.textPlaces)
            places.append(
                QJsonObject{{QStringLiteral("name"), QString::fromStdString(p.name)},
                            {QStringLiteral("country"), QString::fromStdString(p.country)},
                            {QStringLiteral("admin1"), QString::fromStdString(p.admin1)}});
        QJsonObject continents;
        for (const auto &[continent, accounts] : g.continents)
            continents.insert(QString::fromStdString(continent), qint64(accounts));
        object.insert(QStringLiteral("geography"),
                      QJsonObject{{QStringLiteral("located_accounts"), qint64(g.located)},
                                  {QStringLiteral("claimed_countries"), qint64(g.claimedCountries)},
                                  {QStringLiteral("top_countries"), top},
                                  {QStringLiteral("continents"), continents},
                                  {QStringLiteral("text_places"), places},
                                  {QStringLiteral("place_mismatch"), g.placeMismatch},
                                  {QStringLiteral("far_share"), g.farShare}});
    } else {
        object.insert(QStringLiteral("geography"), QJsonValue());
    }
    if (members) {
        QJsonArray ids;
        for (const ClusterMemberInfo &m : *members)
            ids.append(QString::fromStdString(m.platformId));
        object.insert(QStringLiteral("members"), ids);
    }
    return object;
}

void printTable(const std::vector<ClusterInfo> &clusters,
                const std::vector<std::vector<ClusterMemberInfo>> &members, bool withMembers)
{
    std::printf("%5s %7s %7s %8s  %-16s  %-16s  %s\n", "#", "score", "posts", "accounts", "first",
                "last", "text");
    for (std::size_t i = 0; i < clusters.size(); ++i) {
        const ClusterInfo &c = clusters[i];
        std::printf("%5d %7.2f %7lld %8lld  %-16.16s  %-16.16s  %s\n", c.number, c.score,
                    static_cast<long long>(c.size), static_cast<long long>(c.accounts),
                    formatTimestamp(c.firstAt).c_str(), formatTimestamp(c.lastAt).c_str(),
                    oneLine(c.representativeText, 70).toUtf8().constData());
        std::string why = "      score = ";
        for (std::size_t k = 0; k < c.components.size(); ++k)
            why += (k ? " + " : "") + c.components[k].name + " " +
                   formatNumber(c.components[k].contribution, 2);
        std::printf("%s; busiest 10 min %s%%; languages %s%s\n", why.c_str(),
                    formatNumber(c.busiestShare * 100, 0).c_str(), c.languages.c_str(),
                    c.campaign > 0 ? ("; campaign " + std::to_string(c.campaign)).c_str() : "");
        if (c.geography)
            std::printf("      %s\n", oneLine(c.geography->summary(), 150).toUtf8().constData());
        if (!withMembers)
            continue;
        for (const ClusterMemberInfo &m : members[i])
            std::printf("      %-20s %-16.16s @%-15s %.2f  %s\n", m.platformId.c_str(),
                        formatTimestamp(m.createdAt).c_str(), m.accountHandle.c_str(), m.similarity,
                        oneLine(m.text, 50).toUtf8().constData());
    }
}

} // namespace

int runClusters(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("List the clusters of the latest text-clustering run, highest score "
                       "first."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("top"), QStringLiteral("Show the N best clusters only."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("members"), QStringLiteral("List each cluster's posts.")});
    parser.addOption({QStringLiteral("run"),
                      QStringLiteral("Show run ID instead of the latest one."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    parser.addPositionalArgument(QStringLiteral("case"), QStringLiteral("Case file (*.chorus)."));
    if (const auto done = parseCaseCommand(parser, arguments, "clusters"))
        return *done;
    int top = -1;
    if (parser.isSet(QStringLiteral("top"))) {
        bool ok = false;
        top = parser.value(QStringLiteral("top")).toInt(&ok);
        if (!ok || top < 1) {
            printErr("chorus-cli clusters: --top takes a whole number of at least 1");
            return UsageError;
        }
    }
    auto store = CaseStore::open(parser.positionalArguments().first().toStdString());
    if (!store) {
        printErr("chorus-cli: " + store.error().message);
        return Failure;
    }
    const ClusterQueries queries(*store.value());
    std::int64_t runId = 0;
    if (parser.isSet(QStringLiteral("run"))) {
        bool ok = false;
        runId = parser.value(QStringLiteral("run")).toLongLong(&ok);
        if (!ok) {
            printErr("chorus-cli clusters: --run takes a run id");
            return UsageError;
        }
    } else {
        const auto latest = latestClusterRunOrExplain(*store.value());
        if (!latest)
            return Failure;
        runId = *latest;
    }
    const auto clusters = queries.clusters(runId, top);
    if (!clusters) {
        printErr("chorus-cli: " + clusters.error().message);
        return Failure;
    }
    const bool withMembers = parser.isSet(QStringLiteral("members"));
    std::vector<std::vector<ClusterMemberInfo>> members(clusters->size());
    if (withMembers) {
        for (std::size_t i = 0; i < clusters->size(); ++i) {
            auto list = queries.members(clusters.value()[i].id);
            if (!list) {
                printErr("chorus-cli: " + list.error().message);
                return Failure;
            }
            members[i] = std::move(list).value();
        }
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (std::size_t i = 0; i < clusters->size(); ++i)
            array.append(toJson(clusters.value()[i], withMembers ? &members[i] : nullptr));
        printOut(QJsonDocument(array).toJson(QJsonDocument::Indented).toStdString());
        return Success;
    }
    printOut("Run " + std::to_string(runId) + ": " + std::to_string(clusters->size()) +
             " clusters shown");
    std::fflush(stdout);
    printTable(clusters.value(), members, withMembers);
    return Success;
}

} // namespace chorus::cli
