#include "clustering/MinHash.h"

#include "clustering/Shingler.h"

#include <algorithm>
#include <array>
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
    : m_values(std::clamp(values, 1, MaxValues)), m_seed(mix64(seed))
{}

namespace {

// Maps 32 random bits onto 0..n-1 without division.
std::uint32_t scaled(std::uint64_t randomBits, int n)
{
    return std::uint32_t(((randomBits & 0xFFFFFFFFULL) * std::uint64_t(n)) >> 32);
}

} // namespace

void MinHasher::signature(const std::uint64_t *shingles, std::size_t count,
                          std::uint32_t *signature) const
{
    constexpr std::uint32_t Empty = std::numeric_limits<std::uint32_t>::max();
    std::fill(signature, signature + m_values, Empty);
    if (count == 0)
        return;
    std::array<bool, MaxValues> filled{};
    for (std::size_t s = 0; s < count; ++s) {
        const std::uint64_t h = mix64(shingles[s] ^ m_seed);
        const std::uint32_t bin = scaled(h >> 32, m_values);
        signature[bin] = std::min(signature[bin], std::uint32_t(h));
        filled[bin] = true;
    }
    // Optimal densification: empty bin i takes the value of the first filled bin on its own
    // probe sequence, which is the same for every set, so agreement stays at probability J.
    for (int i = 0; i < m_values; ++i) {
        if (filled[std::size_t(i)])
            continue;
        for (std::uint64_t attempt = 1;; ++attempt) {
            const std::uint32_t j =
                scaled(mix64(m_seed + (std::uint64_t(i) << 32) + attempt), m_values);
            if (filled[j]) {
                signature[i] = signature[j];
                break;
            }
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
