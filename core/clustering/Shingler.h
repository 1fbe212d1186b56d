#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

namespace chorus {

// Mixes 64 bits so that nearby inputs give unrelated outputs (the SplitMix64 finaliser).
constexpr std::uint64_t mix64(std::uint64_t x)
{
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ULL;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBULL;
    x ^= x >> 31;
    return x;
}

// The set of character k-shingles of a normalised text: every run of k consecutive code
// points, hashed to 64 bits, sorted and without repeats. Character shingles rather than
// words so that any script works (Chinese has no spaces) and a typo changes only k shingles.
// A text shorter than k code points gives one shingle for the whole text.
std::vector<std::uint64_t> shingleHashes(std::u32string_view text, int k);

// The same hashes in text order, with repeats: for callers that sort something smaller.
std::vector<std::uint64_t> shingleHashesUnsorted(std::u32string_view text, int k);

// 64-bit hash of a whole normalised text (identifies exact copies).
std::uint64_t textHash(std::u32string_view text);

// Common elements of two sorted sets without repeats, by one merge. The merge gives up (and
// returns what it counted so far) once fewer than `wanted` could still be reached.
template <typename T>
std::size_t commonElements(const T *a, std::size_t na, const T *b, std::size_t nb,
                           double wanted = 0.0)
{
    std::size_t i = 0, j = 0, common = 0;
    while (i < na && j < nb) {
        if (double(common + std::min(na - i, nb - j)) < wanted)
            return common;
        if (a[i] < b[j]) {
            ++i;
        } else if (b[j] < a[i]) {
            ++j;
        } else {
            ++common;
            ++i;
            ++j;
        }
    }
    return common;
}

// Jaccard similarity |A ∩ B| / |A ∪ B| of two sorted sets without repeats.
template <typename T> double jaccard(const T *a, std::size_t na, const T *b, std::size_t nb)
{
    if (na == 0 && nb == 0)
        return 1.0;
    const std::size_t common = commonElements(a, na, b, nb);
    return double(common) / double(na + nb - common);
}

// True when jaccard(a, b) >= threshold, usually without a full merge: sets whose sizes alone
// rule it out are rejected at once (J <= min/max), and the merge stops as soon as the common
// elements still needed cannot be found in what is left. Candidate verification's hot path.
template <typename T>
bool jaccardAtLeast(const T *a, std::size_t na, const T *b, std::size_t nb, double threshold)
{
    if (na == 0 || nb == 0)
        return na == nb;
    if (double(std::min(na, nb)) < threshold * double(std::max(na, nb)))
        return false;
    // J >= t  <=>  common >= t (na + nb) / (1 + t); a hair of slack for rounding.
    const double needed = threshold * double(na + nb) / (1.0 + threshold) - 1e-9;
    return double(commonElements(a, na, b, nb, needed)) >= needed;
}

template <typename T> double jaccard(const std::vector<T> &a, const std::vector<T> &b)
{
    return jaccard(a.data(), a.size(), b.data(), b.size());
}

} // namespace chorus
