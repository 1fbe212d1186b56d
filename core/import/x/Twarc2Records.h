#pragma once

#include "common/Error.h"
#include "import/Importer.h"
#include "import/JsonView.h"

#include <cstdint>

namespace chorus {

// A user object (a `twarc2 users` or `followers` result), not a tweet.
bool isV2UserObject(const JsonObject &object);

// twarc2 also writes files that hold no tweets: tweet counts per period (`twarc2 counts`),
// lists (`twarc2 lists`, `owned-lists`) and compliance job results. Their records are told
// apart here so that such a file is named for what it is instead of being read as hundreds of
// broken tweets.
class NonTweetRecords
{
public:
    // True (and counted) when `record` is a counts, list or compliance record.
    bool classify(const JsonObject &record);
    // A record that is a tweet or a user.
    void noteOther() { ++m_others; }
    // An Error naming the kind of file when it held nothing but such records; a warning
    // when some were mixed in with tweets.
    Status verdict(RecordSink &sink) const;

private:
    std::int64_t m_counts = 0;
    std::int64_t m_lists = 0;
    std::int64_t m_compliance = 0;
    std::int64_t m_others = 0;
};

} // namespace chorus
