#include "signals/AccountSignals.h"

#include <QString>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace chorus {

namespace {

constexpr std::int64_t Day = 86400;

std::int64_t dayOf(std::int64_t t)
{
    return t >= 0 ? t / Day : (t - Day + 1) / Day;
}

// Weeks start on Monday (1970-01-01 was a Thursday).
std::int64_t weekOf(std::int64_t t)
{
    const std::int64_t d = dayOf(t) + 3;
    return d >= 0 ? d / 7 : (d - 6) / 7;
}

double median(std::vector<int> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const std::size_t m = values.size() / 2;
    return values.size() % 2 ? values[m] : (values[m - 1] + values[m]) / 2.0;
}

std::string number(double value, int decimals = 0)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

std::string isoDay(std::int64_t day)
{
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    std::int64_t z = day + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = yoe + era * 400 + (m <= 2);
    char buffer[80];
    std::snprintf(buffer, sizeof buffer, "%04lld-%02lld-%02lld", (long long)y, (long long)m,
                  (long long)d);
    return buffer;
}

bool isVowel(char c)
{
    c = char(std::tolower(static_cast<unsigned char>(c)));
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

SignalResult result(const char *name, double value, double threshold, bool fired, std::string why)
{
    return SignalResult{name, value, threshold, fired, std::move(why)};
}

} // namespace

std::string foldedText(const std::string &text)
{
    return QString::fromStdString(text).simplified().toCaseFolded().toStdString();
}

AccountSignals::AccountSignals(const std::vector<AccountFacts> &accounts,
                               SignalThresholds thresholds)
    : m_t(thresholds)
{
    std::array<double, 24> hours{};
    double total = 0;
    for (const AccountFacts &a : accounts) {
        if (a.hasCreatedAt) {
            ++m_perDay[dayOf(a.createdAt)];
            ++m_perWeek[weekOf(a.createdAt)];
        }
        const std::string name = foldedText(a.displayName);
        // Hashed releases set the display name to the account id: that is not sharing.
        if (!name.empty() && a.displayName != a.platformId && a.displayName != a.handle)
            ++m_names[name];
        const std::string bio = foldedText(a.bio);
        if (int(bio.size()) >= m_t.bioMinLength)
            ++m_bios[bio];
        for (int h = 0; h < 24; ++h) {
            hours[std::size_t(h)] += a.hours[std::size_t(h)];
            total += a.hours[std::size_t(h)];
        }
    }
    auto counts = [](const std::unordered_map<std::int64_t, int> &map) {
        std::vector<int> values;
        for (const auto &entry : map)
            values.push_back(entry.second);
        return values;
    };
    m_medianDay = median(counts(m_perDay));
    m_medianWeek = median(counts(m_perWeek));
    // Common names recur by chance; a collection drawn from few names (or bios made of
    // stock phrases) raises the bar: the median accounts per distinct value is the baseline.
    auto textCounts = [](const std::unordered_map<std::string, int> &map) {
        std::vector<int> values;
        for (const auto &entry : map)
            values.push_back(entry.second);
        return values;
    };
    m_medianName = median(textCounts(m_names));
    m_medianBio = median(textCounts(m_bios));
    for (int h = 0; h < 24; ++h)
        m_hourShare[std::size_t(h)] = total > 0 ? hours[std::size_t(h)] / total : 0;
}

std::vector<std::string> AccountSignals::signalNames()
{
    return {"creation_burst_day",
            "creation_burst_week",
            "generated_handle",
            "shared_display_name",
            "shared_bio",
            "posting_rate",
            "repost_share",
            "hour_profile",
            "top_cluster",
            "top_community",
            "claimed_location_far_from_topic"};
}

std::vector<SignalResult> AccountSignals::evaluate(const AccountFacts &a) const
{
    return {creationBurst(a, false), creationBurst(a, true), generatedHandle(a),
            sharedText(a, false),    sharedText(a, true),    postingRate(a),
            repostShare(a),          hourProfile(a),         topCluster(a),
            topCommunity(a),         farFromTopic(a)};
}

std::vector<SignalResult> AccountSignals::fired(const AccountFacts &a) const
{
    std::vector<SignalResult> all = evaluate(a);
    all.erase(
        std::remove_if(all.begin(), all.end(), [](const SignalResult &s) { return !s.fired; }),
        all.end());
    return all;
}

SignalResult AccountSignals::creationBurst(const AccountFacts &a, bool week) const
{
    const char *name = week ? "creation_burst_week" : "creation_burst_day";
    const int minimum = week ? m_t.burstWeekMin : m_t.burstDayMin;
    const double baseline = week ? m_medianWeek : m_medianDay;
    const double threshold = std::max(double(minimum), m_t.burstFactor * baseline);
    if (!a.hasCreatedAt)
        return result(name, 0, threshold, false, "creation date unknown");
    const auto &map = week ? m_perWeek : m_perDay;
    const int count = map.at(week ? weekOf(a.createdAt) : dayOf(a.createdAt));
    const std::string when =
        week ? "the week of " + isoDay((weekOf(a.createdAt) * 7) - 3) : isoDay(dayOf(a.createdAt));
    return result(name, count, threshold, count >= threshold,
                  "created " + when + " with " + number(count - 1) +
                      " other accounts; the median " + (week ? "week" : "day") +
                      " with creations has " + number(baseline, 1) + " (threshold " +
                      number(threshold, 1) + ")");
}

SignalResult AccountSignals::generatedHandle(const AccountFacts &a) const
{
    const std::string &h = a.handle;
    std::size_t digits = 0;
    while (digits < h.size() && std::isdigit(static_cast<unsigned char>(h[h.size() - 1 - digits])))
        ++digits;
    std::size_t letters = 0;
    for (char c : h.substr(0, h.size() - digits))
        if (std::isalpha(static_cast<unsigned char>(c)))
            ++letters;
    if (letters >= 2 && int(digits) >= m_t.handleDigits)
        return result("generated_handle", double(digits), m_t.handleDigits, true,
                      "handle \"" + h + "\" is a name followed by " + number(double(digits)) +
                          " digits (threshold " + number(m_t.handleDigits) + ")");
    int run = 0, longest = 0;
    for (char c : h) {
        run = std::isalpha(static_cast<unsigned char>(c)) && !isVowel(c) ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    const bool fired = longest >= m_t.handleConsonants;
    return result("generated_handle", fired ? longest : double(digits),
                  fired ? m_t.handleConsonants : m_t.handleDigits, fired,
                  fired ? "handle \"" + h + "\" has a run of " + number(longest) +
                              " consonants (threshold " + number(m_t.handleConsonants) + ")"
                        : "handle \"" + h + "\" ends in " + number(double(digits)) +
                              " digits, longest consonant run " + number(longest));
}

SignalResult AccountSignals::sharedText(const AccountFacts &a, bool bio) const
{
    const char *name = bio ? "shared_bio" : "shared_display_name";
    const double baseline = bio ? m_medianBio : m_medianName;
    const double threshold =
        std::max(double(bio ? m_t.sharedBioMin : m_t.sharedNameMin), m_t.sharedFactor * baseline);
    const auto &map = bio ? m_bios : m_names;
    const std::string key = foldedText(bio ? a.bio : a.displayName);
    const auto it = map.find(key);
    const int count = it == map.end() ? (key.empty() ? 0 : 1) : it->second;
    return result(name, count, threshold, count >= threshold,
                  std::string(bio ? "bio" : "display name") + " shared by " + number(count) +
                      " accounts (threshold " + number(threshold, 1) + "; the median " +
                      (bio ? "bio" : "name") + " is used by " + number(baseline, 1) + ")");
}

SignalResult AccountSignals::postingRate(const AccountFacts &a) const
{
    const double days = std::max(1.0, double(a.lastPostAt - a.firstPostAt) / Day);
    const double rate = double(a.posts) / days;
    return result("posting_rate", rate, m_t.postsPerDay, a.posts > 0 && rate >= m_t.postsPerDay,
                  number(double(a.posts)) + " posts over " + number(days, 1) + " days = " +
                      number(rate, 1) + " a day (threshold " + number(m_t.postsPerDay) + ")");
}

SignalResult AccountSignals::repostShare(const AccountFacts &a) const
{
    const double share = a.posts > 0 ? double(a.reposts) / double(a.posts) : 0;
    return result("repost_share", share, m_t.repostShare,
                  a.posts >= m_t.repostMinPosts && share >= m_t.repostShare,
                  number(double(a.reposts)) + " of " + number(double(a.posts)) +
                      " posts are reposts (" + number(share * 100, 1) + "%, threshold " +
                      number(m_t.repostShare * 100) + "% of at least " +
                      number(m_t.repostMinPosts) + " posts)");
}

SignalResult AccountSignals::hourProfile(const AccountFacts &a) const
{
    double total = 0;
    for (std::uint32_t n : a.hours)
        total += n;
    double distance = 0;
    int peak = 0;
    for (int h = 0; h < 24; ++h) {
        const double share = total > 0 ? a.hours[std::size_t(h)] / total : 0;
        distance += std::abs(share - m_hourShare[std::size_t(h)]) / 2;
        if (a.hours[std::size_t(h)] > a.hours[std::size_t(peak)])
            peak = h;
    }
    if (total <= 0)
        distance = 0;
    return result("hour_profile", distance, m_t.hourDistance,
                  total >= m_t.hourMinPosts && distance >= m_t.hourDistance,
                  "hour-of-day profile differs from the collection's by " +
                      number(distance * 100, 1) + "% (total variation; threshold " +
                      number(m_t.hourDistance * 100) + "% with " + number(m_t.hourMinPosts) +
                      "+ posts); busiest hour " + number(peak) + ":00 UTC with " +
                      number(a.hours[std::size_t(peak)]) + " of " + number(total) + " posts");
}

SignalResult AccountSignals::topCluster(const AccountFacts &a) const
{
    return result("top_cluster", a.topClusters, 1, a.topClusters >= 1,
                  "posted in " + number(a.topClusters) + " of the top duplicate-text clusters");
}

SignalResult AccountSignals::farFromTopic(const AccountFacts &a) const
{
    return result("claimed_location_far_from_topic", a.farFromTopicClusters, 1,
                  a.farFromTopicClusters >= 1,
                  a.farFromTopicClusters == 0
                      ? std::string("posted in no place-mismatch cluster from far away")
                      : a.farFromTopic + (a.farFromTopicClusters > 1
                                              ? " (and " + number(a.farFromTopicClusters - 1) +
                                                    " more such clusters)"
                                              : std::string()));
}

SignalResult AccountSignals::topCommunity(const AccountFacts &a) const
{
    const bool fired = a.community >= 0 && a.community < m_t.topCommunities &&
                       a.communitySize >= m_t.communityMinSize;
    return result("top_community", a.communitySize, m_t.communityMinSize, fired,
                  a.community < 0
                      ? std::string("not in the coordination network")
                      : "in community " + number(a.community) + " (rank " +
                            number(a.community + 1) + " by size, " + number(a.communitySize) +
                            " accounts; top " + number(m_t.topCommunities) + " with " +
                            number(m_t.communityMinSize) + "+ accounts count)");
}

} // namespace chorus
