#include "analysis/MinHash.h"

#include "analysis/Shingler.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace chorus {

double candidateProbability(double jaccard, const Banding &banding)
{
    return 1.0 - std::pow(1.0 - std::pow(jaccard, banding.rows), banding.bands);
}

Banding chooseBanding(double threshold, int maxValues, double recallAtThreshold)
{
    Banding best{std::max(maxValues, 1), 1};
    for (int rows = 1; rows <= maxValues; ++rows) {
        const Banding candidate{maxValues / rows, rows};
        if (candidate.bands < 1)
            break;
        if (candidateProbability(threshold, candidate) >= recallAtThreshold)
            best = candidate;
    }
    return best;
}

MinHasher::MinHasher(int values, std::uint64_t seed)
{
    std::uint64_t state = seed;
    for (int i = 0; i < values; ++i) {
        state += 0x9E3779B97F4A7C15ULL;
        m_multipliers.push_back(mix64(state) | 1); // odd: a bijection on 64-bit words
        state += 0x9E3779B97F4A7C15ULL;
        m_offsets.push_back(mix64(state));
    }
}

void MinHasher::signature(const std::uint64_t *shingles, std::size_t count,
                          std::uint32_t *signature) const
{
    const std::size_t n = m_multipliers.size();
    std::fill(signature, signature + n, std::numeric_limits<std::uint32_t>::max());
    const std::uint64_t *a = m_multipliers.data();
    const std::uint64_t *b = m_offsets.data();
    for (std::size_t s = 0; s < count; ++s) {
        const std::uint64_t x = shingles[s];
        for (std::size_t i = 0; i < n; ++i) {
            const auto h = std::uint32_t((a[i] * x + b[i]) >> 32);
            signature[i] = std::min(signature[i], h);
        }
    }
}

void MinHasher::bandKeys(const std::uint32_t *signature, const Banding &banding,
                         std::uint32_t *keys)
{
    for (int band = 0; band < banding.bands; ++band) {
        std::uint64_t h = 0x42616E64ULL + std::uint64_t(band);
        for (int row = 0; row < banding.rows; ++row)
            h = mix64(h ^ signature[band * banding.rows + row]);
        keys[band] = std::uint32_t(h >> 32);
    }
}

} // namespace chorus
