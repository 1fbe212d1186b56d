// SyntheticCollection: the post stream (organic background and the three planted campaigns).
#include "SyntheticCollection.h"

#include "CampaignText.h"
#include "TextPools.h"

#include <algorithm>
#include <cmath>

namespace chorus::bench {

namespace {

constexpr std::int64_t Hour = 3600;
constexpr std::int64_t Day = 86400;
constexpr std::uint64_t FirstPostId = 1306000000000000000ull;

// Share of organic posting per local hour (Eastern time): quiet at night, peaks at evening.
constexpr int DiurnalWeights[24] = {3,  2,  1, 1, 1,  2,  4,  7,  9,  9,  9, 10,
                                    11, 10, 9, 9, 10, 12, 14, 15, 15, 13, 9, 5};
constexpr int EasternOffsetHours = 5; // UTC-5; DST ignored

struct Original
{
    std::string id;
    std::uint64_t author = 0;
    std::string handle;
    std::int64_t createdAt = 0;
    std::string text;
    std::vector<std::string> hashtags;
    std::vector<std::string> urls;
};

// Generates the stream. All randomness comes from one Random in a fixed order of calls.
class PostStream
{
public:
    explicit PostStream(const SyntheticCollection &c)
        : m_c(c), m_o(c.options()), m_random(Random::derive(c.options().seed, ~0ull)),
          m_end(m_o.start + std::int64_t(std::max(1, m_o.days)) * Day)
    {
        const double campaign = double(m_o.posts) * std::clamp(m_o.campaignShare, 0.0, 1.0);
        m_share = c.rallyAccounts().size() ? std::clamp(m_o.campaignShare, 0.0, 1.0) : 0.0;
        // Events of up to ~250 posts each, at least three (one per early template).
        m_rallyEvents = std::max<std::uint64_t>(3, std::uint64_t(campaign * 0.3 / 250));
        m_rallyPerEvent = std::max<std::uint64_t>(1, std::uint64_t(campaign * 0.3) / m_rallyEvents);
        m_targets = std::clamp<std::uint64_t>(std::uint64_t(campaign * 0.5 / 1500), 2, 5);
    }

    void next(std::uint64_t index, SyntheticPost &p)
    {
        p = SyntheticPost();
        p.index = index;
        p.id = std::to_string(FirstPostId + index);
        const double r = m_random.real();
        if (r < m_share * 0.3)
            rally(p);
        else if (r < m_share * 0.8)
            flood(p);
        else if (r < m_share)
            ring(p);
        else
            organic(p);
        p.createdAt = std::min(p.createdAt, m_end + Day);
    }

private:
    std::uint64_t inRange(SyntheticCollection::Range range)
    {
        return range.begin + m_random.below(range.size());
    }
    std::string handleOf(std::uint64_t account) const { return m_c.account(account).handle; }

    std::int64_t diurnalTime()
    {
        int total = 0;
        for (const int w : DiurnalWeights)
            total += w;
        int pick = int(m_random.below(std::uint64_t(total)));
        int hour = 0;
        while (pick >= DiurnalWeights[hour])
            pick -= DiurnalWeights[hour++];
        const std::int64_t day = std::int64_t(m_random.below(std::uint64_t(std::max(1, m_o.days))));
        return m_o.start + day * Day + (hour + EasternOffsetHours) * Hour +
               m_random.between(0, Hour - 1);
    }

