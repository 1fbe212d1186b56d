#pragma once

#include "common/Error.h"
#include "common/Progress.h"
#include "common/Sha256.h"

#include <QFile>
#include <QString>

#include <atomic>
#include <string>
#include <thread>

namespace chorus {

// Computes a file's SHA-256 on a thread of its own, on its own file handle, while the importer
// reads the file. The thread runs at the lowest priority (nice 19), so it only takes CPU time
// the reader and the writer leave idle instead of slowing the reader, which is the limit of
// the slower formats; what is left when the hash is asked for is hashed by the caller at its
// own priority, so a busy machine cannot hold the import back. The destructor stops and joins
// the thread.
class BackgroundSha256
{
public:
    explicit BackgroundSha256(const QString &path);
    ~BackgroundSha256();
    BackgroundSha256(const BackgroundSha256 &) = delete;
    BackgroundSha256 &operator=(const BackgroundSha256 &) = delete;

    // The hex digest, or an Error (Error::cancel() when `progress` is cancelled meanwhile).
    // Call once.
    Result<std::string> result(const ProgressSink &progress);

private:
    enum class Step { More, Done, Failed };
    Step hashChunk();
    void runInBackground();

    QFile m_file; // opened on the caller's thread, read by one thread at a time
    Sha256 m_hash;
    std::string m_error;
    std::atomic<bool> m_handOver{false};
    std::thread m_thread; // last: starts after the members it uses exist
};

} // namespace chorus
