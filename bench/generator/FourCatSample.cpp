// The Zeeschuimer NDJSON sample for bench_platform_import: the layouts the 4cat importer maps
// (see core/import/fourcat), with the envelope and the extra keys real captures carry.
#include "FourCatSample.h"

#include "SampleJson.h"

#include "TextPools.h"

#include "text/TimeParser.h"

#include <cstdio>
#include <memory>
#include <vector>

namespace chorus::bench {

namespace {

constexpr std::int64_t Accounts = 100000;

// "Wed Jul 05 18:02:45 +0000 2023", the web app's tweet time.
std::string v1Time(std::int64_t t)
{
    static const char *const Days[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
    static const char *const Months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const CivilTime c = civilFromEpoch(t);
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%s %s %02d %02d:%02d:%02d +0000 %04d",
                  Days[(t / 86400) % 7], Months[c.month - 1], c.day, c.hour, c.minute, c.second,
                  c.year);
    return buffer;
}

class Writer
{
public:
    explicit Writer(std::uint64_t seed) : m_random(seed) {}

    // One line: the envelope and the captured object.
    const std::string &item(std::int64_t index)
    {
        m_line.clear();
        m_time += 1 + std::int64_t(m_random.below(5));
        const std::uint64_t kind = m_random.below(100);
        const char *platform = kind < 45   ? "tiktok.com"
                               : kind < 60 ? "tiktok-comments"
                               : kind < 80 ? "instagram.com"
                                           : "twitter.com";
        const std::string id = std::to_string(7250000000000000000LL + index);
        m_line += R"({"nav_index":"1:3:)" + std::to_string(index / 50) + R"(","item_id":")" + id +
                  R"(","timestamp_collected":)" + std::to_string(m_time * 1000 + 123) +
                  R"(,"source_platform":")" + platform +
                  R"(","source_platform_url":"https://www.example.com/","source_url":)"
                  R"("https://www.example.com/api/feed/","user_agent":"Mozilla/5.0 (X11; Linux )"
                  R"(x86_64; rv:115.0) Gecko/20100101 Firefox/115.0","data":)";
        if (kind < 45)
            tiktokVideo(id);
        else if (kind < 60)
            tiktokComment(id);
        else if (kind < 80)
            instagramPost(index);
        else
            tweet(id);
        m_line += "}\n";
        return m_line;
    }

