#include "import/x/Twarc2Records.h"

#include <string>

namespace chorus {

namespace {
bool has(const JsonObject &o, const char *key)
{
    return o.contains(key);
}
} // namespace

bool isV2UserObject(const JsonObject &object)
{
    return has(object, "username") && !has(object, "text");
}

bool NonTweetRecords::classify(const JsonObject &record)
{
    if (has(record, "text") || has(record, "username") || has(record, "author_id"))
        return false;
    if (has(record, "tweet_count") && (has(record, "start") || has(record, "end")))
        ++m_counts;
    else if (has(record, "action") && (has(record, "id") || has(record, "tweet_id")))
        ++m_compliance;
    else if (has(record, "name") && has(record, "id"))
        ++m_lists;
    else
        return false;
    return true;
}

Status NonTweetRecords::verdict(RecordSink &sink) const
{
    const std::int64_t total = m_counts + m_lists + m_compliance;
    if (total == 0)
        return {};
    const std::string what =
        m_counts >= m_lists && m_counts >= m_compliance ? "tweet counts per period (twarc2 counts)"
        : m_lists >= m_compliance                       ? "lists (twarc2 lists)"
                                  : "compliance results (twarc2 compliance-job)";
    if (m_others == 0)
        return Error{"a twarc2 file of " + what + ", not tweets: " + std::to_string(total) +
                     " records, nothing to import"};
    sink.warn(0, "(file)",
              std::to_string(total) + " records of " + what + " skipped among the tweets", "");
    return {};
}

} // namespace chorus
