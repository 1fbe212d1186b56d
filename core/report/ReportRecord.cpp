#include "report/ReportRecord.h"

#include "common/WholeWrite.h"
#include "report/FileHash.h"
#include "store/AuditTrail.h"
#include "store/CaseStore.h"
#include "store/SqlGuard.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <set>

namespace chorus {

namespace {

// sha256sum's line: the hash, two spaces (text mode), the name. A name with a newline or a
// backslash is escaped the way GNU sha256sum does (a leading backslash, "\\n", "\\\\").
std::string manifestLine(const std::string &sha256, const std::string &name)
{
    std::string escaped;
    bool needsEscape = false;
    for (char c : name) {
        if (c == '\\') {
            escaped += "\\\\";
            needsEscape = true;
        } else if (c == '\n') {
            escaped += "\\n";
            needsEscape = true;
        } else {
            escaped += c;
        }
    }
    return (needsEscape ? "\\" : "") + sha256 + "  " + escaped + "\n";
}

Status writeManifest(const CaseStore &store, const std::string &manifestPath,
                     const std::string &reportName, const std::string &reportSha256)
{
    const auto sources = store.sources();
    if (!sources)
        return sources.error();
    std::string text = manifestLine(reportSha256, reportName);
    std::set<std::string> archives;
    for (const SourceInfo &source : sources.value()) {
        if (source.member.empty()) {
            text += manifestLine(source.sha256, source.fileName);
        } else if (archives.insert(source.archiveSha256).second) {
            // sha256sum -c checks files: a ZIP member's line is its archive's, given once.
            const std::string archive =
                QFileInfo(QString::fromStdString(source.filePath)).fileName().toStdString();
            text += manifestLine(source.archiveSha256, archive);
        }
    }
    QSaveFile file(QString::fromStdString(manifestPath));
    if (!file.open(QIODevice::WriteOnly))
        return Error{cannotWrite(manifestPath, file.errorString())};
    if (const std::string why = saveWhole(file, text); !why.empty())
        return Error{why};
    return {};
}

} // namespace

Result<ReportRecordResult> recordReport(const CaseStore &store, const std::string &path,
                                        const ReportRecordOptions &options)
{
    const auto hash = sha256OfFile(path);
    if (!hash)
        return hash.error();
    const QFileInfo info(QString::fromStdString(path));
    ReportRecordResult result{info.absoluteFilePath().toStdString(), hash.value(), {}};
    if (options.manifest) {
        result.manifest = result.file + ".SHA256SUMS";
        if (const Status written =
                writeManifest(store, result.manifest, info.fileName().toStdString(), result.sha256);
            !written)
            return written.error();
    }
    auto recorded = guardSql("recording the report", [&]() -> Result<ReportRecordResult> {
        QJsonObject details{
            {QStringLiteral("file"), QString::fromStdString(result.file)},
            {QStringLiteral("sha256"), QString::fromStdString(result.sha256)},
            {QStringLiteral("options"),
             QJsonDocument::fromJson(QByteArray::fromStdString(options.optionsJson)).object()}};
        if (!result.manifest.empty())
            details.insert(QStringLiteral("manifest"), QString::fromStdString(result.manifest));
        AuditTrail(store.db())
            .append("report", info.fileName().toStdString(),
                    QJsonDocument(details).toJson(QJsonDocument::Compact).toStdString(),
                    options.analyst);
        return result;
    });
    // A report that is not on the audit trail is not evidence: its files go too.
    if (!recorded && !result.manifest.empty())
        QFile::remove(QString::fromStdString(result.manifest));
    return recorded;
}

} // namespace chorus
