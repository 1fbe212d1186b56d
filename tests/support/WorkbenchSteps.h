#pragma once

// Steps of the UI tests that drive the workbench window as a user would. Header-only: only the
// tests that link the widgets library include it.
#include "MainWindow.h"
#include "controllers/CaseController.h"
#include "controllers/TaskRunner.h"

#include <QSignalSpy>
#include <QTest>

namespace chorus::test {

// Imports `file` through the window's case controller, then analyses the case (clusters,
// network, signals), waiting for each; the test fails unless both succeed (check
// QTest::currentTestFailed() after).
inline void importAndAnalyze(ui::MainWindow &window, const QString &file,
                             const ImportOptions &options)
{
    QSignalSpy finished(window.caseController()->tasks(), &ui::TaskRunner::finished);
    QVERIFY(window.caseController()->importFiles({file}, options));
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(2).toString()));
    QVERIFY(window.caseController()->runAnalysis({}));
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.at(1).at(0).toBool(), qPrintable(finished.at(1).at(2).toString()));
}

} // namespace chorus::test
