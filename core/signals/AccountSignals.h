#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace chorus {

// What the signals need to know about one account (from the case and the network run).
struct AccountFacts
{
    std::int64_t id = 0;
    std::string platformId;
    std::string handle;
    std::string displayName;
    std::string bio;
    std::int64_t createdAt = 0; // 0 = unknown
    bool hasCreatedAt = false;
    std::int64_t posts = 0;
    std::int64_t reposts = 0;
    std::int64_t firstPostAt = 0;
    std::int64_t lastPostAt = 0;
    std::array<std::uint32_t, 24> hours{}; // posts per UTC hour of day
    int topClusters = 0;                   // top clusters of the latest clusters run posted in
    // Place-mismatch clusters it posted in while claiming a place far from what their text
    // names, and the first such case in words.
    int farFromTopicClusters = 0;
    std::string farFromTopic;
    int community = -1; // -1 = not in the network; 0 = the largest
    int communitySize = 0;
};

// One signal evaluated for one account, with the numbers that explain it.
struct SignalResult
{
    std::string signal;
    double value = 0;
    double threshold = 0;
    bool fired = false;
    std::string explanation;
};

struct SignalThresholds
{
    int burstDayMin = 10;     // accounts created on one day ...
    int burstWeekMin = 20;    // ... or in one week ...
    double burstFactor = 5;   // ... at least this many times the median day / week
    int handleDigits = 6;     // trailing digit run after letters, as in "anna84736251"
    int handleConsonants = 5; // run of consonants, as in "xkcdqzv"
    int sharedNameMin = 3;    // accounts with the same display name
    int sharedBioMin = 2;     // accounts with the same bio (of at least bioMinLength characters)
    int bioMinLength = 10;
    double sharedFactor = 2; // ... and at least this many times the median use of a name / bio
    double postsPerDay = 72; // DFRLab's rule of thumb for automation
    double repostShare = 0.9;
    int repostMinPosts = 10;
    double hourDistance = 0.6; // total variation distance from the collection's hour profile
    int hourMinPosts = 24;
    int topCommunities = 5; // the largest communities count as "top"
    int communityMinSize = 3;
};

// Computes the collection-wide baselines once (creation days and weeks, shared names and
// bios, hour profile), then evaluates every signal per account. Pure; one thread.
class AccountSignals
{
public:
    AccountSignals(const std::vector<AccountFacts> &accounts, SignalThresholds thresholds = {});

    // All signals of one account, fired or not.
    std::vector<SignalResult> evaluate(const AccountFacts &account) const;
    // Only the fired ones.
    std::vector<SignalResult> fired(const AccountFacts &account) const;

    static std::vector<std::string> signalNames();

private:
    SignalResult creationBurst(const AccountFacts &a, bool week) const;
    SignalResult generatedHandle(const AccountFacts &a) const;
    SignalResult sharedText(const AccountFacts &a, bool bio) const;
    SignalResult postingRate(const AccountFacts &a) const;
    SignalResult repostShare(const AccountFacts &a) const;
    SignalResult hourProfile(const AccountFacts &a) const;
    SignalResult topCluster(const AccountFacts &a) const;
    SignalResult farFromTopic(const AccountFacts &a) const;
    SignalResult topCommunity(const AccountFacts &a) const;

    SignalThresholds m_t;
    std::unordered_map<std::int64_t, int> m_perDay, m_perWeek;
    double m_medianDay = 0, m_medianWeek = 0;
    double m_medianName = 0, m_medianBio = 0;
    std::unordered_map<std::string, int> m_names, m_bios;
    std::array<double, 24> m_hourShare{};
};

// Case-folded, trimmed, inner whitespace collapsed: the key for "the same name / bio".
std::string foldedText(const std::string &text);

} // namespace chorus
