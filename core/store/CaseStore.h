#pragma once

#include "common/Error.h"
#include "common/Progress.h"
#include "store/CaseTypes.h"
#include "store/Database.h"

#include <memory>
#include <string>

namespace chorus {

// Owns the connection to one case file (*.chorus): validates it on open, applies forward
// migrations, and answers the case-level questions (counts, sources, import problems).
// One thread at a time; a worker thread opens its own CaseStore on the same path.
class CaseStore
{
public:
    enum class OpenMode {
        OpenExisting, // fail when the file does not exist
        OpenOrCreate, // create an empty case when the file does not exist
    };

    // Opens a case file. A foreign, newer or damaged file gives an Error and is not modified.
    // With `progress`, Cancel stops an upgrade of an older file (Error::cancel(), the file as
    // it was).
    static Result<std::unique_ptr<CaseStore>> open(const std::string &path,
                                                   OpenMode mode = OpenMode::OpenExisting,
                                                   const ProgressSink *progress = nullptr);

    // True when an existing, valid case file is in an older format: open() will upgrade it,
    // which at millions of posts takes seconds (the workbench does it on a worker thread).
    static Result<bool> needsUpgrade(const std::string &path);

    const Database &db() const { return m_db; }
    const std::string &path() const { return m_db.path(); }

    Result<CaseSummary> summary() const;
    Result<std::vector<SourceInfo>> sources() const;
    // Import problems, oldest first; sourceId 0 means all sources.
    Result<std::vector<ImportIssue>> issues(std::int64_t sourceId = 0, int limit = 1000) const;

private:
    CaseStore() = default;
    Database m_db;
};

} // namespace chorus
