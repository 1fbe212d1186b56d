#include "import/bluesky/SkipTally.h"

#include "text/TextCleaner.h"

#include <algorithm>
#include <vector>

namespace chorus {

namespace {
// A hostile file could name a new collection on every line: past this many kinds the rest
// are counted together.
constexpr std::size_t MaxKinds = 24;
constexpr std::size_t MaxKindLength = 80;
// The warning lists kinds while it stays within this length, then counts the rest: a real
// capture's dozen kinds fit, a file that names a new one on every line does not.
constexpr std::size_t MaxSummaryLength = 320;
} // namespace

void SkipTally::add(std::string_view kind, std::int64_t count)
{
    if (count <= 0)
        return;
    m_total += count;
    std::string name = cleanText(kind.substr(0, MaxKindLength));
    if (name.empty())
        name = "(no collection)";
    auto known = m_counts.find(name);
    if (known == m_counts.end() && m_counts.size() >= MaxKinds)
        known = m_counts.try_emplace("other kinds").first;
    else if (known == m_counts.end())
        known = m_counts.emplace(std::move(name), 0).first;
    known->second += count;
}

void SkipTally::report(RecordSink &sink) const
{
    if (m_total == 0)
        return;
    std::vector<std::pair<std::string, std::int64_t>> kinds(m_counts.begin(), m_counts.end());
    std::stable_sort(kinds.begin(), kinds.end(),
                     [](const auto &a, const auto &b) { return a.second > b.second; });
    std::string summary =
        "skipped " + std::to_string(m_total) + " " + m_what + " that are not posts or reposts:";
    // The most frequent kinds while the message stays short (kind names come from the file),
    // then how many more.
    std::size_t listed = 0;
    for (; listed < kinds.size(); ++listed) {
        std::string item = (listed ? ", " : " ") + std::to_string(kinds[listed].second) + " " +
                           kinds[listed].first;
        if (listed > 0 && summary.size() + item.size() > MaxSummaryLength)
            break;
        summary += item;
    }
    if (listed < kinds.size()) {
        std::int64_t rest = 0;
        for (std::size_t i = listed; i < kinds.size(); ++i)
            rest += kinds[i].second;
        summary += " and " + std::to_string(rest) + " of " + std::to_string(kinds.size() - listed) +
                   " more kinds";
    }
    sink.warn(0, "(file)", summary, "");
}

} // namespace chorus
