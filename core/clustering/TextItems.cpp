#include "clustering/TextItems.h"

#include "clustering/Shingler.h"
#include "common/ParallelSlices.h"
#include "text/TextNormalizer.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string_view>
#include <unordered_map>

namespace chorus {

namespace {

// Nothing but links and spaces left: such posts say nothing as text.
bool isEmptyText(const std::u32string &text)
{
    return std::all_of(text.begin(), text.end(),
                       [](char32_t c) { return c == UrlToken || c == U' '; });
}

struct NormalizedKey
{
    std::uint64_t hash = 0;
    std::uint32_t length = 0;
    bool empty = true;
};

} // namespace

bool TextItems::build(const std::vector<ClusterInputPost> &posts,
                      const ClusterParameters &parameters, const Banding &banding,
                      ProgressSink &progress, ClusteringStats &stats)
{
    m_threads = std::max(parameters.threads, 1);
    m_bands = banding.bands;
    progress.stage(Stage::NormalizingTexts);
    if (!normalizeRaw(posts, parameters, progress, stats))
        return false;
    progress.stage(Stage::ComputingSignatures);
    return computeSignatures(posts, parameters, banding, progress);
}

bool TextItems::normalizeRaw(const std::vector<ClusterInputPost> &posts,
                             const ClusterParameters &parameters, ProgressSink &progress,
                             ClusteringStats &stats)
{
    // Texts exactly as imported first: the cheapest way to fold a campaign's copies.
    std::unordered_map<std::string_view, std::uint32_t> rawIndex;
    rawIndex.reserve(posts.size());
    m_rawOfPost.resize(posts.size());
    for (std::size_t p = 0; p < posts.size(); ++p) {
        const auto [it, added] =
            rawIndex.try_emplace(posts[p].text, std::uint32_t(m_rawFirst.size()));
        if (added)
            m_rawFirst.push_back(std::uint32_t(p));
        m_rawOfPost[p] = it->second;
    }
    rawIndex = {};
    stats.rawTexts = std::int64_t(m_rawFirst.size());

    std::vector<NormalizedKey> keys(m_rawFirst.size());
    const bool finished =
        runSlices(keys.size(), m_threads, progress,
                  [&](std::size_t, std::size_t begin, std::size_t end, SliceControl &control) {
                      for (std::size_t r = begin; r < end && !control.stop.load(); ++r) {
                          const std::u32string text =
                              normalizeText(posts[m_rawFirst[r]].text, parameters.normalize);
                          keys[r] = {textHash(text), std::uint32_t(text.size()), isEmptyText(text)};
                          if ((r & 1023) == 1023)
                              control.done.fetch_add(1024);
                      }
                  });
    if (!finished)
        return false;

    // Then exact copies after normalisation (case, accents, links...). Keyed by a 64-bit
    // hash plus length: for a million texts the odds of a false match are about 1 in 10^7.
    std::unordered_map<std::uint64_t, std::uint32_t> itemIndex;
    itemIndex.reserve(keys.size());
    m_itemOfRaw.assign(keys.size(), None);
    for (std::size_t r = 0; r < keys.size(); ++r) {
        if (keys[r].empty)
            continue;
        const std::uint64_t key = keys[r].hash ^ (std::uint64_t(keys[r].length) << 40);
        const auto [it, added] = itemIndex.try_emplace(key, std::uint32_t(m_firstPost.size()));
        if (added)
            m_firstPost.push_back(m_rawFirst[r]);
        m_itemOfRaw[r] = it->second;
    }
    stats.normalizedTexts = std::int64_t(m_firstPost.size());
    return true;
}

bool TextItems::computeSignatures(const std::vector<ClusterInputPost> &posts,
                                  const ClusterParameters &parameters, const Banding &banding,
                                  ProgressSink &progress)
{
    const MinHasher hasher(banding.values());
    const std::size_t items = m_firstPost.size();
    m_sliceFingerprints.assign(sliceCount(m_threads), {});
    m_offset.assign(items, 0);
    m_count.assign(items, 0);
    m_bandKeys.assign(items * std::size_t(m_bands), 0);
    // Padded to whole 64-bit words (the padding is equal in every sketch: not counted).
    m_sketchLength = (std::size_t(hasher.values()) + 7) / 8 * 8;
    m_sketches.assign(items * m_sketchLength, 0);
    // Matches among K 8-bit values: K (J + (1 - J) / 256) expected, binomial spread.
    const double t = parameters.threshold;
    const double k = double(hasher.values());
    const double cut = std::max(0.0, t - 3.0 * std::sqrt(t * (1.0 - t) / k));
    m_sketchMinMatches = std::size_t(std::floor(k * (cut + (1.0 - cut) / 256.0))) +
                         (m_sketchLength - std::size_t(hasher.values()));
    return runSlices(
        items, m_threads, progress,
        [&](std::size_t slice, std::size_t begin, std::size_t end, SliceControl &control) {
            std::vector<std::uint32_t> &fingerprints = m_sliceFingerprints[slice];
            std::vector<std::uint32_t> signature(std::size_t(hasher.values()));
            for (std::size_t item = begin; item < end && !control.stop.load(); ++item) {
                if ((item & 1023) == 1023)
                    control.done.fetch_add(1024);
                const std::u32string text =
                    normalizeText(posts[m_firstPost[item]].text, parameters.normalize);
                if (text.size() < std::size_t(std::max(parameters.shortTextLength, 1)))
                    continue;
                // Repeated shingles do not change a minimum, so the signature takes them as
                // they come; only the 32-bit fingerprints are sorted into a set.
                const std::vector<std::uint64_t> shingles =
                    shingleHashesUnsorted(text, parameters.shingleSize);
                hasher.signature(shingles.data(), shingles.size(), signature.data());
                MinHasher::bandKeys(signature.data(), banding,
                                    m_bandKeys.data() + item * std::size_t(m_bands));
                std::uint8_t *sketch = m_sketches.data() + item * m_sketchLength;
                for (std::size_t v = 0; v < signature.size(); ++v)
                    sketch[v] = std::uint8_t(signature[v]);
                m_offset[item] = fingerprints.size();
                const std::size_t at = fingerprints.size();
                for (const std::uint64_t shingle : shingles)
                    fingerprints.push_back(std::uint32_t(shingle >> 32));
                const auto begin = fingerprints.begin() + std::ptrdiff_t(at);
                std::sort(begin, fingerprints.end());
                fingerprints.erase(std::unique(begin, fingerprints.end()), fingerprints.end());
                m_count[item] = std::uint32_t(fingerprints.size() - at);
            }
        });
}

std::span<const std::uint32_t> TextItems::fingerprints(std::uint32_t item) const
{
    std::size_t slice = 0;
    while (slice + 1 < m_sliceFingerprints.size() &&
           item >= sliceBegin(slice + 1, m_firstPost.size(), m_threads))
        ++slice;
    return {m_sliceFingerprints[slice].data() + m_offset[item], m_count[item]};
}

double TextItems::similarity(std::uint32_t a, std::uint32_t b) const
{
    if (a == b)
        return 1.0;
    if (!comparable(a) || !comparable(b))
        return 0.0;
    const auto fa = fingerprints(a);
    const auto fb = fingerprints(b);
    return jaccard(fa.data(), fa.size(), fb.data(), fb.size());
}

} // namespace chorus

