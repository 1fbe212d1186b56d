#pragma once

#include "import/Importer.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace chorus {

// Counts what a Bluesky file holds besides posts and reposts (likes, follows, blocks,
// profiles, deletions, account events...), so that a stream where most lines are likes
// gives one summary warning instead of a problem per line.
class SkipTally
{
public:
    // `what` names the unit in the summary: "events" or "records".
    explicit SkipTally(std::string what) : m_what(std::move(what)) {}

    // One skipped item of the given kind (a collection name is untrusted text).
    void add(std::string_view kind, std::int64_t count = 1);
    std::int64_t total() const { return m_total; }

    // "skipped 12 events that are not posts or reposts: 9 app.bsky.feed.like, 3 ..." as one
    // warning for the whole file (line 0), when anything was skipped.
    void report(RecordSink &sink) const;

private:
    std::string m_what;
    std::map<std::string, std::int64_t> m_counts;
    std::int64_t m_total = 0;
};

} // namespace chorus
