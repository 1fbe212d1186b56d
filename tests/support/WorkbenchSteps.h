#pragma once

// Steps of the UI tests that drive the workbench window as a user would. Header-only: only the
// tests that link the widgets library include it.
#include "MainWindow.h"
#include "controllers/CaseController.h"
#include "controllers/TaskRunner.h"
#include "models/PostTableModel.h"
#include "views/PostsView.h"

#include <QApplication>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStringList>
#include <QTest>
#include <QTimer>

namespace chorus::test {

// Answers the message boxes the window shows while it lives (each waits for a click, and a
// test waiting for a signal would wait behind it): keeps their texts, then closes them.
class MessageBoxAnswers
{
public:
    MessageBoxAnswers()
    {
        m_poll.setInterval(20);
        QObject::connect(&m_poll, &QTimer::timeout, [this] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                m_texts << box->text();
                box->accept();
            }
        });
        m_poll.start();
    }
    const QStringList &texts() const { return m_texts; }

private:
    QTimer m_poll;
    QStringList m_texts;
};

// Opens (or with create, creates) a case through the window, as File > Open does, and waits
// until it is open: the window checks and opens it off the GUI thread. False when it did not
// open (the reason is in the test's log).
inline bool openCaseAndWait(ui::MainWindow &window, const QString &path, bool create = false)
{
    const MessageBoxAnswers answers; // "Cannot open case" must not wait for a click
    QSignalSpy opened(window.caseController(), &ui::CaseController::caseOpened);
    QSignalSpy failed(window.caseController(), &ui::CaseController::openFailed);
    if (!window.openCase(path, create))
        return false;
    if (!QTest::qWaitFor([&] { return !opened.isEmpty() || !failed.isEmpty(); }, 60000))
        qWarning("%s: neither opened nor failed within a minute", qPrintable(path));
    else if (!failed.isEmpty())
        qWarning("%s: %s", qPrintable(path), qPrintable(failed.first().first().toString()));
    return !opened.isEmpty() && window.caseController()->hasCase();
}

// Imports through the window's case controller and waits for the worker to finish; *ok says
// whether the import succeeded.
inline void importAndWait(ui::MainWindow &window, const QString &file, bool *ok = nullptr)
{
    QSignalSpy finished(window.caseController()->tasks(), &ui::TaskRunner::finished);
    QVERIFY(window.caseController()->importFiles({file}));
    QVERIFY(finished.wait(60000));
    if (ok)
        *ok = finished.at(0).at(0).toBool();
}

// The posts the window's posts table counts for its filter.
inline qint64 shownCount(ui::MainWindow &window)
{
    return window.postsView()->model()->totalCount();
}

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
