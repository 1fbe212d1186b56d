// SyntheticCollection: writing the stream as an X archive CSV, twarc2 JSONL and a truth CSV.
#include "SyntheticCollection.h"

#include "SampleJson.h"

#include "text/TimeParser.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace chorus::bench {

namespace {

std::string formatTime(std::int64_t t, const char *format)
{
    const CivilTime c = civilFromEpoch(t);
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, format, c.year, c.month, c.day, c.hour, c.minute,
                  c.second);
    return buffer;
}

std::string xTime(std::int64_t t)
{
    return formatTime(t, "%04d-%02d-%02d %02d:%02d:%02d");
}
std::string xDate(std::int64_t t)
{
    return formatTime(t, "%04d-%02d-%02d");
}

std::string pythonList(const std::vector<std::string> &items)
{
    std::string out = "[";
    for (size_t i = 0; i < items.size(); ++i) {
        if (i)
            out += ", ";
        out += '\'';
        for (const char c : items[i]) {
            if (c == '\'' || c == '\\')
                out += '\\';
            out += c;
        }
        out += '\'';
    }
    out += ']';
    return out;
}

std::string count(std::int64_t n)
{
    return std::to_string(n) + ".0";
}

// "key": "value" with a leading comma unless first.
void jsonMember(std::string &out, const char *key, const std::string &value, bool first = false)
{
    if (!first)
        out += ',';
    out += '"';
    out += key;
    out += "\":";
    appendJsonString(out, value);
}

const char XHeader[] =
    "tweetid,userid,user_display_name,user_screen_name,user_reported_location,"
    "user_profile_description,user_profile_url,follower_count,following_count,"
    "account_creation_date,account_language,tweet_language,tweet_text,tweet_time,"
    "tweet_client_name,in_reply_to_userid,in_reply_to_tweetid,quoted_tweet_tweetid,is_retweet,"
    "retweet_userid,retweet_tweetid,latitude,longitude,quote_count,reply_count,like_count,"
    "retweet_count,hashtags,urls,user_mentions,poll_choices\n";

class XArchiveOutput
{
public:
    explicit XArchiveOutput(const SyntheticCollection &c) : m_c(c) {}
    static const char *header() { return XHeader; }

    void row(const SyntheticPost &p, std::string &out) const
    {
        const SyntheticAccount a = m_c.account(p.author);
        const auto field = [&](const std::string &value) {
            csvField(out, value);
            out += ',';
        };
        field(p.id);
        field(a.id);
        field(a.name);
        field(a.handle);
        field(a.location);
        field(a.bio);
        field({});
        field(count(a.followers));
        field(count(a.following));
        field(xDate(a.createdAt));
        field(a.language);
        field(p.language);
        field(p.text);
        field(xTime(p.createdAt));
        field(p.client);
        field(p.kind == SyntheticKind::Reply ? m_c.account(p.replyToAuthor).id : std::string());
        field(p.replyToId);
        field({});
        field(p.kind == SyntheticKind::Repost ? "True" : "False");
        field(p.kind == SyntheticKind::Repost ? m_c.account(p.repostOfAuthor).id : std::string());
        field(p.repostOfId);
        field(p.hasCoordinates ? std::to_string(p.latitude) : "absent");
        field(p.hasCoordinates ? std::to_string(p.longitude) : "absent");
        field(count(0));
        field(count(p.replies));
        field(count(p.likes));
        field(count(p.reposts));
        field(pythonList(p.hashtags));
        field(pythonList(p.urls));
        field(pythonList(p.mentions));
        out += '\n'; // poll_choices: empty
    }

private:
    const SyntheticCollection &m_c;
};

// twarc2 writes one API response page per line; users are joined from includes.users.
class Twarc2Output
{
public:
    explicit Twarc2Output(const SyntheticCollection &c) : m_c(c) {}

    void add(const SyntheticPost &p, std::string &out)
    {
        if (!m_tweets.empty())
            m_tweets += ',';
        std::string &t = m_tweets;
        t += '{';
        jsonMember(t, "id", p.id, true);
        jsonMember(t, "text", p.text);
        jsonMember(t, "author_id", m_c.account(p.author).id);
        jsonMember(t, "created_at", isoMillis(p.createdAt));
        jsonMember(t, "lang", p.language);
        jsonMember(t, "source", p.client);
        jsonMember(t, "conversation_id", p.kind == SyntheticKind::Reply ? p.replyToId : p.id);
        if (p.kind == SyntheticKind::Reply)
            jsonMember(t, "in_reply_to_user_id", m_c.account(p.replyToAuthor).id);
        if (p.kind != SyntheticKind::Post) {
            t += ",\"referenced_tweets\":[{\"type\":";
            t += p.kind == SyntheticKind::Reply ? "\"replied_to\"" : "\"retweeted\"";
            jsonMember(t, "id", p.kind == SyntheticKind::Reply ? p.replyToId : p.repostOfId);
            t += "}]";
        }
        t += ",\"entities\":{";
        entityList(t, "hashtags", "tag", p.hashtags, true);
        entityList(t, "mentions", "username", p.mentions, false);
        entityList(t, "urls", "expanded_url", p.urls, false);
        t += '}';
        if (p.hasCoordinates)
            t += ",\"geo\":{\"coordinates\":{\"type\":\"Point\",\"coordinates\":[" +
                 std::to_string(p.longitude) + "," + std::to_string(p.latitude) + "]}}";
        t += ",\"public_metrics\":{\"retweet_count\":" + std::to_string(p.reposts) +
             ",\"reply_count\":" + std::to_string(p.replies) +
             ",\"like_count\":" + std::to_string(p.likes) + ",\"quote_count\":0}}";
        if (std::find(m_authors.begin(), m_authors.end(), p.author) == m_authors.end())
            m_authors.push_back(p.author);
        if (m_newest.empty())
            m_newest = p.id;
        m_oldest = p.id;
        if (++m_count == 100)
            flush(out);
    }