    void organic(SyntheticPost &p)
    {
        // Activity is skewed: low account indexes post far more.
        const double u = m_random.real();
        p.author = std::uint64_t(double(m_c.organicAccounts().size()) * u * u);
        const SyntheticAccount author = m_c.account(p.author);
        const bool french = (author.language == "fr") != m_random.chance(0.1);
        p.language = french ? "fr" : "en";
        p.client = pickFrom(m_random, pools::clients());
        const double kind = m_random.real();
        if (kind < 0.14 && !m_recent.empty()) {
            const Original &to = m_recent[m_random.below(m_recent.size())];
            p.kind = SyntheticKind::Reply;
            p.style = "reply";
            p.replyToId = to.id;
            p.replyToAuthor = to.author;
            p.createdAt = to.createdAt + 30 + std::int64_t(m_random.exponential(Hour));
            p.text = "@" + to.handle + " " + organicText(m_random, french);
            p.mentions.push_back(to.handle);
            return;
        }
        if (kind < 0.32 && !m_popular.empty()) {
            const Original &of = m_popular[m_random.below(m_popular.size())];
            p.kind = SyntheticKind::Repost;
            p.style = "retweet";
            p.repostOfId = of.id;
            p.repostOfAuthor = of.author;
            p.createdAt = of.createdAt + 60 + std::int64_t(m_random.exponential(4 * Hour));
            p.text = "RT @" + of.handle + ": " + of.text;
            p.hashtags = of.hashtags;
            p.urls = of.urls;
            p.mentions.push_back(of.handle);
            return;
        }
        p.style = "organic";
        p.createdAt = diurnalTime();
        p.text = organicText(m_random, french);
        if (m_random.chance(0.06)) {
            const std::string other = handleOf(inRange(m_c.organicAccounts()));
            p.text.append(" cc @").append(other);
            p.mentions.push_back(other);
        }
        if (m_random.chance(0.10)) {
            std::string url = std::string("https://") + pickFrom(m_random, pools::newsSites()) +
                              "/" + std::to_string(2020) + "/" +
                              std::to_string(m_random.between(100000, 999999));
            p.text.append(" ").append(url);
            p.urls.push_back(std::move(url));
        }
        if (m_random.chance(0.15)) {
            const int tags = 1 + int(m_random.below(2));
            for (int i = 0; i < tags; ++i) {
                const std::string tag = pickFrom(m_random, pools::organicHashtags());
                if (std::find(p.hashtags.begin(), p.hashtags.end(), tag) != p.hashtags.end())
                    continue;
                p.text.append(" #").append(tag);
                p.hashtags.push_back(tag);
            }
        }
        if (m_random.chance(0.01)) {
            p.hasCoordinates = true;
            p.latitude = 42.5 + m_random.real() * 6;
            p.longitude = -83 + m_random.real() * 13;
        }
        p.likes = std::int64_t(m_random.exponential(4));
        p.reposts = std::int64_t(m_random.exponential(1));
        remember(p, author.handle);
    }

    void remember(const SyntheticPost &p, const std::string &handle)
    {
        Original o{p.id, p.author, handle, p.createdAt, p.text, p.hashtags, p.urls};
        if (m_random.chance(0.03)) {
            if (m_popular.size() < 48)
                m_popular.push_back(o);
            else
                m_popular[m_random.below(m_popular.size())] = o;
        }
        if (m_recent.size() < 256)
            m_recent.push_back(std::move(o));
        else
            m_recent[m_recentNext++ % 256] = std::move(o);
    }

    void rally(SyntheticPost &p)
    {
        if (m_rallyInEvent == 0) {
            // A new rally event: one template, one town, everything within the hour.
            m_rallyFamily = m_rallyEvent % rallyTemplates().size();
            m_rallyTown = pickFrom(m_random, rallyTowns());
            m_rallyStart = m_o.start + m_random.between(0, m_end - m_o.start - 2 * Hour);
            m_rallyLink = m_random.chance(0.5) ? "https://rallynorth.example/live/" +
                                                     std::to_string(m_rallyEvent + 1)
                                               : "";
            ++m_rallyEvent;
        }
        m_rallyInEvent = (m_rallyInEvent + 1) % m_rallyPerEvent;
        const TextTemplate &t = rallyTemplates()[m_rallyFamily];
        p.author = inRange(m_c.rallyAccounts());
        const double u = m_random.real();
        p.createdAt = m_rallyStart + std::int64_t(u * u * double(Hour - 1));
        VariantContext context;
        context.templ = &t;
        context.town = m_rallyTown;
        context.link = m_rallyLink;
        context.hashtag = t.french ? "RassemblementNord" : "RallyNorth";
        context.otherHandle = handleOf(inRange(m_c.rallyAccounts()));
        planted(p, context, "rally-" + std::to_string(m_rallyFamily + 1));
        p.client = m_random.chance(0.7) ? "Twitter Web App" : "Twitter for Android";
    }

