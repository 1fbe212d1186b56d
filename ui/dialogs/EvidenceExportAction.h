#pragma once

#include "report/EvidenceExport.h"

class QString;
class QWidget;

namespace chorus::ui {

class CaseController;

// File > Export: asks where to write the posts, accounts, clusters or campaigns (.csv or
// .json) and writes them as a task (progress, Cancel); the status bar shows the file's SHA-256,
// which the audit trail also records.
void exportEvidenceInteractively(QWidget *parent, CaseController *caseController,
                                 ExportSubject subject);

// File > Export Report: asks where to write the evidence PDF (in the interface's language,
// with a SHA256SUMS manifest beside it) and writes it as a task (stages, time left, Cancel).
void exportReportInteractively(QWidget *parent, CaseController *caseController);
// The task alone, to `path`: false when another job runs (CaseController::whyNoJob says why).
bool startReportExport(CaseController *caseController, const QString &path);

} // namespace chorus::ui
