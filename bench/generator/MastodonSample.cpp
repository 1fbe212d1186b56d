// The Mastodon sample writer for bench_platform_import.
#include "MastodonSample.h"

#include "Random.h"
#include "SampleJson.h"
#include "TextPools.h"

#include <cctype>
#include <string_view>
#include <vector>

namespace chorus::bench {

namespace {

constexpr std::uint64_t AccountCount = 100000;
constexpr std::int64_t Start = 1672531200; // 2023-01-01 00:00:00 UTC
constexpr std::uint64_t StatusIdBase = 109500000000000000ULL;
constexpr std::uint64_t OriginalIdBase = 108000000000000000ULL;
// The server whose timeline was collected: its own accounts have no domain in `acct`.
constexpr std::string_view LocalServer = "mastodon.social";
const char *const Servers[] = {"mastodon.social", "mstdn.jp",       "fosstodon.org",
                               "mastodon.online", "social.example", "infosec.exchange",
                               "mas.to",          "chaos.social"};

struct SampleAccount
{
    std::string id;
    std::string username;
    std::string server;
    std::string acct;
    std::string displayName;
    std::string note;
    bool french = false;
    std::int64_t createdAt = 0;
    std::int64_t followers = 0;
    std::int64_t following = 0;
    std::int64_t statuses = 0;
};

SampleAccount makeAccount(std::uint64_t seed, std::uint64_t index)
{
    Random random(Random::derive(seed, index + 1));
    SampleAccount a;
    a.id = std::to_string(100000 + index);
    const std::string first = pickFrom(random, pools::firstNames());
    const std::string last = pickFrom(random, pools::lastNames());
    for (const char c : first + "_" + last)
        a.username += char(std::tolower(static_cast<unsigned char>(c)));
    a.username += std::to_string(index % 1000);
    a.server = Servers[random.below(std::size(Servers))];
    a.acct = a.server == LocalServer ? a.username : a.username + "@" + a.server;
    a.french = random.chance(0.3);
    a.displayName = random.chance(0.1) ? std::string() : first + " " + last;
    const std::string bio = profileBio(random, a.french);
    a.note = bio.empty() ? std::string() : "<p>" + bio + "</p>";
    a.createdAt = Start - std::int64_t(random.below(5 * 365)) * 86400;
    a.followers = std::int64_t(random.exponential(300));
    a.following = std::int64_t(random.exponential(200));
    a.statuses = std::int64_t(random.exponential(2000));
    return a;
}

std::string htmlEscaped(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + 16);
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

void appendField(std::string &out, const char *key, std::string_view value)
{
    out += '"';
    out += key;
    out += "\":";
    appendJsonString(out, value);
    out += ',';
}

void appendNumber(std::string &out, const char *key, std::int64_t value)
{
    out += '"';
    out += key;
    out += "\":";
    out += std::to_string(value);
    out += ',';
}

void appendAccount(std::string &out, const SampleAccount &a)
{
    const std::string url = "https://" + a.server + "/@" + a.username;
    out += "{";
    appendField(out, "id", a.id);
    appendField(out, "username", a.username);
    appendField(out, "acct", a.acct);
    appendField(out, "display_name", a.displayName);
    out += R"("locked":false,"bot":false,"discoverable":true,"group":false,)";
    appendField(out, "created_at", isoMillis(a.createdAt - a.createdAt % 86400));
    appendField(out, "note", a.note);
    appendField(out, "url", url);
    appendField(out, "uri", "https://" + a.server + "/users/" + a.username);
    const std::string avatar = "https://files." + a.server + "/accounts/avatars/" + a.id + ".png";
    appendField(out, "avatar", avatar);
    appendField(out, "avatar_static", avatar);
    appendField(out, "header", "https://" + a.server + "/headers/original/missing.png");
    appendField(out, "header_static", "https://" + a.server + "/headers/original/missing.png");
    appendNumber(out, "followers_count", a.followers);
    appendNumber(out, "following_count", a.following);
    appendNumber(out, "statuses_count", a.statuses);
    out += R"("last_status_at":"2023-03-01","emojis":[],"fields":[]})";
}

struct Mention
{
    std::string acct;
    std::string url;
    std::string username;
    std::string id;
};

// A status's HTML content with its hashtags and mentions.
struct Content
{
    std::string html;
    std::vector<std::string> tags;
    std::vector<Mention> mentions;
    std::string link;
};

Content makeContent(Random &random, std::uint64_t seed, bool french)
{
    Content c;
    std::string html = "<p>";
    if (random.chance(0.15)) {
        const SampleAccount other = makeAccount(seed, random.below(AccountCount));
        const std::string url = "https://" + other.server + "/@" + other.username;
        html += R"(<span class="h-card" translate="no"><a href=")" + url +
                R"(" class="u-url mention">@<span>)" + other.username + "</span></a></span> ";
        c.mentions.push_back({other.acct, url, other.username, other.id});
    }
    html += htmlEscaped(organicText(random, french));
    if (random.chance(0.2))
        html += "<br>" + htmlEscaped(organicText(random, french));
    if (random.chance(0.3)) {
        const std::string tag = pickFrom(random, pools::organicHashtags());
        html += R"( <a href="https://mastodon.social/tags/)" + tag +
                R"(" class="mention hashtag" rel="tag">#<span>)" + tag + "</span></a>";
        c.tags.push_back(tag);
    }
    html += "</p>";
    if (random.chance(0.1)) {
        const std::string site = pickFrom(random, pools::newsSites());
        const std::string path = "/2023/story-" + std::to_string(random.below(100000)) +
                                 "-with-a-rather-long-slug?utm_source=mastodon";
        c.link = "https://" + site + path;
        html += R"(<p><a href=")" + c.link +
                R"(" target="_blank" rel="nofollow noopener noreferrer" translate="no">)"
                R"(<span class="invisible">https://</span><span class="ellipsis">)" +
                site + path.substr(0, 10) + R"(</span><span class="invisible">)" + path.substr(10) +
                "</span></a></p>";
    }
    c.html = std::move(html);
    return c;
}

