#pragma once

#include "common/Error.h"
#include "common/Progress.h"
#include "network/NetworkTypes.h"
#include "store/Database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace chorus {

// Reads from a case the actions of one co-action type as compact events (object key
// interned to an integer), streaming rows from SQLite: reposts by repost_of, replies by
// reply_to, links by normalized URL, hashtag sets (case-folded, sorted) and duplicate-text
// clusters of the latest text-clustering run. One thread; uses the caller's connection.
class CoActionExtractor
{
public:
    explicit CoActionExtractor(const Database &db);

    // Only the actions of these two accounts (for the evidence of one edge).
    void restrictToAccounts(std::int64_t a, std::int64_t b) { m_pair = {a, b}; }
    // Keep the text of each object key so that objectKey() can name it (evidence only:
    // the keys cost memory on large cases).
    void keepObjectKeys(bool keep) { m_keepKeys = keep; }

    Result<std::vector<CoEvent>> events(CoActionType type, ProgressSink &progress);
    // Text of an object key from the last events() call, when keepObjectKeys(true).
    std::string objectKey(std::uint32_t object) const;

private:
    std::uint32_t intern(const std::string &key);
    void readHashtagSets(Statement &statement, std::vector<CoEvent> &events,
                         ProgressSink &progress);

    const Database &m_db;
    std::optional<std::pair<std::int64_t, std::int64_t>> m_pair;
    bool m_keepKeys = false;
    std::unordered_map<std::string, std::uint32_t> m_ids;
    std::vector<std::string> m_keys;
};

} // namespace chorus
