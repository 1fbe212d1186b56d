#include "dialogs/EvidenceExportAction.h"

#include "controllers/CaseController.h"
#include "render/ReportFile.h"
#include "render/ReportStrings.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>

namespace chorus::ui {

namespace {

QString subjectTitle(ExportSubject subject)
{
    switch (subject) {
    case ExportSubject::Posts:
        return QCoreApplication::translate("EvidenceExport", "Export Posts");
    case ExportSubject::Accounts:
        return QCoreApplication::translate("EvidenceExport", "Export Accounts");
    case ExportSubject::Clusters:
        return QCoreApplication::translate("EvidenceExport", "Export Clusters");
    case ExportSubject::Campaigns:
        break;
    }
    return QCoreApplication::translate("EvidenceExport", "Export Campaigns");
}

QString reportTitle()
{
    return QCoreApplication::translate("EvidenceExport", "Export Report");
}

} // namespace

void exportEvidenceInteractively(QWidget *parent, CaseController *caseController,
                                 ExportSubject subject)
{
    if (!caseController->hasCase())
        return;
    const QString folder = QFileInfo(caseController->casePath()).absolutePath();
    QString selected;
    QString path = QFileDialog::getSaveFileName(
        parent, subjectTitle(subject),
        folder + QLatin1Char('/') + QLatin1String(exportSubjectName(subject)) +
            QStringLiteral(".csv"),
        QCoreApplication::translate("EvidenceExport", "CSV (*.csv);;JSON (*.json)"), &selected);
    if (path.isEmpty())
        return;
    if (!path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive) &&
        !path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive))
        path += selected.startsWith(QStringLiteral("JSON")) ? QStringLiteral(".json")
                                                            : QStringLiteral(".csv");
    const bool started = caseController->runOnCase(
        subjectTitle(subject),
        [path, subject](const CaseStore &store, ProgressSink &) -> Result<QString> {
            EvidenceExportOptions options;
            options.subject = subject;
            auto written = exportEvidence(store, path.toStdString(), options);
            if (!written)
                return written.error();
            return QCoreApplication::translate("EvidenceExport", "Wrote %1 rows to %2 (SHA-256 %3)")
                .arg(written.value().rows)
                .arg(QString::fromStdString(written.value().file),
                     QString::fromStdString(written.value().sha256));
        });
    if (!started)
        QMessageBox::information(parent, subjectTitle(subject), caseController->whyNoJob());
}

void exportReportInteractively(QWidget *parent, CaseController *caseController)
{
    if (!caseController->hasCase())
        return;
    const QString title = reportTitle();
    const QFileInfo caseFile(caseController->casePath());
    QString path = QFileDialog::getSaveFileName(
        parent, title,
        caseFile.absolutePath() + QLatin1Char('/') + caseFile.completeBaseName() +
            QStringLiteral("-report.pdf"),
        QCoreApplication::translate("EvidenceExport", "PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive))
        path += QStringLiteral(".pdf");
    if (!startReportExport(caseController, path))
        QMessageBox::information(parent, title, caseController->whyNoJob());
}

bool startReportExport(CaseController *caseController, const QString &path)
{
    ReportOptions options;
    options.language = QLocale().language() == QLocale::French ? "fr" : "en";
    options.title =
        render::ReportStrings(options.language)(render::ReportText::DefaultTitle).toStdString();
    return caseController->runOnCase(
        reportTitle(),
        [path, options](const CaseStore &store, ProgressSink &progress) -> Result<QString> {
            auto written =
                render::makeReportFile(store, options, path.toStdString(), true, progress);
            if (!written)
                return written.error();
            return QCoreApplication::translate("EvidenceExport",
                                               "Wrote the report to %1 (SHA-256 %2)")
                .arg(QString::fromStdString(written.value().file),
                     QString::fromStdString(written.value().sha256));
        });
}

} // namespace chorus::ui
