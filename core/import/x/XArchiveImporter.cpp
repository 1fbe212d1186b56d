#include "import/x/XArchiveImporter.h"

#include "import/CsvReader.h"
#include "import/ImportSupport.h"
#include "text/TextCleaner.h"
#include "text/TimeParser.h"

#include <QIODevice>

namespace chorus {

namespace {

struct Columns
{
    int tweetId, userId, displayName, screenName, location, bio, followers, following, created,
        accountLanguage, tweetLanguage, text, time, replyTo, quoted, isRetweet, retweetId, latitude,
        longitude, hashtags, urls, mentions;

    explicit Columns(const CsvHeader &h)
        : tweetId(h.index("tweetid")), userId(h.index("userid")),
          displayName(h.index("user_display_name")), screenName(h.index("user_screen_name")),
          location(h.index("user_reported_location")), bio(h.index("user_profile_description")),
          followers(h.index("follower_count")), following(h.index("following_count")),
          created(h.index("account_creation_date")), accountLanguage(h.index("account_language")),
          tweetLanguage(h.index("tweet_language")), text(h.index("tweet_text")),
          time(h.index("tweet_time")), replyTo(h.index("in_reply_to_tweetid")),
          quoted(h.index("quoted_tweet_tweetid")), isRetweet(h.index("is_retweet")),
          retweetId(h.index("retweet_tweetid")), latitude(h.index("latitude")),
          longitude(h.index("longitude")), hashtags(h.index("hashtags")), urls(h.index("urls")),
          mentions(h.index("user_mentions"))
    {}
};

std::string_view at(const CsvReader &r, int column)
{
    return column < 0 ? std::string_view() : r.field(size_t(column));
}

// Ids like "1234.0" appear when a tool round-tripped the file through a float column.
std::string idField(std::string_view raw)
{
    std::string_view id = trimmed(raw);
    if (isMissingValue(id))
        return {};
    if (id.size() > 2 && id.substr(id.size() - 2) == ".0" &&
        id.find_first_not_of("0123456789") == id.size() - 2)
        id.remove_suffix(2);
    return std::string(id);
}

AccountRecord readAccount(const CsvReader &r, const Columns &c, RecordSink &sink, std::int64_t line)
{
    AccountRecord a;
    a.platform = "x";
    a.platformId = idField(at(r, c.userId));
    a.handle = cleanField(sink, line, "user_screen_name", trimmed(at(r, c.screenName)));
    a.displayName = cleanField(sink, line, "user_display_name", at(r, c.displayName));
    a.location = cleanField(sink, line, "user_reported_location", trimmed(at(r, c.location)));
    a.bio = cleanField(sink, line, "user_profile_description", at(r, c.bio));
    a.language = std::string(trimmed(at(r, c.accountLanguage)));
    a.followers = parseCount(at(r, c.followers));
    a.following = parseCount(at(r, c.following));
    const std::string_view created = trimmed(at(r, c.created));
    if (!isMissingValue(created)) {
        a.createdAt = parseTimestamp(created);
        if (!a.createdAt)
            sink.warn(line, "account_creation_date", "unrecognised date; left empty", created);
    }
    return a;
}

std::vector<std::string> listField(const CsvReader &r, int column, RecordSink &sink,
                                   std::int64_t line, const char *name)
{
    bool ok = true;
    std::vector<std::string> items = parsePythonList(at(r, column), &ok);
    if (!ok)
        sink.warn(line, name, "not a list like ['a', 'b']; ignored", at(r, column));
    for (std::string &item : items)
        item = cleanField(sink, line, name, item);
    return items;
}

} // namespace

int XArchiveImporter::detect(std::string_view head) const
{
    if (headerHasColumns(head, {"tweetid", "userid", "tweet_text", "tweet_time"}))
        return 95;
    if (headerHasColumns(head, {"userid", "user_screen_name", "account_creation_date"}))
        return 80; // the users file of the same release
    return 0;
}

Status XArchiveImporter::read(QIODevice &in, const std::string &, const ImportOptions &,
                              RecordSink &sink, ProgressSink &progress)
{
    CsvReader reader(in);
    if (!reader.next())
        return Error{"the file is empty"};
    const CsvHeader header(reader);
    const bool usersOnly = !header.has("tweetid");
    const std::string missing = usersOnly
                                    ? header.firstMissing({"userid"})
                                    : header.firstMissing({"tweetid", "userid", "tweet_time"});
    if (!missing.empty())
        return Error{"not an X archive file: column '" + missing + "' is missing"};
    const Columns c(header);
    const std::int64_t total = in.size();

    std::int64_t records = 0;
    while (reader.next()) {
        const std::int64_t line = reader.line();
        if (!reportProgress(progress, ++records, reader.bytesConsumed(), total))
            return Error::cancel();
        if (!usableRow(reader, header.size(), sink))
            continue;
        if (idField(at(reader, c.userId)).empty()) {
            sink.reject(line, "userid", "missing account id", reader.excerpt());
            continue;
        }
        if (usersOnly) {
            sink.account(readAccount(reader, c, sink, line));
            continue;
        }

        PostRecord p;
        p.line = line;
        p.platform = "x";
        p.platformId = idField(at(reader, c.tweetId));
        if (p.platformId.empty()) {
            sink.reject(line, "tweetid", "missing tweet id", reader.excerpt());
            continue;
        }
        const auto time = parseTimestamp(at(reader, c.time));
        if (!time) {
            sink.reject(line, "tweet_time",
                        "unrecognised timestamp '" + std::string(at(reader, c.time).substr(0, 40)) +
                            "'",
                        reader.excerpt());
            continue;
        }
        p.createdAt = *time;
        p.author = readAccount(reader, c, sink, line);
        p.text = cleanField(sink, line, "tweet_text", at(reader, c.text));
        p.language = std::string(trimmed(at(reader, c.tweetLanguage)));
        if (parseBool(at(reader, c.isRetweet))) {
            p.kind = PostKind::Repost;
            p.repostOf = idField(at(reader, c.retweetId));
        }
        p.replyTo = idField(at(reader, c.replyTo));
        p.quoteOf = idField(at(reader, c.quoted));
        if (p.kind == PostKind::Post)
            p.kind = !p.replyTo.empty()   ? PostKind::Reply
                     : !p.quoteOf.empty() ? PostKind::Quote
                                          : PostKind::Post;
        p.latitude = parseReal(at(reader, c.latitude));
        p.longitude = parseReal(at(reader, c.longitude));
        checkCoordinates(sink, line, p.latitude, p.longitude);
        p.hashtags = listField(reader, c.hashtags, sink, line, "hashtags");
        p.urls = listField(reader, c.urls, sink, line, "urls");
        p.mentions = listField(reader, c.mentions, sink, line, "user_mentions");
        sink.post(std::move(p));
    }
    return {};
}

} // namespace chorus
