#include "import/mastodon/MastodonStatus.h"

#include "import/HtmlText.h"
#include "import/ImportSupport.h"
#include "import/JsonSupport.h"
#include "text/TextCleaner.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace chorus {

namespace {

constexpr const char *Platform = "mastodon";
// A boost of a status that quotes another: real data nests two levels; more is malformed.
constexpr int MaxEmbedding = 3;

// The host of an http(s) URL ("https://mstdn.jp/@bob" -> "mstdn.jp"), or of an old OStatus
// tag URI ("tag:mstdn.jp,2017-04-14:objectId=1"), lower-cased; empty when there is none.
std::string hostOf(std::string_view url)
{
    size_t start = url.find("://");
    if (start != std::string_view::npos) {
        start += 3;
    } else if (url.substr(0, 4) == "tag:") {
        start = 4;
    } else {
        return {};
    }
    size_t end = start;
    while (end < url.size() && url[end] != '/' && url[end] != '?' && url[end] != '#' &&
           url[end] != ':' && url[end] != ',')
        ++end;
    std::string_view host = url.substr(start, end - start);
    if (const size_t at = host.rfind('@'); at != std::string_view::npos)
        host.remove_prefix(at + 1); // user info
    return asciiLower(host);
}

// `acct` made the same on every server: a local account's acct has no domain (the server
// that answered is implied), so `host()` (called only then) gives it. Empty when the record
// gives no name at all.
template <typename Host> std::string qualifiedAcct(std::string_view acct, const Host &host)
{
    if (!acct.empty() && acct.front() == '@')
        acct.remove_prefix(1);
    std::string qualified(acct);
    if (qualified.empty() || qualified.find('@') != std::string::npos)
        return qualified;
    const std::string domain = host();
    if (!domain.empty())
        qualified.append(1, '@').append(domain);
    return qualified;
}

bool isWebUrl(std::string_view url)
{
    const std::string scheme = asciiLower(url.substr(0, 8));
    return scheme.rfind("http://", 0) == 0 || scheme.rfind("https://", 0) == 0;
}

void addUnique(std::vector<std::string> &list, std::string value)
{
    if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end())
        list.push_back(std::move(value));
}

class StatusReader
{
public:
    StatusReader(RecordSink &sink, std::int64_t line) : m_sink(sink), m_line(line) {}

    // The status as a post, with its embedded originals appended to `context`; nullopt
    // when it cannot be used (reported here).
    std::optional<PostRecord> read(const JsonObject &status, const JsonFields &fields, int depth,
                                   std::vector<PostRecord> &context)
    {
        std::string problem;
        const auto fail = [&](std::string_view key) -> std::optional<PostRecord> {
            if (depth == 0)
                m_sink.reject(m_line, fields.name(key), problem, jsonExcerpt(status));
            else
                m_sink.warn(m_line, fields.name(key), problem + "; embedded status skipped",
                            jsonExcerpt(status));
            return std::nullopt;
        };
        const std::optional<std::string> id = fields.requiredId(status, "id", problem);
        if (!id)
            return fail("id");
        const std::optional<std::int64_t> when = fields.requiredTime(status, "created_at", problem);
        if (!when)
            return fail("created_at");
        const JsonValue accountValue = status.value("account");
        if (!accountValue.isObject()) {
            problem = accountValue.isUndefined() || accountValue.isNull()
                          ? "missing account"
                          : "expected an account object";
            return fail("account");
        }
        PostRecord p;
        p.author = readAccount(accountValue.toObject(), fields.nested("account"), [&] {
            // Without a profile URL, a local account is on the server of its status.
            const std::string url = fields.text(status, "url");
            return hostOf(url.empty() ? fields.text(status, "uri") : url);
        });
        if (p.author.platformId.empty()) {
            problem = "missing acct";
            return fail("account.acct");
        }
        p.line = m_line;
        p.platform = Platform;
        p.platformId = *id;
        p.createdAt = *when;
        // A boosted or quoted original is in the file because a collected status refers to it.
        p.context = depth > 0;
        p.language = fields.text(status, "language");
        p.replyTo = fields.id(status, "in_reply_to_id");
        readContent(status, fields, p);

        if (depth + 1 < MaxEmbedding)
            readEmbedded(status, fields, depth, p, context);
        setKindFromReferences(p);
        return p;
    }

private:
    template <typename Host>
    AccountRecord readAccount(const JsonObject &account, const JsonFields &fields,
                              const Host &statusHost) const
    {
        AccountRecord a;
        a.platform = Platform;
        std::string acct = fields.text(account, "acct");
        if (acct.empty())
            acct = fields.text(account, "username");
        a.platformId = qualifiedAcct(acct, [&] {
            std::string host = hostOf(fields.text(account, "url"));
            return host.empty() ? statusHost() : host;
        });
        a.handle = a.platformId;
        a.displayName = fields.text(account, "display_name");
        a.bio = html(account, fields, "note").text;
        a.createdAt = fields.time(account, "created_at");
        a.followers = fields.count(account, "followers_count");
        a.following = fields.count(account, "following_count");
        a.postCount = fields.count(account, "statuses_count");
        return a;
    }