    void planted(SyntheticPost &p, const VariantContext &context, std::string family)
    {
        PlantedText text = plantedVariant(m_random, context);
        p.text = std::move(text.text);
        p.style = std::move(text.style);
        p.hashtags = std::move(text.hashtags);
        p.urls = std::move(text.urls);
        p.language = context.templ->french ? "fr" : "en";
        p.family = std::move(family);
    }

    void flood(SyntheticPost &p)
    {
        if (m_targetPosts.size() < m_targets) {
            floodTarget(p);
            return;
        }
        p.author = inRange(m_c.floodAccounts());
        // Working hours in UTC+8 (09:00-18:00 local = 01:00-10:00 UTC) on weekdays.
        std::int64_t day = 0;
        for (int tries = 0; tries < 10; ++tries) {
            day = std::int64_t(m_random.below(std::uint64_t(std::max(1, m_o.days))));
            const std::int64_t weekday = ((m_o.start / Day + day) + 4) % 7; // 0 = Sunday
            if (weekday != 0 && weekday != 6)
                break;
        }
        p.createdAt = m_o.start + day * Day + Hour + m_random.between(0, 9 * Hour - 1);
        std::vector<const Original *> before;
        for (const Original &t : m_targetPosts)
            if (t.createdAt < p.createdAt)
                before.push_back(&t);
        const Original &target =
            before.empty() ? m_targetPosts.front() : *before[m_random.below(before.size())];
        if (before.empty()) {
            // Too early for any target: the next working day after the first one.
            std::int64_t next = target.createdAt / Day + 1;
            while ((next + 4) % 7 == 0 || (next + 4) % 7 == 6)
                ++next;
            p.createdAt = next * Day + Hour + m_random.between(0, 9 * Hour - 1);
        }

        const std::size_t family = m_random.below(floodTemplates().size());
        const TextTemplate &t = floodTemplates()[family];
        VariantContext context;
        context.templ = &t;
        context.hashtag = t.french ? "Démission" : "ResignNow";
        context.otherHandle = handleOf(inRange(m_c.floodAccounts()));
        planted(p, context, "flood-" + std::to_string(family + 1));
        p.kind = SyntheticKind::Reply;
        p.replyToId = target.id;
        p.replyToAuthor = target.author;
        p.text = "@" + target.handle + " " + p.text;
        p.mentions.push_back(target.handle);
        p.client = "Twitter for Android";
    }

    void floodTarget(SyntheticPost &p)
    {
        static const char *const Headlines[] = {
            "Committee releases its report on the federal housing fund.",
            "Le rapport sur le fonds du logement est publié aujourd'hui.",
            "Northern pipeline study: the cost estimates, explained.",
            "Lobbying registry: what the new disclosures show.",
            "Question period recap: housing, pipelines and ethics."};
        const std::uint64_t k = m_targetPosts.size();
        const SyntheticCollection::Range news = m_c.newsAccounts();
        p.author = news.begin + k % news.size();
        const SyntheticAccount author = m_c.account(p.author);
        p.createdAt = m_o.start + std::int64_t(k) * 12 * Hour + 14 * Hour;
        p.text = std::string(Headlines[k % std::size(Headlines)]) + " https://" +
                 pools::newsSites()[k % pools::newsSites().size()] + "/politics/" +
                 std::to_string(4100 + k);
        p.urls.push_back(p.text.substr(p.text.rfind(' ') + 1));
        p.language = author.language;
        p.style = "target";
        p.client = "TweetDeck";
        p.likes = m_random.between(50, 900);
        p.reposts = m_random.between(10, 300);
        p.replies = m_random.between(500, 5000);
        m_targetPosts.push_back(
            Original{p.id, p.author, author.handle, p.createdAt, p.text, {}, p.urls});
    }

