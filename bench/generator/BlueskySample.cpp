#include "BlueskySample.h"

#include "Random.h"
#include "TextPools.h"
#include "import/JsonView.h"

#include "text/TimeParser.h"

#include <cstdio>
#include <memory>
#include <vector>

namespace chorus::bench {

namespace {

constexpr std::uint64_t Accounts = 100000;
constexpr char Base32[] = "abcdefghijklmnopqrstuvwxyz234567";
constexpr char SortableBase32[] = "234567abcdefghijklmnopqrstuvwxyz";

std::string didOf(std::uint64_t seed, std::uint64_t account)
{
    std::string did = "did:plc:";
    std::uint64_t bits = Random::derive(seed, account + 1);
    for (int i = 0; i < 24; ++i) {
        if (i == 12)
            bits = Random::derive(seed ^ 0x5bd1e995u, account + 1);
        did += Base32[bits & 31];
        bits >>= 5;
    }
    return did;
}

// A record key as atproto clients make them: a TID, the time in microseconds and a clock
// id, in sortable base32.
std::string tid(std::int64_t timeUs, std::uint64_t clock)
{
    const std::uint64_t value = (std::uint64_t(timeUs) << 10 | (clock & 1023)) & ~(1ull << 63);
    std::string key(13, '2');
    for (int i = 12; i >= 0; --i)
        key[size_t(i)] = SortableBase32[(value >> (5 * (12 - i))) & 31];
    return key;
}

// createdAt as different clients write it: milliseconds and Z, an offset, no fraction.
std::string createdAt(Random &random, std::int64_t timeUs)
{
    const CivilTime c = civilFromEpoch(timeUs / 1000000);
    char buffer[48];
    const double form = random.real();
    if (form < 0.8)
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", c.year, c.month,
                      c.day, c.hour, c.minute, c.second, int(timeUs / 1000 % 1000));
    else if (form < 0.9)
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d+00:00", c.year, c.month,
                      c.day, c.hour, c.minute, c.second);
    else
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year, c.month,
                      c.day, c.hour, c.minute, c.second);
    return buffer;
}

struct Facet
{
    std::size_t start, end;
    std::string feature; // the feature object's JSON
};

class SampleWriter
{
public:
    SampleWriter(std::FILE *out, std::uint64_t seed) : m_out(out), m_seed(seed), m_random(seed)
    {
        m_recent.reserve(RecentPosts);
    }

    bool write(std::int64_t records)
    {
        for (std::int64_t i = 0; i < records; ++i) {
            m_timeUs += m_random.between(100, 4000);
            // Jetstream lines are not quite in order: a few carry an earlier time.
            const std::int64_t eventUs =
                m_random.chance(0.05) ? m_timeUs - m_random.between(0, 3000000) : m_timeUs;
            // Most activity comes from a tenth of the accounts.
            const std::uint64_t account =
                m_random.chance(0.5) ? m_random.below(Accounts / 10) : m_random.below(Accounts);
            const double kind = m_random.real();
            m_line.clear();
            if (kind < 0.70 || m_recent.empty())
                post(account, eventUs);
            else
                subjectRecord(account, eventUs, kind < 0.85);
            m_line += '\n';
            if (std::fwrite(m_line.data(), 1, m_line.size(), m_out) != m_line.size())
                return false;
        }
        return true;
    }

private:
    static constexpr std::size_t RecentPosts = 4096;

    // The event's envelope up to the record; both Jetstream generations appear.
    void open(const std::string &did, std::int64_t eventUs, const char *collection,
              const std::string &rkey)
    {
        const bool older = m_random.chance(0.1);
        m_line += "{\"did\":\"" + did + "\",\"time_us\":" + std::to_string(eventUs) +
                  (older ? ",\"type\":\"com\"" : ",\"kind\":\"commit\"") +
                  ",\"commit\":{\"rev\":\"" + tid(eventUs, 7) +
                  (older ? "\",\"type\":\"c\"" : "\",\"operation\":\"create\"") +
                  ",\"collection\":\"" + collection + "\",\"rkey\":\"" + rkey + "\",\"record\":";
    }
    void close() { m_line += ",\"cid\":\"bafyreib2rxk3rh6kzwqbafyreib2rxk3rh6kzwq\"}}"; }

    const std::string &recentPost() { return m_recent[m_random.below(m_recent.size())]; }

