// The Reddit sample writer for bench_platform_import.
#include "RedditSample.h"

#include "Random.h"
#include "SampleJson.h"
#include "TextPools.h"

#include <algorithm>
#include <string_view>

namespace chorus::bench {

namespace {

constexpr std::uint64_t AuthorCount = 100000;
constexpr std::int64_t Start = 1577836800; // 2020-01-01 00:00:00 UTC
const char *const Subreddits[] = {"worldnews", "canada", "politics", "AskReddit",  "hockey",
                                  "quebec",    "news",   "europe",   "technology", "books"};

std::string base36(std::uint64_t n)
{
    static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    std::string out;
    do {
        out.insert(out.begin(), digits[n % 36]);
        n /= 36;
    } while (n);
    return out;
}

struct Author
{
    std::string name;
    std::string fullname;
    std::int64_t createdAt = 0;
    bool deleted = false;
};

Author makeAuthor(std::uint64_t seed, std::uint64_t index)
{
    Random random(Random::derive(seed, index + 1));
    Author a;
    a.name = std::string(pickFrom(random, pools::firstNames())) + "_" +
             pickFrom(random, pools::lastNames()) + std::to_string(index % 10000);
    a.fullname = "t2_" + base36(0x10000000 + index * 7919);
    a.createdAt =
        Start - std::int64_t(random.below(10 * 365)) * 86400 - std::int64_t(random.below(86400));
    return a;
}

void key(std::string &out, const char *name)
{
    out += '"';
    out += name;
    out += "\":";
}

void text(std::string &out, const char *name, std::string_view value)
{
    key(out, name);
    appendJsonString(out, value);
    out += ',';
}

void number(std::string &out, const char *name, std::int64_t value)
{
    key(out, name);
    out += std::to_string(value);
    out += ',';
}

// Pushshift wrote created_utc in three ways over the years.
void createdUtc(std::string &out, Random &random, std::int64_t t)
{
    key(out, "created_utc");
    const double style = random.real();
    if (style < 0.7)
        out += std::to_string(t);
    else if (style < 0.9)
        out += std::to_string(t) + ".0";
    else
        out += "\"" + std::to_string(t) + "\"";
    out += ',';
}

void authorFields(std::string &out, const Author &a)
{
    text(out, "author", a.deleted ? "[deleted]" : a.name);
    if (!a.deleted)
        number(out, "author_created_utc", a.createdAt);
    out += R"("author_flair_background_color":null,"author_flair_css_class":null,)"
           R"("author_flair_richtext":[],"author_flair_template_id":null,)"
           R"("author_flair_text":null,"author_flair_text_color":null,)"
           R"("author_flair_type":"text",)";
    if (!a.deleted)
        text(out, "author_fullname", a.fullname);
    out += R"("author_patreon_flair":false,"author_premium":false,"awarders":[],)";
}

// A comment or selftext body in Reddit's escaped Markdown.
std::string body(Random &random, std::uint64_t seed, bool french)
{
    std::string out;
    if (random.chance(0.1))
        out += "&gt; " + organicText(random, french) + "\n\n";
    if (random.chance(0.05))
        out += "u/" + makeAuthor(seed, random.below(AuthorCount)).name + " ";
    out += organicText(random, french);
    if (random.chance(0.2))
        out += "\n\n" + organicText(random, french);
    if (random.chance(0.08))
        out += " [source](https://" + std::string(pickFrom(random, pools::newsSites())) +
               "/story/" + std::to_string(random.below(100000)) + "?a=1&amp;b=2)";
    return out;
}

} // namespace

bool writeRedditSample(const std::string &path, std::int64_t records, std::uint64_t seed)
{
    SampleFile file(path);
    if (!file.isOpen())
        return false;
    Random random(seed);
    std::string line;
    std::uint64_t lastSubmission = 0;
    const std::uint64_t firstId = 0x6000000;
    for (std::int64_t i = 0; i < records; ++i) {
        const std::uint64_t serial = firstId + std::uint64_t(i);
        const std::string id = base36(serial);
        const std::int64_t t = Start + i * 3 + std::int64_t(random.below(3));
        Author author = makeAuthor(seed, random.below(AuthorCount));
        author.deleted = random.chance(0.03);
        const std::uint64_t sub = random.below(std::size(Subreddits));
        const std::string subreddit = Subreddits[sub];
        const std::string subredditId = "t5_2qh" + base36(sub);
        const bool french = subreddit == "quebec";
        line.clear();
        line += i ? "\n{" : "{";
        if (i == 0 || random.chance(0.15)) {
            lastSubmission = serial;
            const bool self = random.chance(0.6);
            const std::string permalink = "/r/" + subreddit + "/comments/" + id + "/a_title/";
            const std::string site = pickFrom(random, pools::newsSites());
            line += R"("all_awardings":[],"allow_live_comments":false,)";
            authorFields(line, author);
            line += R"("can_mod_post":false,"contest_mode":false,)";
            createdUtc(line, random, t);
            text(line, "domain", self ? "self." + subreddit : site);
            text(line, "full_link", "https://www.reddit.com" + permalink);
            line += R"("gildings":{},)";
            text(line, "id", id);
            line += R"("is_crosspostable":true,"is_meta":false,"is_original_content":false,)"
                    R"("is_reddit_media_domain":false,"is_robot_indexable":true,)";
            line += self ? R"("is_self":true,)" : R"("is_self":false,)";
            line += R"("is_video":false,"link_flair_background_color":"","link_flair_richtext":[],)"
                    R"("link_flair_text_color":"dark","link_flair_type":"text","locked":false,)"
                    R"("media_only":false,"no_follow":true,)";
            number(line, "num_comments", std::int64_t(random.below(200)));
            line += R"("num_crossposts":0,"over_18":false,"parent_whitelist_status":"all_ads",)";
            text(line, "permalink", permalink);
            line += R"("pinned":false,"pwls":6,)";
            number(line, "retrieved_on", t + 3600);
            number(line, "score", std::int64_t(random.below(5000)));
            text(line, "selftext",
                 self ? (random.chance(0.1) ? std::string("[removed]") : body(random, seed, french))
                      : std::string());
            line += R"("send_replies":true,"spoiler":false,"stickied":false,)";
            text(line, "subreddit", subreddit);
            text(line, "subreddit_id", subredditId);
            line += R"("subreddit_subscribers":1250000,"subreddit_type":"public",)";
            line += R"("thumbnail":"self",)";
            text(line, "title", organicText(random, french));
            line += R"("total_awards_received":0,"treatment_tags":[],"upvote_ratio":0.97,)";
            text(line, "url",
                 self ? "https://www.reddit.com" + permalink
                      : "https://" + site + "/story/" + std::to_string(random.below(100000)));
            line += R"("whitelist_status":"all_ads","wls":6})";
        } else {
            // Replies go to a recent submission or to a recent comment.
            const bool toSubmission = random.chance(0.4) || serial - lastSubmission < 2;
            const std::string linkId = "t3_" + base36(lastSubmission);
            const std::string parent = toSubmission
                                           ? linkId
                                           : "t1_" + base36(serial - 1 -
                                                            random.below(std::min<std::uint64_t>(
                                                                serial - lastSubmission - 1, 50)));
            line += R"("all_awardings":[],"associated_award":null,)";
            authorFields(line, author);
            text(line, "body",
                 author.deleted && random.chance(0.5) ? std::string("[removed]")
                                                      : body(random, seed, french));
            line += R"("collapsed_because_crowd_control":null,"comment_type":null,)";
            createdUtc(line, random, t);
            line += R"("gildings":{},)";
            text(line, "id", id);
            line += R"("is_submitter":false,)";
            text(line, "link_id", linkId);
            line += R"("locked":false,"no_follow":true,)";
            text(line, "parent_id", parent);
            text(line, "permalink",
                 "/r/" + subreddit + "/comments/" + base36(lastSubmission) + "/a_title/" + id +
                     "/");
            number(line, "retrieved_on", t + 3600);
            number(line, "score", std::int64_t(random.below(500)) - 20);
            line += R"("send_replies":true,"stickied":false,)";
            text(line, "subreddit", subreddit);
            text(line, "subreddit_id", subredditId);
            line += R"("top_awarded_type":null,"total_awards_received":0,"treatment_tags":[]})";
        }
        if (!file.write(line))
            return false;
    }
    return file.close();
}

} // namespace chorus::bench
