// YoutubeSample: seeded commentThreads.list pages for bench_platform_import.
#include "YoutubeSample.h"

#include "Random.h"
#include "SampleJson.h"
#include "TextPools.h"

#include "text/TimeParser.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

namespace chorus::bench {

namespace {

constexpr std::uint64_t Channels = 100000;
constexpr std::uint64_t Videos = 200;
constexpr int ThreadsPerPage = 20;
constexpr std::int64_t Start = 1677628800; // 2023-03-01T00:00:00Z

// A YouTube-looking id: `length` characters of the URL-safe base64 alphabet.
std::string idFrom(std::uint64_t seed, std::uint64_t key, int length)
{
    static const char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    Random random(Random::derive(seed, key));
    std::string id;
    for (int i = 0; i < length; ++i)
        id += alphabet[random.below(64)];
    return id;
}

std::string isoTime(std::int64_t t)
{
    const CivilTime c = civilFromEpoch(t);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year, c.month, c.day,
                  c.hour, c.minute, c.second);
    return buffer;
}

// textDisplay as the API writes it: HTML-escaped, line breaks as <br>.
std::string displayOf(const std::string &text)
{
    std::string html;
    for (const char c : text) {
        switch (c) {
        case '&':
            html += "&amp;";
            break;
        case '<':
            html += "&lt;";
            break;
        case '>':
            html += "&gt;";
            break;
        case '\'':
            html += "&#39;";
            break;
        case '"':
            html += "&quot;";
            break;
        case '\n':
            html += "<br>";
            break;
        default:
            html += c;
        }
    }
    return html;
}

class PageWriter
{
public:
    PageWriter(std::uint64_t seed) : m_seed(seed), m_random(Random::derive(seed, 0x70075BE)) {}

    // One page of up to ThreadsPerPage threads, at most `budget` comments; the count written.
    std::int64_t page(std::int64_t budget, std::string &out)
    {
        out += R"({"kind":"youtube#commentThreadListResponse","etag":")" +
               idFrom(m_seed, 0xE7A6 + m_pages, 27) + R"(","nextPageToken":")" +
               idFrom(m_seed, 0x7A6E + m_pages, 40) +
               R"(","pageInfo":{"totalResults":20,"resultsPerPage":20},"items":[)";
        ++m_pages;
        std::int64_t written = 0;
        for (int t = 0; t < ThreadsPerPage && written < budget; ++t) {
            const int listed = int(std::min<std::int64_t>(
                budget - written - 1, m_random.chance(0.6) ? 0 : m_random.between(1, 5)));
            const int total = listed == 5 && m_random.chance(0.3)
                                  ? listed + int(m_random.between(1, 40))
                                  : listed;
            if (t)
                out += ',';
            thread(listed, total, out);
            written += 1 + listed;
        }
        out += "]}\n";
        return written;
    }

private:
    void thread(int listed, int total, std::string &out)
    {
        const std::uint64_t video = m_random.below(Videos);
        const std::string videoId = idFrom(m_seed, 0x51DE0 + video, 11);
        const std::string topId = "Ugx" + idFrom(m_seed, 0xC0 + m_comments, 23);
        m_time += std::int64_t(m_random.exponential(3.0));
        out += R"({"kind":"youtube#commentThread","etag":")" + idFrom(m_seed, m_comments, 27) +
               R"(","id":")" + topId + R"(","snippet":{"channelId":"UC)" +
               idFrom(m_seed, 0xC4A + video % 40, 22) + R"(","videoId":")" + videoId +
               R"(","topLevelComment":)";
        comment(topId, {}, videoId, m_time, out);
        out += R"(,"canReply":true,"totalReplyCount":)" + std::to_string(total) +
               R"(,"isPublic":true})";
        if (listed > 0) {
            out += R"(,"replies":{"comments":[)";
            for (int r = 0; r < listed; ++r) {
                if (r)
                    out += ',';
                comment(topId + "." + idFrom(m_seed, 0xAE + m_comments, 22), topId, videoId,
                        m_time + m_random.between(5, 7200), out);
            }
            out += "]}";
        }
        out += '}';
    }

    void comment(const std::string &id, const std::string &parent, const std::string &videoId,
                 std::int64_t when, std::string &out)
    {
        ++m_comments;
        // Few channels write most comments.
        const auto channel = std::uint64_t(std::pow(m_random.real(), 2.0) * double(Channels));
        const std::string channelId = "UC" + idFrom(m_seed, 0xCA000000 + channel, 22);
        const std::string handle = "@user" + std::to_string(channel);
        std::string text = organicText(m_random, m_random.chance(0.3));
        if (parent.empty() && m_random.chance(0.1))
            text += "\n#" + std::string(pickFrom(m_random, pools::organicHashtags()));
        if (m_random.chance(0.02))
            text += "\xEF\xBB\xBF"; // some clients end comments with U+FEFF
        out += R"({"kind":"youtube#comment","etag":")" + idFrom(m_seed, 0xE7 + m_comments, 27) +
               R"(","id":")" + id + R"(","snippet":{"channelId":"UCowner","videoId":")" + videoId +
               R"(","textDisplay":)";
        appendJsonString(out, displayOf(text));
        out += R"(,"textOriginal":)";
        appendJsonString(out, text);
        if (!parent.empty())
            out += R"(,"parentId":")" + parent + '"';
        out += R"(,"authorDisplayName":")" + handle +
               R"(","authorProfileImageUrl":"https://yt3.ggpht.com/ytc/)" +
               idFrom(m_seed, 0x1A + channel, 30) +
               R"(=s48-c-k-c0x00ffffff-no-rj","authorChannelUrl":"http://www.youtube.com/)" +
               handle + R"(","authorChannelId":{"value":")" + channelId +
               R"("},"canRate":true,"viewerRating":"none","likeCount":)" +
               std::to_string(m_random.chance(0.7) ? 0 : m_random.below(500)) +
               R"(,"publishedAt":")" + isoTime(when) + R"(","updatedAt":")" + isoTime(when) +
               R"("}})";
    }

    std::uint64_t m_seed;
    Random m_random;
    std::int64_t m_time = Start;
    std::uint64_t m_pages = 0;
    std::uint64_t m_comments = 0;
};

} // namespace

bool writeYoutubeSample(const std::string &path, std::int64_t records, std::uint64_t seed)
{
    std::unique_ptr<std::FILE, int (*)(std::FILE *)> file(std::fopen(path.c_str(), "wb"),
                                                          &std::fclose);
    if (!file)
        return false;
    PageWriter writer(seed);
    std::string buffer;
    for (std::int64_t written = 0; written < records;) {
        written += writer.page(records - written, buffer);
        if (buffer.size() > (1 << 20) || written >= records) {
            if (std::fwrite(buffer.data(), 1, buffer.size(), file.get()) != buffer.size())
                return false;
            buffer.clear();
        }
    }
    return std::fclose(file.release()) == 0;
}

} // namespace chorus::bench
