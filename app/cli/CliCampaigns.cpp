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

QJsonObject toJson(const CampaignInfo &c)
{
    QJsonArray clusters;
    for (int number : c.clusters)
        clusters.append(number);
    QJsonObject languages;
    for (const auto &[language, posts] : c.languages)
        languages.insert(QString::fromStdString(language), qint64(posts));
    QJsonArray links;
    for (const CampaignLink &l : c.links)
        links.append(QJsonObject{{QStringLiteral("clusters"), QJsonArray{l.clusterA, l.clusterB}},
                                 {QStringLiteral("shared_accounts"), qint64(l.sharedAccounts)},
                                 {QStringLiteral("smaller_accounts"), qint64(l.smallerAccounts)},
                                 {QStringLiteral("overlap"), l.overlap},
                                 {QStringLiteral("expected_by_chance"), l.expected}});
    return QJsonObject{
        {QStringLiteral("id"), c.id},
        {QStringLiteral("clusters"), clusters},
        {QStringLiteral("languages"), languages},
        {QStringLiteral("accounts"), qint64(c.accounts)},
        {QStringLiteral("posts"), qint64(c.posts)},
        {QStringLiteral("first"), QString::fromStdString(formatTimestamp(c.firstAt))},
        {QStringLiteral("last"), QString::fromStdString(formatTimestamp(c.lastAt))},
        {QStringLiteral("score"), c.score},
        {QStringLiteral("links"), links}};
}

void printCampaign(const CampaignInfo &c)
{
    std::string clusters, languages;
    for (int number : c.clusters)
        clusters += (clusters.empty() ? "#" : ", #") + std::to_string(number);
    for (const auto &[language, posts] : c.languages)
        languages += (languages.empty() ? "" : ", ") + oneLine(language, 16).toStdString() + " " +
                     std::to_string(posts);
    std::printf("Campaign %d: score %s, clusters %s\n", c.id, formatNumber(c.score, 2).c_str(),
                clusters.c_str());
    std::printf("  %lld posts by %lld accounts, %s to %s; languages %s\n",
                static_cast<long long>(c.posts), static_cast<long long>(c.accounts),
                formatTimestamp(c.firstAt).c_str(), formatTimestamp(c.lastAt).c_str(),
                languages.c_str());
    for (const CampaignLink &l : c.links)
        std::printf("  clusters #%d and #%d share %lld of %lld accounts (%s by chance)\n",
                    l.clusterA, l.clusterB, static_cast<long long>(l.sharedAccounts),
                    static_cast<long long>(l.smallerAccounts), formatNumber(l.expected, 1).c_str());
}

} // namespace

int runCampaigns(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "List the campaigns of the latest text-clustering run: clusters linked into one "
        "operation because they share accounts beyond chance, with the evidence for each link."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    parser.addPositionalArgument(QStringLiteral("case"), QStringLiteral("Case file (*.chorus)."));
    if (const auto done = parseCaseCommand(parser, arguments, "campaigns"))
        return *done;
    auto store = CaseStore::open(parser.positionalArguments().first().toStdString());
    if (!store) {
        printErr("chorus-cli: " + store.error().message);
        return Failure;
    }
    const ClusterQueries queries(*store.value());
    const auto latest = latestClusterRunOrExplain(*store.value());
    if (!latest)
        return Failure;
    const auto campaigns = queries.campaigns(*latest);
    if (!campaigns) {
        printErr("chorus-cli: " + campaigns.error().message);
        return Failure;
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const CampaignInfo &c : campaigns.value())
            array.append(toJson(c));
        printOut(QJsonDocument(array).toJson(QJsonDocument::Indented).toStdString());
        return Success;
    }
    if (campaigns->empty())
        printOut("No campaigns: no two clusters share accounts beyond chance.");
    for (const CampaignInfo &c : campaigns.value())
        printCampaign(c);
    return Success;
}

} // namespace chorus::cli
