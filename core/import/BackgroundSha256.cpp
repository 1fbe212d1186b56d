#include "import/BackgroundSha256.h"

#include "common/ThreadPriority.h"

namespace chorus {

namespace {

constexpr qint64 ChunkSize = 4 << 20;

} // namespace

BackgroundSha256::BackgroundSha256(const QString &path)
    : m_file(path), m_thread([this] { runInBackground(); })
{}

BackgroundSha256::~BackgroundSha256()
{
    m_handOver.store(true, std::memory_order_relaxed);
    if (m_thread.joinable())
        m_thread.join();
}

void BackgroundSha256::runInBackground()
{
    lowerThisThreadsPriority(BackgroundPriority::Idle);
    if (!m_file.open(QIODevice::ReadOnly)) {
        m_error = m_file.errorString().toStdString();
        return;
    }
    while (!m_handOver.load(std::memory_order_relaxed)) {
        if (hashChunk() != Step::More)
            return;
    }
}

BackgroundSha256::Step BackgroundSha256::hashChunk()
{
    if (m_file.atEnd())
        return Step::Done;
    const QByteArray chunk = m_file.read(ChunkSize);
    if (chunk.isEmpty() && m_file.error() != QFileDevice::NoError) {
        m_error = m_file.errorString().toStdString();
        return Step::Failed;
    }
    m_hash.addData(chunk.constData(), size_t(chunk.size()));
    return Step::More;
}

Result<std::string> BackgroundSha256::result(const ProgressSink &progress)
{
    m_handOver.store(true, std::memory_order_relaxed);
    if (m_thread.joinable())
        m_thread.join();
    // The thread has stopped between two chunks (or failed, or finished): the rest is ours.
    if (!m_error.empty())
        return Error{m_error};
    for (;;) {
        if (progress.isCancelled())
            return Error::cancel();
        switch (hashChunk()) {
        case Step::More:
            break;
        case Step::Done:
            return m_hash.hexDigest();
        case Step::Failed:
            return Error{m_error};
        }
    }
}

} // namespace chorus
