#pragma once

#include <cstdint>
#include <vector>

namespace chorus {

// How a MinHash signature of bands x rows values is cut for locality-sensitive hashing.
//
// Two texts with Jaccard similarity J agree on one MinHash value with probability J, on a
// whole band of r rows with probability J^r, and become a candidate pair when at least one of
// b bands agrees: P(candidate) = 1 - (1 - J^r)^b. That S-curve rises steeply around
// (1/b)^(1/r). Candidates are then confirmed by their exact Jaccard similarity, so banding only
// has to make sure that pairs at or above the threshold become candidates: chooseBanding()
// takes the most selective r (fewest wasted candidates) for which P(candidate) at the
// threshold is still at least `recallAtThreshold`. For threshold 0.5 and 96 values at 0.98
// that is b = 32, r = 3: P = 0.986 at J = 0.5, 0.999 at 0.6, 0.88 at 0.4, 0.58 at 0.3, 0.23 at
// 0.2. Clustering's defaults (threshold 0.55, 96 values, 0.9) give b = 24, r = 4: P = 0.90 at
// J = 0.55, 0.99 at 0.65, 0.46 at 0.4, 0.18 at 0.3, 0.04 at 0.2; a near copy usually has many
// near-copy neighbours, so its cluster still finds it, while unrelated texts on the same
// topic (J 0.3-0.45) cost a sixth of the comparisons that b = 32, r = 3 would need.
struct Banding
{
    int bands = 32;
    int rows = 3;
    int values() const { return bands * rows; }
};

Banding chooseBanding(double threshold, int maxValues, double recallAtThreshold = 0.98);

// The probability above, for documentation and tests.
double candidateProbability(double jaccard, const Banding &banding);

// MinHash signatures by one-permutation hashing with optimal densification (Li, Owen & Zhang
// 2012; Shrivastava 2017): each shingle hash, re-mixed with a fixed seed, falls into one of
// values() bins by its high half and competes for that bin's minimum with its low half; a bin
// left empty copies the bin found by a fixed, seeded probe sequence. Two sets agree on each bin
// with probability equal to their Jaccard similarity, as with classic MinHash, but one hash per
// shingle replaces one per shingle and value (96 times less work). Seeds are fixed, so
// signatures are the same in every run and on every machine.
// Immutable after construction; safe to share between threads.
class MinHasher
{
public:
    static constexpr int MaxValues = 1024;
    explicit MinHasher(int values, std::uint64_t seed = 0x43686F727573ULL);

    int values() const { return m_values; }
    // Writes values() values to `signature`. An empty set gives all 0xFFFFFFFF.
    void signature(const std::uint64_t *shingles, std::size_t count,
                   std::uint32_t *signature) const;
    // One 32-bit key per band, hashing its rows; equal keys make a candidate pair.
    static void bandKeys(const std::uint32_t *signature, const Banding &banding,
                         std::uint32_t *keys);

private:
    int m_values;
    std::uint64_t m_seed;
};

} // namespace chorus
