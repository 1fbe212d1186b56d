#include "render/ReportFile.h"

#include "geo/WorldMap.h"
#include "render/ReportWriter.h"
#include "store/CaseStore.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace chorus::render {

namespace {

// The options as the audit trail records them.
std::string optionsJson(const ReportOptions &options, bool manifest)
{
    const QJsonObject object{{QStringLiteral("title"), QString::fromStdString(options.title)},
                             {QStringLiteral("analyst"), QString::fromStdString(options.analyst)},
                             {QStringLiteral("clusters"), options.clusters},
                             {QStringLiteral("lang"), QString::fromStdString(options.language)},
                             {QStringLiteral("manifest"), manifest}};
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

} // namespace

Result<ReportRecordResult> makeReportFile(const CaseStore &store, const ReportOptions &options,
                                          const std::string &path, bool manifest,
                                          ProgressSink &progress, std::string *warning)
{
    const auto content =
        assembleReport(store, options, QDateTime::currentSecsSinceEpoch(), progress);
    if (!content)
        return content.error();
    // Without the world outlines (a build without its data) the report leaves the maps out.
    const auto world = WorldMap::standard();
    if (!world && warning)
        *warning = "no maps: " + world.error().message;
    if (const Status written =
            writeReport(content.value(), world ? world.value().get() : nullptr, path, progress);
        !written)
        return written.error();
    auto recorded =
        recordReport(store, path, {options.analyst, optionsJson(options, manifest), manifest});
    if (!recorded) {
        QFile::remove(QString::fromStdString(path));
        return Error{recorded.error().message +
                     "; the report was not kept, as it is not on the audit trail"};
    }
    return recorded;
}

} // namespace chorus::render
