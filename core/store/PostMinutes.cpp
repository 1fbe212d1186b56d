#include "store/PostMinutes.h"

#include <string>

namespace chorus {

std::int64_t minuteOf(std::int64_t epochSeconds)
{
    std::int64_t minute = epochSeconds / 60;
    if (epochSeconds % 60 < 0)
        --minute;
    return minute;
}

void PostMinuteCounts::flush(const Database &db)
{
    if (m_blocks.empty())
        return;
    Statement upsert = db.prepare("INSERT INTO post_minutes (minute, collected) VALUES (?, ?) "
                                  "ON CONFLICT (minute) DO UPDATE SET "
                                  "collected = collected + excluded.collected");
    for (const auto &[block, counts] : m_blocks)
        for (std::int64_t offset = 0; offset < BlockMinutes; ++offset)
            if (const std::int64_t count = counts[std::size_t(offset)]; count != 0)
                upsert.bind(1, block * BlockMinutes + offset).bind(2, count).exec();
    m_blocks.clear();
}

std::optional<std::pair<std::int64_t, std::int64_t>> collectedPostSpan(const Database &db)
{
    Statement minutes = db.prepare("SELECT min(minute), max(minute) FROM post_minutes");
    if (!minutes.step() || minutes.isNull(0))
        return std::nullopt;
    const std::int64_t firstMinute = minutes.int64(0);
    const std::int64_t lastMinute = minutes.int64(1);
    // Within one minute, through posts_time: the seconds of the first and last post.
    auto within = [&db](const char *aggregate, std::int64_t minute) {
        Statement query =
            db.prepare(std::string("SELECT ") + aggregate +
                       "(created_at) FROM posts WHERE created_at >= ? AND created_at < ? "
                       "AND context = 0");
        query.bind(1, minute * 60).bind(2, minute * 60 + 60);
        query.step();
        return query.int64(0);
    };
    return std::make_pair(within("min", firstMinute), within("max", lastMinute));
}

} // namespace chorus
