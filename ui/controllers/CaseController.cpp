#include "controllers/CaseController.h"

#include "controllers/AnalysisParameters.h"

#include "clustering/TextClusterAnalysis.h"
#include "controllers/CaseReader.h"
#include "controllers/TaskRunner.h"
#include "import/ImportRunner.h"
#include "network/NetworkAnalysis.h"
#include "network/NetworkLayout.h"
#include "store/CaseStore.h"
#include "store/TextIndex.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>

namespace chorus::ui {

namespace {

QString describe(const ImportReport &report)
{
    const QString name = QString::fromStdString(report.file); // "export.zip:posts.json" whole
    if (report.alreadyImported)
        return QCoreApplication::translate("CaseController", "%1: already in the case, nothing new")
            .arg(name);
    return QCoreApplication::translate("CaseController",
                                       "%1 (%2): %3 read, %4 imported, %5 duplicate, %6 rejected")
        .arg(name, QString::fromStdString(report.format))
        .arg(report.counts.read)
        .arg(report.counts.imported)
        .arg(report.counts.duplicates)
        .arg(report.counts.rejected);
}

} // namespace

CaseController::CaseController(QObject *parent)
    : QObject(parent), m_tasks(new TaskRunner(this)), m_checks(new CaseReader(this))
{
    connect(m_tasks, &TaskRunner::finished, this, [this](bool ok, bool cancelled) {
        if (!m_upgrading.isEmpty()) {
            // closeCase() clears m_upgrading: this upgrade is for the case still asked for.
            const QString path = std::exchange(m_upgrading, QString());
            if (ok) {
                // After every other receiver of this finished(): opening may start the text
                // index, whose progress and Cancel they would hide again.
                QMetaObject::invokeMethod(
                    this,
                    [this, path, request = m_openRequest] {
                        if (request == m_openRequest)
                            startOpening(path, false);
                    },
                    Qt::QueuedConnection);
            } else {
                notOpened({}); // the task's own message says why
            }
            return;
        }
        // A failed or cancelled job rolled back, but an earlier file of the batch may
        // have landed: reload either way (cheap).
        Q_UNUSED(cancelled);
        if (m_indexingText && ok)
            m_resumeIndex = false; // it finished before it could give way
        m_indexingText = false;
        if (hasCase())
            emit caseChanged();
        // After every other receiver of this finished(), which still speak of the old task.
        QMetaObject::invokeMethod(this, &CaseController::taskFinished, Qt::QueuedConnection);
    });
}

bool CaseController::openCase(const QString &path, bool create, QString *error)
{
    if (m_tasks->isRunning()) {
        if (error)
            *error = taskRunningMessage();
        return false;
    }
    startOpening(path, create);
    return true;
}

void CaseController::startOpening(const QString &path, bool create)
{
    const quint64 request = ++m_openRequest;
    m_opening = true;
    // The checks' reader opens it: the text index check that follows reads the same case.
    m_checks->openForWindow(
        path, create, [this, path, request](Result<CaseReader::Opening> opening) {
            if (request != m_openRequest)
                return; // another case was asked for since, or the case was closed
            if (!opening) {
                notOpened(QString::fromStdString(opening.error().message));
                return;
            }
            if (opening.value() == CaseReader::Opening::NeedsUpgrade) {
                // An older case is upgraded on the worker thread: at millions of posts a
                // migration takes seconds, which the window must not spend frozen.
                if (!upgradeThenOpen(path))
                    notOpened(taskRunningMessage());
                return;
            }
            m_opening = false;
            m_path = QFileInfo(path).absoluteFilePath();
            emit caseOpened(m_path);
            // Posts imported by chorus-cli (or an indexing cancelled earlier) wait for the text
            // index: it catches up in the background while the case is already usable.
            checkTextIndex();
        });
}

void CaseController::notOpened(const QString &message)
{
    m_opening = false;
    if (hasCase()) {
        // The case open before stays open: its checks' reader goes back to it, and its text
        // index check, refused while the other case was opening, is made again.
        m_checks->open(m_path);
        checkTextIndex();
    }
    emit openFailed(message);
}

bool CaseController::upgradeThenOpen(const QString &path)
{
    const std::string file = path.toStdString();
    const bool started = m_tasks->start(
        tr("Upgrading %1 to this version's case format").arg(QFileInfo(path).fileName()),
        [file](ProgressSink &progress) -> Result<QString> {
            auto store = CaseStore::open(file, CaseStore::OpenMode::OpenExisting, &progress);
            if (!store)
                return store.error();
            return tr("Case file upgraded to this version's format");
        });
    if (started)
        m_upgrading = path;
    return started;
}

void CaseController::checkTextIndex()
{
    const quint64 asked = m_tasksStarted;
    m_checks->run([](const CaseStore &opened) { return textIndexComplete(opened.db()); },
                  [this, opened = m_path, asked](Result<bool> complete) {
                      if (opened != m_path || !complete || complete.value() || m_indexingText)
                          return;
                      // A job started meanwhile (the user's first import, say) may have been
                      // read half done: it indexes what it imports. Ask again after it.
                      if (asked != m_tasksStarted) {
                          m_recheckIndex = true;
                          taskFinished(); // now if that job is done, else when it is
                          return;
                      }
                      updateTextIndex();
                  });
}

bool CaseController::updateTextIndex()
{
    if (m_tasks->isRunning())
        return false;
    m_indexingText =
        start(tr("Indexing post texts for search"),
              [](const CaseStore &store, ProgressSink &progress) -> Result<QString> {
                  auto indexed = chorus::updateTextIndex(store.db(), progress);
                  if (!indexed)
                      return indexed.error();
                  // Nothing to index but the views' anchors or counts (an older case).
                  if (indexed.value() == 0)
                      return tr("Indexes up to date");
                  return tr("Text search ready: %n post(s) indexed", nullptr, int(indexed.value()));
              });
    return m_indexingText;
}

void CaseController::closeCase()
{
    m_checks->open({});
    ++m_openRequest; // a case still opening is not opened
    m_opening = false;
    m_upgrading.clear();
    m_waiting.reset();
    m_resumeIndex = false;
    m_recheckIndex = false;
    m_tasks->cancel();
    m_path.clear();
    emit caseClosed();
}

bool CaseController::importFiles(const QStringList &files, const ImportOptions &options)
{
    if (!hasCase() || files.isEmpty())
        return false;
    const QString title = files.size() == 1
                              ? tr("Importing %1").arg(QFileInfo(files.first()).fileName())
                              : tr("Importing %n files", nullptr, int(files.size()));
    return runOnCase(
        title, [files, options](const CaseStore &store, ProgressSink &progress) -> Result<QString> {
            QStringList lines;
            // The first failure ends the batch; the files imported before it stay.
            const auto importAll = [&]() -> std::optional<Error> {
                for (const QString &file : files) {
                    // A ZIP archive: each of its exports is a source of its own.
                    auto units = unitsToImport(file.toStdString(), options);
                    if (!units)
                        return units.error();
                    for (const ImportUnit &unit : units->units) {
                        auto report = importUnit(store, unit, options, progress);
                        if (!report)
                            return report.error();
                        lines << describe(report.value());
                    }
                    if (!units->skipped.empty())
                        lines << tr("%1: %n file(s) in the archive are not exports (media, "
                                    "web pages, scripts) and were passed over",
                                    nullptr, int(units->skipped.size()))
                                     .arg(QFileInfo(file).fileName());
                }
                return std::nullopt;
            };
            const std::optional<Error> failure = importAll();
            // What was imported is committed and its posts are indexed for search; stopping
            // the index keeps them, and it goes on when the case is next opened.
            const auto indexed = chorus::updateTextIndex(store.db(), progress);
            if (failure) {
                if (!lines.isEmpty() && !failure->cancelled)
                    return Error{failure->message + " (imported before it: " +
                                 lines.join(QStringLiteral("; ")).toStdString() + ")"};
                return *failure;
            }
            if (!indexed)
                lines << (indexed.error().cancelled
                              ? tr("Text search index stopped before the end: it is completed "
                                   "when the case is next opened")
                              : QString::fromStdString(indexed.error().message));
            return lines.join(QLatin1Char('\n'));
        });
}

bool CaseController::runAnalysis(const QMap<QString, double> &values)
{
    ClusterParameters clusters;
    NetworkParameters network;
    applyAnalysisValues(values, clusters, network);
    return runOnCase(
        tr("Analysing"),
        [clusters, network](const CaseStore &store, ProgressSink &progress) -> Result<QString> {
            progress.stage(Stage::Clustering);
            auto clustered = runTextClusterAnalysis(store.db(), clusters, progress);
            if (!clustered)
                return clustered.error();
            progress.stage(Stage::BuildingNetwork);
            auto linked = runNetworkAnalysis(store.db(), network, progress);
            if (!linked)
                return linked.error();
            return tr("%1 clusters of %2 posts; coordination network built")
                .arg(clustered->clusters)
                .arg(clustered->clusteredPosts);
        });
}

bool CaseController::layOutNetwork(qint64 runId)
{
    return runOnCase(tr("Laying out the network"),
                     [runId](const CaseStore &store, ProgressSink &progress) -> Result<QString> {
                         // A new seed each time: asking again gives another drawing to choose.
                         const auto seed = std::uint64_t(QDateTime::currentMSecsSinceEpoch());
                         auto laid = NetworkLayout(store.db()).layOutAgain(runId, seed, progress);
                         if (!laid)
                             return laid.error();
                         return tr("%n account(s) laid out again, %1 pinned in place", nullptr,
                                   int(laid->nodes))
                             .arg(laid->pinned);
                     });
}

bool CaseController::runOnCase(const QString &title, CaseJob job)
{
    if (!hasCase() || isOpening())
        return false;
    if (m_tasks->isRunning() && m_indexingText && !m_waiting) {
        m_waiting.emplace(title, std::move(job));
        m_resumeIndex = true;
        m_tasks->cancel(); // its committed steps stay
        return true;
    }
    return start(title, std::move(job));
}

QString CaseController::taskRunningMessage()
{
    return tr("Wait for the running task to finish, or cancel it.");
}

QString CaseController::whyNoJob() const
{
    if (isOpening())
        return tr("A case is being opened.");
    if (!hasCase())
        return tr("Create or open a case first (File menu).");
    return taskRunningMessage();
}

bool CaseController::canStartJob() const
{
    return hasCase() && !isOpening() && (!m_tasks->isRunning() || (m_indexingText && !m_waiting));
}

void CaseController::taskFinished()
{
    if (m_tasks->isRunning() || !hasCase())
        return;
    if (m_waiting) {
        auto [title, job] = std::move(*m_waiting);
        m_waiting.reset();
        start(title, std::move(job));
    } else if (m_resumeIndex) {
        m_resumeIndex = false;
        m_recheckIndex = false; // the index step finds what is left itself
        updateTextIndex();
    } else if (m_recheckIndex) {
        m_recheckIndex = false;
        checkTextIndex();
    }
}

bool CaseController::start(const QString &title, CaseJob job)
{
    if (!hasCase() || isOpening())
        return false; // a job started now would run on the case being left
    const std::string casePath = m_path.toStdString();
    ++m_tasksStarted;
    return m_tasks->start(
        title, [casePath, job = std::move(job)](ProgressSink &progress) -> Result<QString> {
            auto store = CaseStore::open(casePath);
            if (!store)
                return store.error();
            return job(*store.value(), progress);
        });
}

} // namespace chorus::ui
