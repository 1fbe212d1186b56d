#pragma once

#include "clustering/ClusteringTypes.h"
#include "clustering/LazyFingerprints.h"
#include "clustering/MinHash.h"
#include "common/Progress.h"
#include "common/UninitializedVector.h"

#include <cstdint>
#include <span>
#include <vector>

namespace chorus {

// The distinct normalised texts of a clustering input ("items"), with what comparing them
// needs: LSH band keys and b-bit sketches, made in one pass that normalises each distinct
// imported text once, and shingle fingerprints (the high 32 bits of each 64-bit shingle hash,
// sorted; half the memory, and a spurious equal fingerprint in a pair of ~100-shingle texts
// has odds of about 1 in 10^7), made only for the items an exact comparison needs (see
// LazyFingerprints). Exact copies share one item, so a campaign of a thousand identical posts
// costs one signature.
//
// Built by build() with `threads` workers; afterwards safe to share between threads (the
// fingerprints fill in as they are asked for). It reads the posts' texts until destroyed.
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
    bool comparable(std::uint32_t item) const { return m_length[item] >= m_shortTextLength; }
    std::span<const std::uint32_t> fingerprints(std::uint32_t item) const
    {
        return m_fingerprints.get(item);
    }
    // Items whose fingerprints were needed so far.
    std::size_t fingerprinted() const { return m_fingerprints.computed(); }
    std::uint32_t bandKey(std::uint32_t item, int band) const
    {
        return m_bandKeys[std::size_t(band)][item];
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
    struct NormalizedKey
    {
        std::uint64_t hash = 0;
        std::uint32_t length = 0;
        bool empty = true;
    };

    // The folds are single passes over millions of texts (seconds at ten million posts): they
    // poll Cancel and return false when it is asked for.
    bool foldRawTexts(const std::vector<ClusterInputPost> &posts, ClusteringStats &stats,
                      ProgressSink &progress);
    bool signRawTexts(const std::vector<ClusterInputPost> &posts,
                      const ClusterParameters &parameters, const Banding &banding,
                      std::vector<NormalizedKey> &keys, ProgressSink &progress);
    bool foldNormalizedTexts(const std::vector<NormalizedKey> &keys, ClusteringStats &stats,
                             const ProgressSink &progress);
    void computeFingerprints(std::uint32_t item, std::vector<std::uint32_t> &out) const;

    const std::vector<ClusterInputPost> *m_posts = nullptr;
    NormalizeOptions m_normalize;
    int m_shingleSize = 5;
    std::uint32_t m_shortTextLength = 1;
    std::vector<std::uint32_t> m_rawOfPost; // post -> distinct imported text
    std::vector<std::uint32_t> m_rawFirst;  // distinct imported text -> first post
    std::vector<std::uint32_t> m_itemOfRaw; // distinct imported text -> item or None
    std::vector<std::uint32_t> m_firstPost; // item -> first post
    std::vector<std::uint32_t> m_length;    // item -> normalised length in code points
    int m_bands = 0;
    // Band keys and sketches are made per distinct imported text, then moved down to one row
    // per item in place (an item's row never lies after its first text's row). Band keys are
    // stored band by band: candidate search reads one band of every item at a time. Both are
    // allocated unwritten (about 2 GB at ten million posts) and every row is written once by
    // the signing threads.
    std::vector<UninitializedVector<std::uint32_t>> m_bandKeys; // band x item
    std::size_t m_sketchLength = 0;
    UninitializedVector<std::uint8_t> m_sketches; // item x signature value, low 8 bits
    std::size_t m_sketchMinMatches = 0;
    LazyFingerprints m_fingerprints;
};

} // namespace chorus