private:
    std::string text()
    {
        std::string t = organicText(m_random, m_random.chance(0.3));
        const int tags = int(m_random.below(3));
        for (int i = 0; i < tags; ++i)
            t += std::string(" #") + pickFrom(m_random, pools::organicHashtags());
        if (m_random.chance(0.2))
            t += " @user_" + std::to_string(m_random.below(Accounts));
        if (m_random.chance(0.2))
            t += std::string(" ") + pickFrom(m_random, pools::emoji());
        return t;
    }
    std::int64_t account() { return std::int64_t(m_random.below(Accounts)); }
    std::string name(std::int64_t a)
    {
        Random names(Random::derive(7, std::uint64_t(a)));
        return std::string(pickFrom(names, pools::firstNames())) + " " +
               pickFrom(names, pools::lastNames());
    }
    const std::string &earlier(std::vector<std::string> &ids, const std::string &fallback)
    {
        return ids.empty() ? fallback : ids[m_random.below(ids.size())];
    }
    void remember(std::vector<std::string> &ids, const std::string &id)
    {
        if (ids.size() < 5000)
            ids.push_back(id);
        else
            ids[m_random.below(ids.size())] = id;
    }

    void tiktokVideo(const std::string &id)
    {
        const std::int64_t a = account();
        const std::string desc = text();
        m_line += R"({"id":")" + id + R"(","desc":)";
        appendJsonString(m_line, desc);
        m_line += R"(,"createTime":)" + std::to_string(m_time - 600) +
                  R"(,"textLanguage":"en","author":{"id":")" +
                  std::to_string(6800000000000000000LL + a) + R"(","uniqueId":"user_)" +
                  std::to_string(a) + R"(","nickname":)";
        appendJsonString(m_line, name(a));
        m_line += R"(,"signature":"just vibes","verified":false},"authorStats":{"followerCount":)" +
                  std::to_string(m_random.below(50000)) + R"(,"followingCount":)" +
                  std::to_string(m_random.below(900)) + R"(,"videoCount":)" +
                  std::to_string(m_random.below(400)) +
                  R"(,"heartCount":1200},"challenges":[],"textExtra":[],)"
                  R"("stats":{"diggCount":12,"commentCount":3,"shareCount":1,"playCount":800},)"
                  R"("music":{"id":"6900000000000000001","title":"original sound"},)"
                  R"("video":{"duration":15,"cover":"https://p16.example/cover.jpeg"}})";
        remember(m_videos, id);
    }

    void tiktokComment(const std::string &id)
    {
        const std::int64_t a = account();
        const std::string body = text();
        m_line += R"({"cid":")" + id + R"(","text":)";
        appendJsonString(m_line, body);
        m_line += R"(,"create_time":)" + std::to_string(m_time - 60) + R"(,"aweme_id":")" +
                  earlier(m_videos, id) +
                  R"(","reply_id":"0","comment_language":"en","digg_count":2,"user":{"uid":")" +
                  std::to_string(6800000000000000000LL + a) + R"(","unique_id":"user_)" +
                  std::to_string(a) + R"(","nickname":)";
        appendJsonString(m_line, name(a));
        m_line += "}}";
    }

    void instagramPost(std::int64_t index)
    {
        const std::int64_t a = account();
        const std::string caption = text();
        const std::string pk = std::to_string(2600000000000000000LL + index);
        m_line += R"({"id":")" + pk + "_" + std::to_string(a) + R"(","pk":")" + pk +
                  R"(","code":"C)" + std::to_string(index) + R"(x","taken_at":)" +
                  std::to_string(m_time - 3600) + R"(,"media_type":1,"caption":{"text":)";
        appendJsonString(m_line, caption);
        m_line += R"(},"user":{"pk":")" + std::to_string(a) + R"(","username":"user_)" +
                  std::to_string(a) + R"(","full_name":)";
        appendJsonString(m_line, name(a));
        m_line += R"(,"is_verified":false},"like_count":31,"comment_count":4,)"
                  R"("image_versions2":{"candidates":[{"url":"https://scontent.example/a.jpg"}]}})";
    }

    void tweetObject(const std::string &id, std::int64_t a, std::int64_t t,
                     const std::string &fullText, const std::string &references)
    {
        m_line += R"({"__typename":"Tweet","rest_id":")" + id +
                  R"(","core":{"user_results":{"result":{"__typename":"User","rest_id":")" +
                  std::to_string(10000000 + a) + R"(","legacy":{"screen_name":"user_)" +
                  std::to_string(a) + R"(","name":)";
        appendJsonString(m_line, name(a));
        m_line +=
            R"(,"description":"","followers_count":)" + std::to_string(a % 5000) +
            R"(,"friends_count":300,"statuses_count":4000,"created_at":"Mon Jan 04 10:00:00 +0000 2021"}}}},"legacy":{"id_str":")" +
            id + R"(","full_text":)";
        appendJsonString(m_line, fullText);
        m_line += R"(,"created_at":")" + v1Time(t) + R"(","lang":"en","user_id_str":")" +
                  std::to_string(10000000 + a) + R"(","conversation_id_str":")" + id +
                  R"(","entities":{"hashtags":[],"user_mentions":[],"urls":[]},)"
                  R"("retweet_count":2,"favorite_count":5,"reply_count":0,"quote_count":0)" +
                  references + "}}";
    }

    void tweet(const std::string &id)
    {
        const std::uint64_t kind = m_random.below(100);
        const std::int64_t a = account();
        if (kind < 25 && !m_tweets.empty()) { // a retweet embeds its original whole
            const auto &[originalId, original] = m_tweets[m_random.below(m_tweets.size())];
            std::string embedded;
            std::swap(embedded, m_line);
            tweetObject(originalId, original.author, original.time, original.text, {});
            std::swap(embedded, m_line);
            tweetObject(id, a, m_time,
                        "RT @user_" + std::to_string(original.author) + ": " + original.text,
                        R"(,"retweeted_status_result":{"result":)" + embedded + "}");
            return;
        }
        std::string references;
        if (kind < 40 && !m_tweets.empty())
            references = R"(,"in_reply_to_status_id_str":")" +
                         m_tweets[m_random.below(m_tweets.size())].first + "\"";
        const std::string body = text();
        tweetObject(id, a, m_time, body, references);
        const Original original{a, m_time, body};
        if (m_tweets.size() < 5000)
            m_tweets.emplace_back(id, original);
        else
            m_tweets[m_random.below(m_tweets.size())] = {id, original};
    }

    struct Original
    {
        std::int64_t author;
        std::int64_t time;
        std::string text;
    };

    Random m_random;
    std::string m_line;
    std::int64_t m_time = 1688000000;
    std::vector<std::string> m_videos;
    std::vector<std::pair<std::string, Original>> m_tweets;
};

} // namespace

bool writeFourCatSample(const std::string &path, std::int64_t records, std::uint64_t seed)
{
    const std::unique_ptr<std::FILE, int (*)(std::FILE *)> file(std::fopen(path.c_str(), "wb"),
                                                                &std::fclose);
    if (!file)
        return false;
    Writer writer(seed);
    for (std::int64_t i = 0; i < records; ++i) {
        const std::string &line = writer.item(i);
        if (std::fwrite(line.data(), 1, line.size(), file.get()) != line.size())
            return false;
    }
    return std::fflush(file.get()) == 0;
}

} // namespace chorus::bench
