#pragma once

#include "import/Importer.h"

#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <utility>

namespace chorus {
class CaseStore;
}

namespace chorus::ui {

class CaseReader;
class TaskRunner;

// The open case and the long work done to it: creating and opening case files, imports
// and analysis runs on the TaskRunner's worker (each with its own connection). Views
// listen to caseOpened/caseChanged and reload through their own CaseReader. GUI thread.
class CaseController : public QObject
{
    Q_OBJECT
public:
    explicit CaseController(QObject *parent = nullptr);

    const QString &casePath() const { return m_path; }
    bool hasCase() const { return !m_path.isEmpty(); }
    TaskRunner *tasks() const { return m_tasks; }

    // Opens (or with create, creates) a case file, checked and opened off the GUI thread:
    // caseOpened follows, or openFailed with the reason. Returns false and sets error only
    // when it cannot start (a task is running). A case in an older format is first upgraded
    // as a task (progress, Cancel), and a failed upgrade is reported as the task's failure.
    // Until the case opens, the case open before (if any) stays open but takes no new job.
    bool openCase(const QString &path, bool create, QString *error);
    // openCase() was called and its case is not open yet (nor has it failed).
    bool isOpening() const { return m_opening; }
    void closeCase();

    // Imports the files one after the other, each all-or-nothing; false if busy or no case.
    bool importFiles(const QStringList &files, const ImportOptions &options = {});

    // Near-duplicate text clusters, then the coordination network and account signals, as
    // one task. Keys: threshold, shingleSize, minClusterSize, windowSeconds, minWeight.
    bool runAnalysis(const QMap<QString, double> &parameters);

    // Brings the text search index up to date with the imported posts, as a task.
    bool updateTextIndex();
    // A job waits for the text index to give way: the index's "cancelled" is not the user's.
    bool hasWaitingJob() const { return m_waiting.has_value(); }
    // runOnCase() would take a job now: nothing runs, or only the background text index.
    bool canStartJob() const;
    // Why runOnCase() would not take a job now, in words for the user.
    QString whyNoJob() const;

    // Lays a network run out again around its pinned accounts, as a task (progress, Cancel).
    bool layOutNetwork(qint64 runId);

    // Work on the case on the worker thread, with its own read-write connection. Returns
    // a summary for the status bar. false if busy or no case. The background text index
    // gives way: it stops after its current step, the job runs, then the index goes on.
    using CaseJob = std::function<Result<QString>(const CaseStore &, ProgressSink &)>;
    bool runOnCase(const QString &title, CaseJob job);

signals:
    void caseOpened(const QString &path);
    // A case could not be opened (not a case file, damaged, newer, moved, locked...); the
    // message is empty when the upgrade task's own failure (or Cancel) said why.
    void openFailed(const QString &message);
    void caseClosed();
    // The case's contents changed (an import or an analysis committed).
    void caseChanged();

private:
    bool start(const QString &title, CaseJob job);
    bool upgradeThenOpen(const QString &path);
    // Checks and opens the case on m_checks' thread; caseOpened or openFailed follow.
    void startOpening(const QString &path, bool create);
    // The case asked for did not open: the one open before (if any) stays.
    void notOpened(const QString &message);
    // Said when a task in the way is running (an open, a job refused).
    static QString taskRunningMessage();
    // Starts the text index when the case's posts are not all indexed (read off the GUI thread).
    void checkTextIndex();
    void taskFinished();

    QString m_path;
    bool m_opening = false;    // from openCase() to caseOpened or openFailed
    quint64 m_openRequest = 0; // openCase() and closeCase() calls: an older answer is dropped
    QString m_upgrading;       // a case being upgraded on the worker thread, opened when done
    TaskRunner *m_tasks;
    CaseReader *m_checks;        // reads the open case's state off the GUI thread
    bool m_indexingText = false; // the running task is updateTextIndex()
    bool m_resumeIndex = false;  // it gave way to m_waiting: start it again after
    bool m_recheckIndex = false; // checkTextIndex() again once the running job is done
    quint64 m_tasksStarted = 0;  // jobs started on the worker, ever
    std::optional<std::pair<QString, CaseJob>> m_waiting;
};

} // namespace chorus::ui