    void flush(std::string &out)
    {
        if (m_count == 0)
            return;
        out += "{\"data\":[";
        out += m_tweets;
        out += "],\"includes\":{\"users\":[";
        for (size_t i = 0; i < m_authors.size(); ++i) {
            if (i)
                out += ',';
            user(out, m_c.account(m_authors[i]));
        }
        out += "]},\"meta\":{\"result_count\":" + std::to_string(m_count);
        jsonMember(out, "newest_id", m_newest);
        jsonMember(out, "oldest_id", m_oldest);
        jsonMember(out, "next_token", "b26v89c19zqg8o3f" + std::to_string(++m_page));
        out += "},\"__twarc\":{\"url\":\"https://api.twitter.com/2/tweets/search/"
               "all?expansions=author_id&max_results=100\",\"version\":\"2.14.0\"";
        jsonMember(out, "retrieved_at",
                   isoMillis(m_c.options().start + std::int64_t(m_c.options().days + 1) * 86400)
                       .replace(19, 5, "+00:00"));
        out += "}}\n";
        m_tweets.clear();
        m_authors.clear();
        m_newest.clear();
        m_count = 0;
    }

private:
    static void entityList(std::string &t, const char *name, const char *key,
                           const std::vector<std::string> &items, bool first)
    {
        if (items.empty())
            return;
        if (!first && t.back() != '{')
            t += ',';
        t += '"';
        t += name;
        t += "\":[";
        for (size_t i = 0; i < items.size(); ++i) {
            if (i)
                t += ',';
            t += '{';
            jsonMember(t, key, items[i], true);
            t += '}';
        }
        t += ']';
    }

    static void user(std::string &out, const SyntheticAccount &a)
    {
        out += '{';
        jsonMember(out, "id", a.id, true);
        jsonMember(out, "username", a.handle);
        jsonMember(out, "name", a.name);
        if (!a.location.empty())
            jsonMember(out, "location", a.location);
        jsonMember(out, "created_at", isoMillis(a.createdAt));
        jsonMember(out, "description", a.bio);
        out += ",\"verified\":false,\"public_metrics\":{\"followers_count\":" +
               std::to_string(a.followers) + ",\"following_count\":" + std::to_string(a.following) +
               ",\"tweet_count\":" + std::to_string(a.postCount) + ",\"listed_count\":0}}";
    }

    const SyntheticCollection &m_c;
    std::string m_tweets;
    std::vector<std::uint64_t> m_authors;
    std::string m_newest, m_oldest;
    int m_count = 0;
    std::uint64_t m_page = 0;
};

struct FileCloser
{
    void operator()(std::FILE *f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

} // namespace

bool SyntheticCollection::writeXArchive(const std::string &path) const
{
    return writeFiles(path, {}, {});
}

bool SyntheticCollection::writeTwarc2(const std::string &path) const
{
    return writeFiles({}, path, {});
}

bool SyntheticCollection::writeTruth(const std::string &path) const
{
    return writeFiles({}, {}, path);
}

bool SyntheticCollection::writeFiles(const std::string &xArchivePath, const std::string &twarc2Path,
                                     const std::string &truthPath) const
{
    File files[3];
    const std::string *paths[3] = {&xArchivePath, &twarc2Path, &truthPath};
    for (int i = 0; i < 3; ++i) {
        if (paths[i]->empty())
            continue;
        files[i].reset(std::fopen(paths[i]->c_str(), "wb"));
        if (!files[i]) {
            m_error = *paths[i] + ": " + std::strerror(errno);
            return false;
        }
    }
    std::string buffers[3];
    if (files[0])
        buffers[0] = XArchiveOutput::header();
    if (files[2])
        buffers[2] = "post_id,campaign,style\n";
    XArchiveOutput xArchive(*this);
    Twarc2Output twarc2(*this);
    bool ok = true;
    const auto drain = [&](bool force) {
        for (int i = 0; i < 3; ++i) {
            if (files[i] && (force || buffers[i].size() > (1 << 20))) {
                ok = ok && std::fwrite(buffers[i].data(), 1, buffers[i].size(), files[i].get()) ==
                               buffers[i].size();
                buffers[i].clear();
            }
        }
    };
    forEachPost([&](const SyntheticPost &p) {
        if (files[0])
            xArchive.row(p, buffers[0]);
        if (files[1])
            twarc2.add(p, buffers[1]);
        if (files[2])
            buffers[2] += p.id + "," + p.family + "," + p.style + "\n";
        drain(false);
        return ok;
    });
    twarc2.flush(buffers[1]);
    drain(true);
    for (int i = 0; i < 3; ++i) {
        if (files[i] && std::fclose(files[i].release()) != 0)
            ok = false;
    }
    if (!ok)
        m_error = "could not write the output files (disk full?)";
    return ok;
}

} // namespace chorus::bench