// One Status object; `reblog` is the inlined original's JSON or "null".
void appendStatus(std::string &out, std::uint64_t id, std::int64_t createdAt,
                  const SampleAccount &author, const Content &content, std::uint64_t inReplyTo,
                  const std::string &reblog, bool french)
{
    const std::string url =
        "https://" + author.server + "/@" + author.username + "/" + std::to_string(id);
    out += "{";
    appendField(out, "id", std::to_string(id));
    appendField(out, "created_at", isoMillis(createdAt));
    if (inReplyTo) {
        appendField(out, "in_reply_to_id", std::to_string(inReplyTo));
        appendField(out, "in_reply_to_account_id", "100001");
    } else {
        out += R"("in_reply_to_id":null,"in_reply_to_account_id":null,)";
    }
    out += R"("sensitive":false,"spoiler_text":"","visibility":"public",)";
    if (reblog == "null")
        appendField(out, "language", french ? "fr" : "en");
    else
        out += R"("language":null,)";
    appendField(out, "uri",
                "https://" + author.server + "/users/" + author.username + "/statuses/" +
                    std::to_string(id));
    appendField(out, "url", url);
    out += R"("replies_count":0,"reblogs_count":0,"favourites_count":0,"edited_at":null,)";
    appendField(out, "content", content.html);
    out += "\"reblog\":" + reblog + ",";
    out += R"("application":{"name":"Web","website":null},"account":)";
    appendAccount(out, author);
    out += R"(,"media_attachments":[],"mentions":[)";
    for (size_t i = 0; i < content.mentions.size(); ++i) {
        const Mention &m = content.mentions[i];
        out += i ? ",{" : "{";
        appendField(out, "id", m.id);
        appendField(out, "username", m.username);
        appendField(out, "url", m.url);
        out += "\"acct\":";
        appendJsonString(out, m.acct);
        out += "}";
    }
    out += R"(],"tags":[)";
    for (size_t i = 0; i < content.tags.size(); ++i) {
        out += i ? ",{" : "{";
        appendField(out, "name", content.tags[i]);
        out += "\"url\":";
        appendJsonString(out, "https://mastodon.social/tags/" + content.tags[i]);
        out += "}";
    }
    out += R"(],"emojis":[],"card":)";
    if (content.link.empty()) {
        out += "null";
    } else {
        out += "{";
        appendField(out, "url", content.link);
        out += R"("title":"A story","description":"","type":"link"})";
    }
    out += R"(,"poll":null})";
}

} // namespace

bool writeMastodonSample(const std::string &path, std::int64_t records, std::uint64_t seed)
{
    SampleFile file(path);
    if (!file.isOpen())
        return false;
    Random random(seed);
    const std::uint64_t originals = std::uint64_t(std::max<std::int64_t>(records / 10, 1));
    std::string line;
    for (std::int64_t i = 0; i < records; ++i) {
        const std::uint64_t id = StatusIdBase + std::uint64_t(i) * 7;
        const std::int64_t createdAt = Start + i * 2 + std::int64_t(random.below(2));
        const SampleAccount author = makeAccount(seed, random.below(AccountCount));
        line.clear();
        const double kind = random.real();
        if (kind < 0.15 && i > 0) {
            // A boost: no content of its own, the original inlined.
            const std::uint64_t original = random.below(originals);
            Random originalRandom(Random::derive(seed ^ 0x5EED, original));
            const SampleAccount originalAuthor =
                makeAccount(seed, originalRandom.below(AccountCount));
            std::string reblog;
            appendStatus(reblog, OriginalIdBase + original, Start - 3600 + std::int64_t(original),
                         originalAuthor, makeContent(originalRandom, seed, originalAuthor.french),
                         0, "null", originalAuthor.french);
            appendStatus(line, id, createdAt, author, Content{}, 0, reblog, author.french);
        } else {
            const std::uint64_t replyTo =
                kind < 0.30 && i > 0 ? StatusIdBase + random.below(std::uint64_t(i)) * 7 : 0;
            appendStatus(line, id, createdAt, author, makeContent(random, seed, author.french),
                         replyTo, "null", author.french);
        }
        line += '\n';
        if (!file.write(line))
            return false;
    }
    return file.close();
}

} // namespace chorus::bench