namespace chorus {

bool TextItems::sketchesMayReach(std::uint32_t a, std::uint32_t b) const
{
    // Eight bytes at a time: a byte of x is non-zero where the sketches differ; the high bit
    // of each byte of `differs` marks those, and the multiply adds the marks up.
    constexpr std::uint64_t Low7 = 0x7F7F7F7F7F7F7F7FULL;
    constexpr std::uint64_t Ones = 0x0101010101010101ULL;
    const std::uint8_t *sa = m_sketches.data() + std::size_t(a) * m_sketchLength;
    const std::uint8_t *sb = m_sketches.data() + std::size_t(b) * m_sketchLength;
    std::size_t differing = 0;
    for (std::size_t v = 0; v < m_sketchLength; v += 8) {
        std::uint64_t wa, wb;
        std::memcpy(&wa, sa + v, 8);
        std::memcpy(&wb, sb + v, 8);
        const std::uint64_t x = wa ^ wb;
        const std::uint64_t differs = (((x & Low7) + Low7) | x) & ~Low7;
        differing += std::size_t(((differs >> 7) * Ones) >> 56);
    }
    return m_sketchLength - differing >= m_sketchMinMatches;
}

bool TextItems::similarAtLeast(std::uint32_t a, std::uint32_t b, double threshold) const
{
    if (a == b)
        return true;
    if (!comparable(a) || !comparable(b))
        return false;
    const auto fa = fingerprints(a);
    const auto fb = fingerprints(b);
    return jaccardAtLeast(fa.data(), fa.size(), fb.data(), fb.size(), threshold);
}

} // namespace chorus
