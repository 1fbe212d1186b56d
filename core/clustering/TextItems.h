#pragma once

#include "clustering/ClusteringTypes.h"
#include "clustering/MinHash.h"
#include "common/Progress.h"

#include <cstdint>
#include <span>
#include <vector>

namespace chorus {

// The distinct normalised texts of a clustering input ("items"), with what comparing them
// needs: shingle fingerprints (the high 32 bits of each 64-bit shingle hash, sorted; half the
// memory, and a spurious equal fingerprint in a pair of ~100-shingle texts has odds of about
// 1 in 10^7) and LSH band keys. Exact copies share one item, so a campaign of a thousand
// identical posts costs one signature.
//
// Built by build() with `threads` workers; read-only afterwards, safe to share.
class TextItems
{
public:
    static constexpr std::uint32_t None = 0xFFFFFFFFu;

    // Returns false when cancelled (the object is then incomplete).
    bool build(const std::vector<ClusterInputPost> &posts, const ClusterParameters &parameters,
               const Banding &banding, ProgressSink &progress, ClusteringStats &stats);

    std::size_t size() const { return m_firstPost.size(); }
    // The item of a post, or None when nothing was left of its text after normalisation.
    std::uint32_t itemOfPost(std::size_t post) const { return m_itemOfRaw[m_rawOfPost[post]]; }
    // The first post (lowest input index) with this text.
    std::uint32_t firstPost(std::uint32_t item) const { return m_firstPost[item]; }
    // Long enough to take part in near-duplicate search (short texts only match exactly).
    bool comparable(std::uint32_t item) const { return m_count[item] > 0; }
    std::span<const std::uint32_t> fingerprints(std::uint32_t item) const;
    const std::uint32_t *bandKeys(std::uint32_t item) const
    {
        return m_bandKeys.data() + std::size_t(item) * std::size_t(m_bands);
    }
    double similarity(std::uint32_t a, std::uint32_t b) const;
    bool similarAtLeast(std::uint32_t a, std::uint32_t b, double threshold) const;
    // Quick test before similarAtLeast(): false when the pair's b-bit MinHash sketches (the
    // low 8 bits of each signature value; Li & König 2010) put its similarity more than three
    // standard deviations below the threshold. 96 bytes compared instead of a merge of two
    // shingle sets; a pair exactly at the threshold is wrongly dropped about once in 700
    // tries, and cluster members are linked by many pairs.
    bool sketchesMayReach(std::uint32_t a, std::uint32_t b) const;

private:
    bool normalizeRaw(const std::vector<ClusterInputPost> &posts,
                      const ClusterParameters &parameters, ProgressSink &progress,
                      ClusteringStats &stats);
    bool computeSignatures(const std::vector<ClusterInputPost> &posts,
                           const ClusterParameters &parameters, const Banding &banding,
                           ProgressSink &progress);

    std::vector<std::uint32_t> m_rawOfPost; // post -> distinct imported text
    std::vector<std::uint32_t> m_rawFirst;  // distinct imported text -> first post
    std::vector<std::uint32_t> m_itemOfRaw; // distinct imported text -> item or None
    std::vector<std::uint32_t> m_firstPost; // item -> first post
    // Fingerprints live in one array per worker slice; m_offset is within the item's slice.
    int m_threads = 1;
    std::vector<std::vector<std::uint32_t>> m_sliceFingerprints;
    std::vector<std::uint64_t> m_offset;
    std::vector<std::uint32_t> m_count;
    int m_bands = 0;
    std::vector<std::uint32_t> m_bandKeys; // item x band
    std::size_t m_sketchLength = 0;
    std::vector<std::uint8_t> m_sketches; // item x signature value, low 8 bits
    std::size_t m_sketchMinMatches = 0;
};

} // namespace chorus