    void post(std::uint64_t account, std::int64_t eventUs)
    {
        const std::string did = didOf(m_seed, account);
        const std::string rkey = tid(eventUs, account);
        const bool french = account % 4 == 0;
        std::string text = organicText(m_random, french);
        std::vector<Facet> facets;
        if (m_random.chance(0.1)) {
            const std::uint64_t other = m_random.below(Accounts);
            const std::string handle = "@user" + std::to_string(other) + ".bsky.social";
            text += ' ';
            facets.push_back({text.size(), text.size() + handle.size(),
                              "{\"$type\":\"app.bsky.richtext.facet#mention\",\"did\":\"" +
                                  didOf(m_seed, other) + "\"}"});
            text += handle;
        }
        if (m_random.chance(0.15)) {
            const std::string page =
                "news.example.com/story/" + std::to_string(m_random.below(50000));
            const std::string shown = page.substr(0, 20) + "\xE2\x80\xA6"; // shortened, "…"
            text += ' ';
            facets.push_back(
                {text.size(), text.size() + shown.size(),
                 "{\"$type\":\"app.bsky.richtext.facet#link\",\"uri\":\"https://" + page + "\"}"});
            text += shown;
        }
        if (m_random.chance(0.1)) {
            const std::string tag = pickFrom(m_random, pools::organicHashtags());
            text += ' ';
            facets.push_back(
                {text.size(), text.size() + tag.size() + 1,
                 "{\"$type\":\"app.bsky.richtext.facet#tag\",\"tag\":\"" + tag + "\"}"});
            text += '#' + tag;
        }

        open(did, eventUs, "app.bsky.feed.post", rkey);
        m_line += "{\"$type\":\"app.bsky.feed.post\",\"text\":";
        appendJsonString(m_line, text);
        m_line += ",\"createdAt\":\"" + createdAt(m_random, eventUs - m_random.between(0, 900000)) +
                  "\",\"langs\":[\"" + (french ? "fr" : "en") + "\"]";
        if (!facets.empty()) {
            m_line += ",\"facets\":[";
            for (std::size_t i = 0; i < facets.size(); ++i)
                m_line += std::string(i ? "," : "") +
                          "{\"index\":{\"byteStart\":" + std::to_string(facets[i].start) +
                          ",\"byteEnd\":" + std::to_string(facets[i].end) + "},\"features\":[" +
                          facets[i].feature + "]}";
            m_line += ']';
        }
        const double link = m_random.real();
        if (!m_recent.empty() && link < 0.2) {
            const std::string &parent = recentPost();
            m_line += ",\"reply\":{\"root\":{\"uri\":\"" + parent +
                      "\",\"cid\":\"bafyreiroot\"},\"parent\":{\"uri\":\"" + parent +
                      "\",\"cid\":\"bafyreiparent\"}}";
        } else if (!m_recent.empty() && link < 0.25) {
            m_line += ",\"embed\":{\"$type\":\"app.bsky.embed.record\",\"record\":{\"uri\":\"" +
                      recentPost() + "\",\"cid\":\"bafyreiquoted\"}}";
        }
        m_line += '}';
        close();

        std::string uri = "at://" + did + "/app.bsky.feed.post/" + rkey;
        if (m_recent.size() < RecentPosts)
            m_recent.push_back(std::move(uri));
        else
            m_recent[m_random.below(RecentPosts)] = std::move(uri);
    }

    // A repost or a like: a record pointing at a recent post.
    void subjectRecord(std::uint64_t account, std::int64_t eventUs, bool repost)
    {
        const char *collection = repost ? "app.bsky.feed.repost" : "app.bsky.feed.like";
        open(didOf(m_seed, account), eventUs, collection, tid(eventUs, account));
        m_line += std::string("{\"$type\":\"") + collection + "\",\"subject\":{\"uri\":\"" +
                  recentPost() + "\",\"cid\":\"bafyreisubject\"},\"createdAt\":\"" +
                  createdAt(m_random, eventUs) + "\"}";
        close();
    }

    std::FILE *m_out;
    std::uint64_t m_seed;
    Random m_random;
    std::int64_t m_timeUs = 1732000000000000; // 2024-11-19
    std::vector<std::string> m_recent;
    std::string m_line;
};

} // namespace

bool writeBlueskySample(const std::string &path, std::int64_t records, std::uint64_t seed)
{
    std::unique_ptr<std::FILE, int (*)(std::FILE *)> out(std::fopen(path.c_str(), "wb"),
                                                         &std::fclose);
    if (!out)
        return false;
    SampleWriter writer(out.get(), seed);
    if (!writer.write(records))
        return false;
    return std::fflush(out.get()) == 0;
}

} // namespace chorus::bench
