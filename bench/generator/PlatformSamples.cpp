// The table of platform sample writers. Each writer lives in its own <Platform>Sample.cpp.
#include "PlatformSamples.h"

#include "BlueskySample.h"
#include "CrowdTangleSample.h"
#include "FourCatSample.h"
#include "MastodonSample.h"
#include "RedditSample.h"
#include "TelegramSample.h"
#include "YoutubeSample.h"

namespace chorus::bench {

const std::vector<PlatformSample> &platformSamples()
{
    static const std::vector<PlatformSample> samples = {
        // {"telegram", ".json", writeTelegramSample},  one line per platform, sorted by name
        {"4cat", ".ndjson", writeFourCatSample},   {"crowdtangle", ".csv", writeCrowdTangleSample},
        {"bluesky", ".jsonl", writeBlueskySample}, {"mastodon", ".jsonl", writeMastodonSample},
        {"reddit", ".ndjson", writeRedditSample},  {"telegram", ".json", writeTelegramSample},
        {"youtube", ".jsonl", writeYoutubeSample},
    };
    return samples;
}

} // namespace chorus::bench
