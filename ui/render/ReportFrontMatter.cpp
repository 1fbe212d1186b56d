// The report's first sections: title page, summary of findings, methodology, provenance.
#include "render/ReportSections.h"

#include "signals/AccountSignals.h"
#include "text/TimeParser.h"

#include <QFileInfo>

#include <algorithm>
#include <set>

namespace chorus::render {

using T = ReportText;

namespace {
constexpr std::size_t LinksPerCampaign = 6;
}

QString timeText(std::int64_t epochSeconds)
{
    return epochSeconds > 0 ? QString::fromStdString(formatTimestamp(epochSeconds))
                            : QStringLiteral("-");
}

QString cellTime(std::int64_t epochSeconds)
{
    // "2024-10-14 23:12:41": a space where a narrow column may wrap; the header says UTC.
    QString text = timeText(epochSeconds);
    return text.replace(QLatin1Char('T'), QLatin1Char(' ')).remove(QLatin1Char('Z'));
}

QString fixed(double value, int decimals)
{
    return QString::number(value, 'f', decimals);
}

QString untrusted(const std::string &text)
{
    return QString::fromStdString(text); // ReportFlow lays it out as plain text
}

QString scoreParts(const std::vector<ScoreComponent> &components)
{
    QStringList parts;
    for (const ScoreComponent &component : components)
        parts << QString::fromStdString(component.name) + QStringLiteral(" ") +
                     fixed(component.contribution, 2);
    return parts.join(QStringLiteral("; "));
}

QString tagsText(const std::vector<std::string> &tags)
{
    QStringList list;
    for (const std::string &tag : tags)
        list << untrusted(tag);
    return list.join(QStringLiteral(", "));
}

QString annotationWhereNow(const ReportContext &report, const Annotation &annotation)
{
    if (annotation.kind == AnnotationKind::Post || annotation.kind == AnnotationKind::Account)
        return QString::fromStdString(annotation.platformId);
    if (!annotation.now)
        return report.text(T::NotFoundNow);
    return report.text(T::NowIn)
        .arg(annotation.now->number)
        .arg(annotation.now->runId)
        .arg(qRound(annotation.now->overlap * 100));
}

void writeTitlePage(ReportContext &report)
{
    const ReportContent &content = report.content;
    ReportFlow &flow = report.flow;
    flow.space(120);
    flow.paragraph(untrusted(content.options.title), reportFont(22, true), QColor(20, 45, 90));
    flow.space(24);
    flow.table({{report.text(T::ColItem), 1}, {report.text(T::ColValue), 2.6}},
               {{report.text(T::Analyst), untrusted(content.analyst)},
                {report.text(T::Generated), timeText(content.generatedAt)},
                {report.text(T::ChorusVersion), QString::fromStdString(content.chorusVersion)}});
    flow.heading(report.text(T::Fingerprint), 3);
    flow.paragraph(QString::fromStdString(content.fingerprint), reportMonoFont(9.5));
    flow.paragraph(report.text(T::FingerprintNote), reportFont(8), QColor(90, 90, 90));
    flow.space(12);
    flow.heading(report.text(T::CaseOverview), 3);
    const CaseSummary &summary = content.summary;
    flow.table({{report.text(T::ColItem), 1}, {report.text(T::ColValue), 2.6}},
               {{report.text(T::Posts), QString::number(summary.posts)},
                {report.text(T::Accounts), QString::number(summary.accounts)},
                {report.text(T::Sources), QString::number(summary.sources.size())},
                {report.text(T::FirstPost), timeText(summary.firstPostAt)},
                {report.text(T::LastPost), timeText(summary.lastPostAt)}});
}

void writeSummary(ReportContext &report)
{
    const ReportContent &content = report.content;
    ReportFlow &flow = report.flow;
    flow.heading(report.text(T::SummaryHeading), 1);
    flow.paragraph(report.text(T::SummaryIntro));

    flow.heading(report.text(T::AnnotatedItems), 2);
    if (content.annotations.empty())
        flow.paragraph(report.text(T::NoAnnotations));
    else {
        std::vector<QStringList> rows;
        for (const Annotation &annotation : content.annotations)
            rows.push_back({untrusted(annotation.label), tagsText(annotation.state.tags),
                            QString::fromStdString(annotation.state.grade()),
                            annotationWhereNow(report, annotation)});
        flow.table({{report.text(T::ColItem), 2.2},
                    {report.text(T::ColTags), 2},
                    {report.text(T::ColGrade), 0.6},
                    {report.text(T::ColNow), 2}},
                   rows);
    }

    if (content.runs.empty() || content.runs.front().info.kind != RunKind::TextClusters) {
        flow.paragraph(report.text(T::NoClusterRun));
        return;
    }
    flow.heading(report.text(T::TopClusters)
                     .arg(content.clusters.size())
                     .arg(content.clustersInRun)
                     .arg(content.runs.front().info.id),
                 2);
    std::vector<QStringList> rows;
    for (const ReportCluster &cluster : content.clusters) {
        const ClusterInfo &info = cluster.info;
        rows.push_back({QString::number(info.number), fixed(info.score, 2),
                        QString::number(info.size), QString::number(info.accounts),
                        cellTime(info.firstAt), untrusted(info.representativeText),
                        scoreParts(info.components)});
    }
    flow.table({{report.text(T::ColNumber), 0.35, false, true},
                {report.text(T::ColScore), 0.55, false, true},
                {report.text(T::ColPosts), 0.55, false, true},
                {report.text(T::ColAccounts), 0.8, false, true},
                {report.text(T::ColFirst), 1.2},
                {report.text(T::ColText), 3.1},
                {report.text(T::ColParts), 1.9}},
               rows);

    flow.heading(report.text(T::CampaignsHeading), 2);
    if (content.campaigns.empty()) {
        flow.paragraph(report.text(T::NoCampaigns));
        return;
    }
    rows.clear();
    std::vector<QStringList> links;
    for (const CampaignInfo &campaign : content.campaigns) {
        QStringList clusters, languages;
        for (int number : campaign.clusters)
            clusters << QStringLiteral("#") + QString::number(number);
        for (const auto &[language, posts] : campaign.languages)
            languages << QString::fromStdString(language) + QStringLiteral(" ") +
                             QString::number(posts);
        rows.push_back({QString::number(campaign.id), clusters.join(QStringLiteral(", ")),
                        QString::number(campaign.accounts), QString::number(campaign.posts),
                        languages.join(QStringLiteral(", ")), fixed(campaign.score, 2)});
        // The strongest links are the evidence; the rest are in chorus-cli campaigns --json.
        std::vector<CampaignLink> strongest = campaign.links;
        std::stable_sort(strongest.begin(), strongest.end(), [](const auto &a, const auto &b) {
            return a.sharedAccounts > b.sharedAccounts;
        });
        for (std::size_t i = 0; i < strongest.size() && i < LinksPerCampaign; ++i) {
            const CampaignLink &link = strongest[i];
            links.push_back({QString::number(campaign.id),
                             QStringLiteral("#%1 - #%2").arg(link.clusterA).arg(link.clusterB),
                             QString::number(link.sharedAccounts),
                             QString::number(link.smallerAccounts), fixed(link.overlap, 2),
                             QString::number(link.expected, 'g', 3)});
        }
        if (strongest.size() > LinksPerCampaign)
            links.push_back({QString::number(campaign.id),
                             report.text(T::MoreLinks).arg(strongest.size() - LinksPerCampaign)});
    }
    flow.table({{report.text(T::ColCampaign), 0.8, false, true},
                {report.text(T::ColClusters), 2},
                {report.text(T::ColAccounts), 0.8, false, true},
                {report.text(T::ColPosts), 0.8, false, true},
                {report.text(T::ColLanguages), 1.6},
                {report.text(T::ColScore), 0.8, false, true}},
               rows);
    flow.heading(report.text(T::CampaignLinks), 3);
    flow.table({{report.text(T::ColCampaign), 0.8, false, true},
                {report.text(T::ColClusters), 2},
                {report.text(T::ColShared), 1, false, true},
                {report.text(T::ColSmaller), 1.3, false, true},
                {report.text(T::ColOverlap), 0.8, false, true},
                {report.text(T::ColExpected), 1.2, false, true}},
               links);
}

void writeMethodology(ReportContext &report)
{
    const ReportContent &content = report.content;
    ReportFlow &flow = report.flow;
    flow.heading(report.text(T::MethodHeading), 1);
    for (const ReportRun &run : content.runs) {
        flow.heading(report.text(T::RunHeading).arg(run.info.id).arg(untrusted(run.kind)), 2);
        flow.paragraph(report.text(T::RunFacts)
                           .arg(untrusted(run.info.chorusVersion), timeText(run.info.startedAt),
                                timeText(run.info.finishedAt))
                           .arg(run.info.inputPosts)
                           .arg(run.info.inputAccounts));
        std::vector<QStringList> rows;
        for (const ReportParameter &parameter : run.parameters)
            rows.push_back({untrusted(parameter.name), untrusted(parameter.value)});
        flow.table({{report.text(T::ColParameter), 1}, {report.text(T::ColValue), 2}}, rows);
        rows.clear();
        for (const ReportParameter &item : run.summary)
            rows.push_back({untrusted(item.name), untrusted(item.value)});
        flow.heading(report.text(T::RunSummary), 3);
        flow.table({{report.text(T::ColParameter), 1}, {report.text(T::ColValue), 2}}, rows);
    }

    flow.heading(report.text(T::ScorePartsHeading), 2);
    flow.paragraph(report.text(T::ScorePartsIntro));
    std::vector<QStringList> rows;
    if (!content.clusters.empty())
        for (const ScoreComponent &part : content.clusters.front().info.components)
            rows.push_back({QString::fromStdString(part.name), fixed(part.weight, 1),
                            QString::fromStdString(part.formula),
                            report.text.scorePartMeaning(part.name)});
    flow.table({{report.text(T::ColPart), 1.2},
                {report.text(T::ColWeight), 0.5, false, true},
                {report.text(T::ColFormula), 2},
                {report.text(T::ColMeaning), 2.6}},
               rows);

    flow.heading(report.text(T::SignalsHeading), 2);
    flow.paragraph(report.text(T::SignalsIntro));
    rows.clear();
    for (const std::string &signal : AccountSignals::signalNames())
        rows.push_back({QString::fromStdString(signal), report.text.signalMeaning(signal)});
    flow.table({{report.text(T::ColSignal), 1.4}, {report.text(T::ColMeaning), 3}}, rows);
    if (!content.signalThresholds.empty()) {
        flow.heading(report.text(T::SignalThresholds), 3);
        rows.clear();
        for (const ReportParameter &threshold : content.signalThresholds)
            rows.push_back({untrusted(threshold.name), untrusted(threshold.value)});
        flow.table({{report.text(T::ColParameter), 1}, {report.text(T::ColValue), 2}}, rows);
    }

    flow.heading(report.text(T::LimitsHeading), 2);
    for (T limit : {T::Limit1, T::Limit2, T::Limit3, T::Limit4})
        flow.paragraph(QStringLiteral("- ") + report.text(limit));
}

void writeProvenance(ReportContext &report)
{
    ReportFlow &flow = report.flow;
    flow.heading(report.text(T::ProvHeading), 1);
    flow.paragraph(report.text(T::ProvIntro));
    std::vector<QStringList> counts, hashes;
    for (const SourceInfo &source : report.content.summary.sources) {
        counts.push_back({untrusted(source.fileName), untrusted(source.format),
                          QString::number(source.fileSize), QString::number(source.rowsRead),
                          QString::number(source.rowsImported),
                          QString::number(source.rowsDuplicate),
                          QString::number(source.rowsRejected), cellTime(source.importedAt)});
        hashes.push_back({untrusted(source.fileName), QString::fromStdString(source.sha256)});
    }
    // A ZIP member's hash is of its own bytes; the archive as given is listed too.
    std::set<std::string> archives;
    for (const SourceInfo &source : report.content.summary.sources)
        if (!source.member.empty() && archives.insert(source.archiveSha256).second)
            hashes.push_back(
                {untrusted(
                     QFileInfo(QString::fromStdString(source.filePath)).fileName().toStdString()),
                 QString::fromStdString(source.archiveSha256)});
    flow.table({{report.text(T::ColFile), 1.7},
                {report.text(T::ColFormat), 0.8},
                {report.text(T::ColSize), 0.9, false, true},
                {report.text(T::ColRead), 0.75, false, true},
                {report.text(T::ColImported), 0.95, false, true},
                {report.text(T::ColDuplicate), 0.95, false, true},
                {report.text(T::ColRejected), 0.95, false, true},
                {report.text(T::ColImportedAt), 1.6}},
               counts);
    flow.table({{report.text(T::ColFile), 1.3}, {report.text(T::ColSha), 2.1, true}}, hashes);
}

} // namespace chorus::render
