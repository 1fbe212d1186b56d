// The report's findings: one section per top cluster, the coordination network, annotations.
#include "render/ReportSections.h"

#include "render/GraphPainter.h"
#include "render/MapPainter.h"
#include "render/TimelineChart.h"

namespace chorus::render {

using T = ReportText;

namespace {

constexpr double GraphShare = 0.48; // a cluster's network: height as a share of the width

QString createdText(const ReportAccount &account)
{
    return account.createdAt ? timeText(*account.createdAt).left(10) : QStringLiteral("-");
}

void drawGraphFigure(ReportContext &report, const GraphScene &original, double height)
{
    // Handles are untrusted text too: characters no font has are written [U+XXXX] and listed.
    GraphScene scene = original;
    for (GraphSceneNode &node : scene.nodes)
        node.label = report.glyphs.drawable(QString::fromStdString(node.label)).toStdString();
    report.flow.figure(height, [&scene](QPainter &painter, const QRectF &area) {
        GraphStyle style;
        style.labels = 25;
        drawGraph(painter, scene, area, style);
    });
}

// What the analyst said of this cluster (an annotation that found it in this run).
void writeClusterAnnotation(ReportContext &report, const ClusterInfo &info)
{
    for (const Annotation &annotation : report.content.annotations) {
        if (annotation.kind != AnnotationKind::Cluster || !annotation.now ||
            annotation.now->runId != info.runId || annotation.now->number != info.number)
            continue;
        const QString none = report.text(T::None);
        const QString tags = tagsText(annotation.state.tags);
        const QString grade = QString::fromStdString(annotation.state.grade());
        report.flow.heading(report.text(T::AnalystAnnotation), 3);
        report.flow.paragraph(report.text(T::AnnotationLine)
                                  .arg(tags.isEmpty() ? none : tags, grade.isEmpty() ? none : grade,
                                       untrusted(annotation.analyst),
                                       timeText(annotation.changedAt)));
        if (!annotation.state.note.empty())
            report.flow.quote(untrusted(annotation.state.note));
    }
}

void writeCluster(ReportContext &report, const ReportCluster &cluster, int section)
{
    ReportFlow &flow = report.flow;
    const ClusterInfo &info = cluster.info;
    if (section > 1)
        flow.newPage();
    flow.heading(report.text(T::ClusterHeading).arg(section).arg(info.number), 2);
    flow.paragraph(
        report.text(T::ClusterFacts)
            .arg(fixed(info.score, 2))
            .arg(info.size)
            .arg(info.accounts)
            .arg(timeText(info.firstAt), timeText(info.lastAt),
                 QString::fromStdString(info.languages),
                 info.campaign ? QString::number(info.campaign) : report.text(T::NoCampaign)));
    writeClusterAnnotation(report, info);
    std::vector<QStringList> rows;
    for (const ScoreComponent &part : info.components)
        rows.push_back({QString::fromStdString(part.name), fixed(part.value, 3),
                        fixed(part.weight, 1), fixed(part.contribution, 3)});
    flow.table({{report.text(T::ColPart), 2},
                {report.text(T::ColValue), 1, false, true},
                {report.text(T::ColWeight), 0.6, false, true},
                {report.text(T::ColContribution), 1, false, true}},
               rows);

    flow.heading(report.text(T::Representative), 3);
    flow.quote(untrusted(info.representativeText));
    flow.heading(report.text(T::Variants), 3);
    if (cluster.variants.empty())
        flow.paragraph(report.text(T::NoVariants));
    else {
        rows.clear();
        for (const ClusterMemberInfo &variant : cluster.variants)
            rows.push_back({fixed(variant.similarity, 2), untrusted(variant.accountHandle),
                            untrusted(variant.text)});
        flow.table({{report.text(T::ColSimilarity), 0.7, false, true},
                    {report.text(T::ColHandle), 1.2},
                    {report.text(T::ColText), 5}},
                   rows);
    }

    flow.heading(report.text(T::ColAccounts), 3);
    rows.clear();
    for (const ReportAccount &account : cluster.accounts)
        rows.push_back({untrusted(account.handle), createdText(account),
                        untrusted(account.location), QString::number(account.postsInCluster),
                        tagsText(account.firedSignals)});
    flow.table({{report.text(T::ColHandle), 1.4},
                {report.text(T::ColCreated), 0.9},
                {report.text(T::ColLocation), 1.5},
                {report.text(T::ColPostsIn), 0.5, false, true},
                {report.text(T::ColSignals), 2.2}},
               rows);
    if (cluster.accountsLeftOut > 0)
        flow.paragraph(report.text(T::AccountsLeftOut).arg(cluster.accountsLeftOut));

    constexpr double HeadingRoom = 30;
    constexpr double TimelineHeight = 110;
    flow.keep(HeadingRoom + TimelineHeight);
    flow.heading(report.text(T::TimelineHeading).arg(report.text.duration(cluster.binSeconds)), 3);
    flow.figure(TimelineHeight, [&cluster](QPainter &painter, const QRectF &area) {
        drawTimeline(painter, area, cluster.timeline, cluster.binSeconds);
    });
    if (report.world) {
        flow.keep(HeadingRoom + flow.width() / 2);
        flow.heading(report.text(T::MapHeading), 3);
        flow.figure(flow.width() / 2, [&](QPainter &painter, const QRectF &area) {
            drawMapFigure(painter, *report.world, cluster.map, area);
        });
    }
    if (cluster.graph)
        flow.keep(HeadingRoom + flow.width() * GraphShare);
    flow.heading(report.text(T::GraphHeading), 3);
    if (cluster.graph)
        drawGraphFigure(report, *cluster.graph, flow.width() * GraphShare);
    else
        flow.paragraph(report.text(T::NoGraph));
}

} // namespace

void writeClusterSections(ReportContext &report)
{
    if (report.content.clusters.empty())
        return;
    report.flow.heading(report.text(T::ColClusters).prepend(QStringLiteral("4. ")), 1);
    int section = 0;
    for (const ReportCluster &cluster : report.content.clusters) {
        writeCluster(report, cluster, ++section);
        report.flow.partDone();
    }
}

void writeNetworkSection(ReportContext &report)
{
    ReportFlow &flow = report.flow;
    flow.heading(report.text(T::NetworkHeading), 1);
    if (!report.content.network) {
        flow.paragraph(report.text(T::NoNetwork));
        return;
    }
    drawGraphFigure(report, *report.content.network, flow.width() * 0.9);
}

void writeAnnotationSection(ReportContext &report)
{
    ReportFlow &flow = report.flow;
    flow.heading(report.text(T::AnnotationsHeading), 1);
    if (report.content.annotations.empty()) {
        flow.paragraph(report.text(T::NoAnnotations));
        return;
    }
    std::vector<QStringList> rows;
    for (const Annotation &annotation : report.content.annotations) {
        rows.push_back({untrusted(annotation.label), tagsText(annotation.state.tags),
                        QString::fromStdString(annotation.state.grade()),
                        untrusted(annotation.state.note), untrusted(annotation.analyst),
                        annotationWhereNow(report, annotation)});
    }
    flow.table({{report.text(T::ColItem), 1.6},
                {report.text(T::ColTags), 1.2},
                {report.text(T::ColGrade), 0.7},
                {report.text(T::ColNote), 2.8},
                {report.text(T::ColAnalyst), 0.9},
                {report.text(T::ColNow), 1.4}},
               rows);
}

} // namespace chorus::render