    void ring(SyntheticPost &p)
    {
        if (m_ringPosition >= m_ringMembers.size()) {
            // A new amplification round: one story, members in a fresh random order.
            const SyntheticCollection::Range ring = m_c.ringAccounts();
            m_ringMembers.clear();
            for (std::uint64_t a = ring.begin; a < ring.end; ++a)
                m_ringMembers.push_back(a);
            for (std::size_t i = m_ringMembers.size(); i > 1; --i)
                std::swap(m_ringMembers[i - 1], m_ringMembers[m_random.below(i)]);
            const std::uint64_t lo = std::min<std::uint64_t>(8, ring.size());
            m_ringMembers.resize(
                std::size_t(m_random.between(std::int64_t(lo), std::int64_t(ring.size()))));
            m_ringPosition = 0;
            m_ringStory = m_random.below(ringStories().size());
            m_ringStart = m_o.start + m_random.between(0, m_end - m_o.start - Hour);
        }
        const RingStory &story = ringStories()[m_ringStory];
        p.author = m_ringMembers[m_ringPosition];
        p.family = "ring-" + std::to_string(m_ringStory + 1);
        p.language = m_ringStory == 4 ? "fr" : "en";
        p.client = "TweetDeck";
        if (m_ringPosition++ == 0) {
            p.createdAt = m_ringStart;
            p.style = "origin";
            ringText(p, story, "");
            m_ringOrigin = Original{p.id,       p.author, handleOf(p.author), p.createdAt, p.text,
                                    p.hashtags, p.urls};
            return;
        }
        p.createdAt = m_ringStart + m_random.between(1, 30);
        if (m_random.chance(0.5)) {
            p.kind = SyntheticKind::Repost;
            p.style = "retweet";
            p.repostOfId = m_ringOrigin.id;
            p.repostOfAuthor = m_ringOrigin.author;
            p.text = "RT @" + m_ringOrigin.handle + ": " + m_ringOrigin.text;
            p.hashtags = m_ringOrigin.hashtags;
            p.urls = m_ringOrigin.urls;
            p.mentions.push_back(m_ringOrigin.handle);
            return;
        }
        static const char *const Intros[] = {"", "Must read: ", "Share this! ", "Wow. ",
                                             "Everyone needs to see this: "};
        p.style = "copy-link";
        ringText(p, story, m_random.pick(Intros));
    }

    void ringText(SyntheticPost &p, const RingStory &story, const char *intro)
    {
        const std::string link = withTracking(m_random, story.link);
        p.text = std::string(intro) + story.headline + " " + link;
        p.urls.push_back(link);
        for (const char *tag : story.tags) {
            p.text.append(" #").append(tag);
            p.hashtags.push_back(tag);
        }
    }

    const SyntheticCollection &m_c;
    const GeneratorOptions &m_o;
    Random m_random;
    std::int64_t m_end;
    double m_share = 0;
    std::vector<Original> m_recent;
    std::size_t m_recentNext = 0;
    std::vector<Original> m_popular;

    std::uint64_t m_rallyEvents = 1, m_rallyPerEvent = 1, m_rallyEvent = 0, m_rallyInEvent = 0;
    std::size_t m_rallyFamily = 0;
    std::string m_rallyTown, m_rallyLink;
    std::int64_t m_rallyStart = 0;

    std::uint64_t m_targets = 2;
    std::vector<Original> m_targetPosts;

    std::vector<std::uint64_t> m_ringMembers;
    std::size_t m_ringPosition = 0;
    std::size_t m_ringStory = 0;
    std::int64_t m_ringStart = 0;
    Original m_ringOrigin;
};

} // namespace

void SyntheticCollection::forEachPost(const std::function<bool(const SyntheticPost &)> &visit) const
{
    PostStream stream(*this);
    SyntheticPost post;
    for (std::uint64_t i = 0; i < m_options.posts; ++i) {
        stream.next(i, post);
        if (!visit(post))
            return;
    }
}

} // namespace chorus::bench
