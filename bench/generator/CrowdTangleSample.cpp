// The CrowdTangle Facebook sample for bench_platform_import (see core/import/crowdtangle).
#include "CrowdTangleSample.h"

#include "SampleJson.h"

#include "TextPools.h"

#include "text/TimeParser.h"

#include <cstdio>
#include <memory>

namespace chorus::bench {

namespace {

constexpr std::int64_t Pages = 100000;

constexpr const char *Header =
    "\xEF\xBB\xBFPage Name,User Name,Facebook Id,Page Category,Page Admin Top Country,"
    "Page Description,Page Created,Likes at Posting,Followers at Posting,Post Created,"
    "Post Created Date,Post Created Time,Type,Total Interactions,Likes,Comments,Shares,Love,Wow,"
    "Haha,Sad,Angry,Care,Video Share Status,Is Video Owner?,Post Views,Total Views,"
    "Total Views For All Crossposts,Video Length,URL,Message,Link,Final Link,Image Text,"
    "Link Text,Description,Sponsor Id,Sponsor Name,Sponsor Category,"
    "\"Overperforming Score (weighted  \xE2\x80\x94  Likes 1x Shares 1x Comments 1x Love 1x Wow "
    "1x Haha 1x Sad 1x Angry 1x Care 1x )\"\n";

struct ZoneChoice
{
    const char *name;
    int offsetSeconds;
    const char *country;
};
constexpr ZoneChoice Zones[] = {{"BRT", -10800, "BR"}, {"EDT", -14400, "US"}, {"CET", 3600, "DE"},
                                {"IST", 19800, "IN"},  {"UTC", 0, "GB"},      {"CEST", 7200, "FR"}};

std::string localTime(std::int64_t utc, const ZoneChoice &zone, bool withZone)
{
    const CivilTime c = civilFromEpoch(utc + zone.offsetSeconds);
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d %02d:%02d:%02d%s%s", c.year, c.month,
                  c.day, c.hour, c.minute, c.second, withZone ? " " : "",
                  withZone ? zone.name : "");
    return buffer;
}

// 407137 as "407.137" (a dot-grouping locale), "407,137" or "407137".
std::string localeCount(std::int64_t n, int style)
{
    std::string digits = std::to_string(n);
    if (style == 0)
        return digits;
    const char separator = style == 1 ? '.' : ',';
    for (int at = int(digits.size()) - 3; at > 0; at -= 3)
        digits.insert(size_t(at), 1, separator);
    return digits;
}

} // namespace

bool writeCrowdTangleSample(const std::string &path, std::int64_t records, std::uint64_t seed)
{
    const std::unique_ptr<std::FILE, int (*)(std::FILE *)> file(std::fopen(path.c_str(), "wb"),
                                                                &std::fclose);
    if (!file || std::fputs(Header, file.get()) < 0)
        return false;
    Random random(seed);
    std::int64_t time = 1625000000;
    std::string row;
    for (std::int64_t i = 0; i < records; ++i) {
        time += 1 + std::int64_t(random.below(5));
        const std::int64_t page = std::int64_t(random.below(Pages));
        Random pageRandom(Random::derive(seed, std::uint64_t(page)));
        const ZoneChoice &zone = pickFrom(pageRandom, std::span<const ZoneChoice>(Zones));
        const int locale = int(pageRandom.below(3));
        const std::string handle = "page." + std::to_string(page);
        const std::string name = std::string(pickFrom(pageRandom, pools::firstNames())) + " " +
                                 pickFrom(pageRandom, pools::lastNames()) + " News";
        const std::int64_t followers = std::int64_t(pageRandom.below(2000000)) + 10;
        const bool sharesLink = random.chance(0.4);
        const bool bareLink = sharesLink && random.chance(0.25);
        std::string message;
        if (!bareLink) {
            message = organicText(random, random.chance(0.3));
            const int tags = int(random.below(3));
            for (int t = 0; t < tags; ++t)
                message += std::string(" #") + pickFrom(random, pools::organicHashtags());
        }
        const std::string postId = std::to_string(4000000000000000LL + i);
        const std::string site = pickFrom(random, pools::newsSites());
        const std::string link =
            sharesLink ? "https://" + site + "/story/" + std::to_string(random.below(200000)) : "";

        row.clear();
        csvField(row, name);
        row += ',' + handle + ',' + std::to_string(100044000000000000LL + page) +
               ",MEDIA_NEWS_COMPANY," + zone.country + ",";
        csvField(row, profileBio(pageRandom, false));
        row += ',' + localTime(1262304000 + std::int64_t(pageRandom.below(300000000)), zone, false);
        row += ",\"" + localeCount(followers * 9 / 10, locale) + "\",\"" +
               localeCount(followers, locale) + "\",";
        const std::string local = localTime(time, zone, true);
        row += local + ',' + local.substr(0, 10) + ',' + local.substr(11, 8) + ',' +
               (sharesLink ? "Link" : "Status") + ",\"" + localeCount(1204, locale) +
               "\",800,12,392,0,0,0,0,0,0,,-,0,0,0,N/A,https://www.facebook.com/" + handle +
               "/posts/" + postId + ',';
        csvField(row, message);
        row += ',' + link + ',' + link + ",,";
        if (sharesLink) {
            csvField(row, "Headline " + std::to_string(random.below(100000)));
            row += ',';
            csvField(row, organicText(random, false));
        } else {
            row += ',';
        }
        row += ",,,,\"-1,56\"\n";
        if (std::fwrite(row.data(), 1, row.size(), file.get()) != row.size())
            return false;
    }
    return std::fflush(file.get()) == 0;
}

} // namespace chorus::bench
