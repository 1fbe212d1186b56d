#include "controllers/CaseReader.h"

#include "store/CaseStore.h"

#include <QFileInfo>

namespace chorus::ui {

CaseReader::CaseReader(QObject *parent, BackgroundPriority priority)
    : QObject(parent), m_worker(new QObject)
{
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    // On the new thread, before its first job: below the window's thread.
    connect(
        &m_thread, &QThread::started, m_worker, [priority] { lowerThisThreadsPriority(priority); },
        Qt::DirectConnection);
    m_thread.setObjectName(QStringLiteral("CaseReader"));
    m_thread.start();
}

CaseReader::~CaseReader()
{
    interrupt();
    m_thread.quit();
    m_thread.wait();
}

void CaseReader::open(const QString &path)
{
    QMetaObject::invokeMethod(
        m_worker,
        [this, path] {
            std::unique_ptr<CaseStore> store;
            if (!path.isEmpty()) {
                auto opened =
                    CaseStore::open(path.toStdString(), CaseStore::OpenMode::OpenExisting);
                if (opened)
                    store = std::move(opened.value());
            }
            replaceStore(std::move(store));
        },
        Qt::QueuedConnection);
}

void CaseReader::openForWindow(const QString &path, bool create,
                               std::function<void(Result<Opening>)> done)
{
    QMetaObject::invokeMethod(
        m_worker,
        [this, path, create, done = std::move(done)] {
            const std::string file = path.toStdString();
            std::unique_ptr<CaseStore> store;
            const auto outcome = [&]() -> Result<Opening> {
                if (QFileInfo::exists(path)) {
                    const auto upgrade = CaseStore::needsUpgrade(file);
                    if (!upgrade)
                        return upgrade.error();
                    if (upgrade.value())
                        return Opening::NeedsUpgrade;
                }
                auto opened = CaseStore::open(file, create ? CaseStore::OpenMode::OpenOrCreate
                                                           : CaseStore::OpenMode::OpenExisting);
                if (!opened)
                    return opened.error();
                store = std::move(opened.value());
                return Opening::Opened;
            }();
            replaceStore(std::move(store));
            QMetaObject::invokeMethod(
                this, [done, outcome] { done(outcome); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void CaseReader::replaceStore(std::unique_ptr<CaseStore> store)
{
    std::lock_guard lock(m_storeMutex);
    m_store = std::move(store);
}

void CaseReader::post(std::function<void(const CaseStore &)> job)
{
    QMetaObject::invokeMethod(
        m_worker,
        [this, job = std::move(job)] {
            // Only this thread replaces m_store, so reading it here needs no lock.
            if (m_store) {
                m_store->db().clearInterrupt(); // interrupt() was for the job before
                job(*m_store);
            }
        },
        Qt::QueuedConnection);
}

void CaseReader::interrupt()
{
    ++m_interrupts;
    std::lock_guard lock(m_storeMutex);
    if (m_store)
        m_store->db().interrupt();
}

} // namespace chorus::ui
