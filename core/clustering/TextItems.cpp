#include "clustering/TextItems.h"

#include "clustering/FirstSeenIndex.h"
#include "clustering/Shingler.h"
#include "common/ParallelSlices.h"
#include "text/TextNormalizer.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <string_view>

namespace chorus {

namespace {

// Nothing but links and spaces left: such posts say nothing as text.
bool isEmptyText(const std::u32string &text)
{
    return std::all_of(text.begin(), text.end(),
                       [](char32_t c) { return c == UrlToken || c == U' '; });
}

} // namespace

bool TextItems::build(const std::vector<ClusterInputPost> &posts,
                      const ClusterParameters &parameters, const Banding &banding,
                      ProgressSink &progress, ClusteringStats &stats)
{
    m_posts = &posts;
    m_normalize = parameters.normalize;
    m_shingleSize = parameters.shingleSize;
    m_shortTextLength = std::uint32_t(std::max(parameters.shortTextLength, 1));
    m_bands = banding.bands;
    progress.stage(Stage::NormalizingTexts);
    if (!foldRawTexts(posts, stats, progress))
        return false;
    progress.stage(Stage::ComputingSignatures);
    std::vector<NormalizedKey> keys;
    if (!signRawTexts(posts, parameters, banding, keys, progress))
        return false;
    if (!foldNormalizedTexts(keys, stats, progress))
        return false;
    m_fingerprints.reset(size(), [this](std::uint32_t item, std::vector<std::uint32_t> &out) {
        computeFingerprints(item, out);
    });
    return true;
}

namespace {

// How often the folds look at Cancel: every 65,536 texts (a few milliseconds).
constexpr std::size_t CancelPollMask = 0xFFFF;

} // namespace

bool TextItems::foldRawTexts(const std::vector<ClusterInputPost> &posts, ClusteringStats &stats,
                             ProgressSink &progress)
{
    // Texts exactly as imported first: the cheapest way to fold a campaign's copies.
    FirstSeenIndex firstPostOf(posts.size());
    m_rawOfPost.resize(posts.size());
    for (std::size_t p = 0; p < posts.size(); ++p) {
        if ((p & CancelPollMask) == 0) {
            progress.progress(std::int64_t(p), std::int64_t(posts.size()));
            if (progress.isCancelled())
                return false;
        }
        const std::string_view text = posts[p].text;
        const std::uint32_t first =
            firstPostOf.firstOf(std::uint32_t(p), std::hash<std::string_view>{}(text),
                                [&](std::uint32_t earlier) { return posts[earlier].text == text; });
        if (first == p) {
            m_rawOfPost[p] = std::uint32_t(m_rawFirst.size());
            m_rawFirst.push_back(std::uint32_t(p));
        } else {
            m_rawOfPost[p] = m_rawOfPost[first];
        }
    }
    stats.rawTexts = std::int64_t(m_rawFirst.size());
    return true;
}

bool TextItems::signRawTexts(const std::vector<ClusterInputPost> &posts,
                             const ClusterParameters &parameters, const Banding &banding,
                             std::vector<NormalizedKey> &keys, ProgressSink &progress)
{
    const MinHasher hasher(banding.values());
    const std::size_t raws = m_rawFirst.size();
    keys.assign(raws, {});
    m_bandKeys.assign(std::size_t(m_bands), {});
    for (auto &band : m_bandKeys)
        band.resize(raws);
    // Padded to whole 64-bit words (the padding is equal in every sketch: not counted).
    m_sketchLength = (std::size_t(hasher.values()) + 7) / 8 * 8;
    m_sketches.clear();
    m_sketches.resize(raws * m_sketchLength);
    if (progress.isCancelled())
        return false;
    // Matches among K 8-bit values: K (J + (1 - J) / 256) expected, binomial spread.
    const double t = parameters.threshold;
    const double k = double(hasher.values());
    const double cut = std::max(0.0, t - 3.0 * std::sqrt(t * (1.0 - t) / k));
    m_sketchMinMatches = std::size_t(std::floor(k * (cut + (1.0 - cut) / 256.0))) +
                         (m_sketchLength - std::size_t(hasher.values()));
    return runSlices(
        raws, parameters.threads, progress,
        [&](std::size_t, std::size_t begin, std::size_t end, SliceControl &control) {
            std::vector<std::uint32_t> signature(std::size_t(hasher.values()));
            std::vector<std::uint32_t> bandKeys(std::size_t(banding.bands));
            for (std::size_t r = begin; r < end && !control.stop.load(); ++r) {
                if ((r & 1023) == 1023)
                    control.done.fetch_add(1024);
                const std::u32string text = normalizeText(posts[m_rawFirst[r]].text, m_normalize);
                keys[r] = {textHash(text), std::uint32_t(text.size()), isEmptyText(text)};
                std::uint8_t *sketch = m_sketches.data() + r * m_sketchLength;
                // Every row is written (the arrays start unwritten): zeros for a text too
                // short to sign, and for the sketch's padding.
                std::fill(sketch, sketch + m_sketchLength, std::uint8_t(0));
                if (keys[r].empty || text.size() < m_shortTextLength) {
                    for (auto &band : m_bandKeys)
                        band[r] = 0;
                    continue;
                }
                // Repeated shingles do not change a minimum: the signature takes them as
                // they come.
                const std::vector<std::uint64_t> shingles =
                    shingleHashesUnsorted(text, m_shingleSize);
                hasher.signature(shingles.data(), shingles.size(), signature.data());
                MinHasher::bandKeys(signature.data(), banding, bandKeys.data());
                for (std::size_t b = 0; b < bandKeys.size(); ++b)
                    m_bandKeys[b][r] = bandKeys[b];
                for (std::size_t v = 0; v < signature.size(); ++v)
                    sketch[v] = std::uint8_t(signature[v]);
            }
        });
}

bool TextItems::foldNormalizedTexts(const std::vector<NormalizedKey> &keys, ClusteringStats &stats,
                                    const ProgressSink &progress)
{
    // Exact copies after normalisation (case, accents, links...). Keyed by a 64-bit hash plus
    // length: for a million texts the odds of a false match are about 1 in 10^7.
    FirstSeenIndex firstRawOf(keys.size());
    m_itemOfRaw.assign(keys.size(), None);
    for (std::size_t r = 0; r < keys.size(); ++r) {
        if ((r & CancelPollMask) == 0 && progress.isCancelled())
            return false;
        if (keys[r].empty)
            continue;
        const std::uint32_t first = firstRawOf.firstOf(
            std::uint32_t(r), keys[r].hash ^ (std::uint64_t(keys[r].length) << 40),
            [&](std::uint32_t earlier) {
                return keys[earlier].hash == keys[r].hash && keys[earlier].length == keys[r].length;
            });
        if (first != r) {
            m_itemOfRaw[r] = m_itemOfRaw[first];
            continue;
        }
        m_itemOfRaw[r] = std::uint32_t(m_firstPost.size());
        // Items are numbered in the order of their first text, so item <= r: row r moves
        // down over a row that is no longer needed.
        const std::size_t item = m_firstPost.size();
        m_firstPost.push_back(m_rawFirst[r]);
        m_length.push_back(keys[r].length);
        if (item != r) {
            for (auto &band : m_bandKeys)
                band[item] = band[r];
            std::copy_n(m_sketches.begin() + std::ptrdiff_t(r * m_sketchLength), m_sketchLength,
                        m_sketches.begin() + std::ptrdiff_t(item * m_sketchLength));
        }
    }
    // Shrinking keeps the capacity: no second copy of the arrays.
    for (auto &band : m_bandKeys)
        band.resize(m_firstPost.size());
    m_sketches.resize(m_firstPost.size() * m_sketchLength);
    stats.normalizedTexts = std::int64_t(m_firstPost.size());
    return true;
}

void TextItems::computeFingerprints(std::uint32_t item, std::vector<std::uint32_t> &out) const
{
    const std::u32string text = normalizeText((*m_posts)[m_firstPost[item]].text, m_normalize);
    out.clear();
    for (const std::uint64_t shingle : shingleHashesUnsorted(text, m_shingleSize))
        out.push_back(std::uint32_t(shingle >> 32));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
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