    HtmlText html(const JsonObject &o, const JsonFields &fields, std::string_view key) const
    {
        HtmlText converted = convertHtml(fields.text(o, key));
        if (converted.repaired)
            fields.warn(key, "NUL bytes or invalid UTF-8 replaced", converted.text.substr(0, 120));
        return converted;
    }

    // Text, hashtags, mentions and links. Mention and hashtag links are read from the
    // `mentions` and `tags` arrays, so the links of the content that are not them are the
    // post's URLs.
    void readContent(const JsonObject &status, const JsonFields &fields, PostRecord &p) const
    {
        const HtmlText content = html(status, fields, "content");
        p.text = content.text;
        const JsonArray tags = fields.array(status, "tags");
        p.hashtags = fields.entities(tags, "tags", "name", {}, '#');

        std::vector<std::string> entityUrls;
        const JsonArray mentions = fields.array(status, "mentions");
        for (std::size_t i = 0; i < mentions.size(); ++i) {
            const JsonObject mention = mentions[i].toObject();
            const JsonFields mentionFields = fields.nested("mentions[" + std::to_string(i) + "]");
            const std::string url = mentionFields.text(mention, "url");
            std::string acct = mentionFields.text(mention, "acct");
            if (acct.empty())
                acct = mentionFields.text(mention, "username");
            if (acct.empty()) {
                fields.warn("mentions", "an entry without an 'acct' string skipped",
                            jsonExcerpt(mention));
                continue;
            }
            addUnique(p.mentions, qualifiedAcct(acct, [&] { return hostOf(url); }));
            entityUrls.push_back(url);
        }
        for (const JsonValue &tag : tags)
            entityUrls.push_back(tag.toObject().value("url").toStdString());

        for (const HtmlLink &link : content.links) {
            if (link.hasClass("mention") || link.hasClass("hashtag") || link.hasRel("tag") ||
                !isWebUrl(link.href) ||
                std::find(entityUrls.begin(), entityUrls.end(), link.href) != entityUrls.end())
                continue;
            addUnique(p.urls, cleanText(link.href));
        }
        const JsonObject card = fields.object(status, "card");
        const std::string cardUrl = fields.nested("card").text(card, "url");
        if (isWebUrl(cardUrl))
            addUnique(p.urls, cardUrl);
    }

    // The boosted original and the quoted status: their ids as references, and the statuses
    // themselves as context posts.
    void readEmbedded(const JsonObject &status, const JsonFields &fields, int depth, PostRecord &p,
                      std::vector<PostRecord> &context)
    {
        const JsonObject reblog = fields.object(status, "reblog");
        if (!reblog.isEmpty()) {
            const JsonFields reblogFields = fields.nested("reblog");
            p.repostOf = reblogFields.id(reblog, "id");
            std::optional<PostRecord> original = read(reblog, reblogFields, depth + 1, context);
            // A boost has no content of its own: it carries the original's, as a retweet does.
            if (original && p.text.empty()) {
                p.text = original->text;
                p.hashtags = original->hashtags;
                p.mentions = original->mentions;
                p.urls = original->urls;
                if (p.language.empty())
                    p.language = original->language;
            }
            if (original)
                context.push_back(std::move(*original));
        }

        // Mastodon 4.4 wraps the quoted status in a Quote {state, quoted_status} or gives
        // only its id (ShallowQuote {state, quoted_status_id}); Fedibird, Akkoma and others
        // give the status itself as `quote` and its id as `quote_id`.
        const JsonObject quote = fields.object(status, "quote");
        const JsonFields quoteFields = fields.nested("quote");
        const bool wrapped = quote.contains("state") || quote.contains("quoted_status") ||
                             quote.contains("quoted_status_id");
        const JsonFields quotedFields = wrapped ? quoteFields.nested("quoted_status") : quoteFields;
        const JsonObject quoted = wrapped ? quoteFields.object(quote, "quoted_status") : quote;
        if (wrapped)
            p.quoteOf = quoteFields.id(quote, "quoted_status_id");
        if (p.quoteOf.empty())
            p.quoteOf = quotedFields.id(quoted, "id");
        if (p.quoteOf.empty())
            p.quoteOf = fields.id(status, "quote_id");
        if (!quoted.isEmpty())
            if (std::optional<PostRecord> q = read(quoted, quotedFields, depth + 1, context))
                context.push_back(std::move(*q));
    }

    RecordSink &m_sink;
    std::int64_t m_line;
};

} // namespace

void readMastodonStatus(const JsonObject &status, std::int64_t line, RecordSink &sink)
{
    StatusReader reader(sink, line);
    std::vector<PostRecord> context;
    std::optional<PostRecord> post = reader.read(status, JsonFields(sink, line), 0, context);
    if (!post)
        return;
    sink.post(std::move(*post));
    for (PostRecord &embedded : context)
        sink.post(std::move(embedded));
}

} // namespace chorus
