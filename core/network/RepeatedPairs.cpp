// CoordinationNetworkBuilder with a minimum weight of 2 or more: the pairs that co-acted more
// than once, found with RepeatedPairFilter and counted without a pass per range of buckets.
#include "network/CoordinationNetworkBuilder.h"

#include "common/ParallelSlices.h"
#include "network/PairHash.h"
#include "network/RepeatedPairFilter.h"

#include <algorithm>
#include <array>

namespace chorus {

using namespace pairhash;

CoordinationNetworkBuilder::RepeatScan::RepeatScan() = default;
CoordinationNetworkBuilder::RepeatScan::RepeatScan(RepeatScan &&) noexcept = default;
CoordinationNetworkBuilder::RepeatScan &
CoordinationNetworkBuilder::RepeatScan::operator=(RepeatScan &&) noexcept = default;
CoordinationNetworkBuilder::RepeatScan::~RepeatScan() = default;

CoordinationNetworkBuilder::RepeatScan CoordinationNetworkBuilder::scanRepeats() const
{
    RepeatScan scan;
    // Eight cells (two bytes) per co-action, within half of the memory.
    std::size_t bytes = 64;
    while (bytes < std::size_t(m_coActions) * 2 && bytes * 2 <= m_pairMemory / 2)
        bytes *= 2;
    scan.filter = std::make_unique<RepeatedPairFilter>(bytes);
    RepeatedPairFilter &filter = *scan.filter;

    // Each core takes a range of every type's events with about as many co-actions, and its
    // co-actions a batch at a time with their cells fetched ahead together.
    const int threads = hardwareThreads(4);
    const std::size_t slices = sliceCount(threads);
    std::vector<std::vector<std::size_t>> bounds;
    for (const TypeEvents &type : m_types)
        bounds.push_back(splitCoActions(type.events, m_window, slices));
    const auto walk = [&](std::size_t slice, auto &&use) {
        std::array<MetCoAction, PrefetchBatch> batch;
        std::size_t pending = 0;
        for (std::size_t t = 0; t < m_types.size(); ++t) {
            forEachCoActionIn(m_types[t].events, m_window, bounds[t][slice], bounds[t][slice + 1],
                              [&](const CoEvent &a, const CoEvent &b) {
                                  if (a.account == b.account)
                                      return;
                                  const std::uint64_t key = pairKey(a, b);
                                  const std::uint64_t hash = mix(key);
                                  filter.prefetch(hash);
                                  batch[pending++] = {key, hash, b.object, b.time - a.time};
                                  if (pending == batch.size()) {
                                      for (const MetCoAction &met : batch)
                                          use(met, t);
                                      pending = 0;
                                  }
                              });
            for (std::size_t i = 0; i < pending; ++i)
                use(batch[i], t);
            pending = 0;
        }
    };
    NullProgress unwatched; // like the passes, the walks are not cancelled
    runSlices(slices, threads, unwatched,
              [&](std::size_t slice, std::size_t, std::size_t, SliceControl &) {
                  walk(slice, [&](const MetCoAction &met, std::size_t) { filter.add(met.hash); });
              });

    // The co-actions that pass are kept while they fit half of the memory left beside the
    // filter: with a vector's growth (the old block and the new at once) that stays within
    // the budget, and the counting has the filter's memory too. A gap must fit beside the
    // type.
    const bool gapsFit = m_window < (std::int64_t(1) << (32 - TypeBits)) && m_types.size() <= 8;
    const std::size_t keepBytes = (m_pairMemory - std::min(m_pairMemory, bytes)) / 2 / slices;
    std::vector<std::vector<std::int64_t>> counted(slices, std::vector<std::int64_t>(Buckets));
    scan.coActions.assign(slices, std::vector<std::vector<KeptCoAction>>(slices));
    std::vector<char> overflow(slices, !gapsFit);
    runSlices(slices, threads, unwatched,
              [&](std::size_t slice, std::size_t, std::size_t, SliceControl &) {
                  std::vector<std::int64_t> &here = counted[slice];
                  std::vector<std::vector<KeptCoAction>> &parts = scan.coActions[slice];
                  std::size_t keptBytes = 0;
                  walk(slice, [&](const MetCoAction &met, std::size_t t) {
                      if (!filter.repeated(met.hash))
                          return;
                      const int bucket = bucketOf(met.hash);
                      ++here[std::size_t(bucket)];
                      if (overflow[slice])
                          return;
                      std::vector<KeptCoAction> &part =
                          parts[std::size_t(bucket) * slices / Buckets];
                      if (part.size() == part.capacity()) {
                          const std::size_t more =
                              std::max<std::size_t>(part.capacity(), 1024) * sizeof(KeptCoAction);
                          if (keptBytes + more > keepBytes) {
                              overflow[slice] = true;
                              parts = std::vector<std::vector<KeptCoAction>>(slices);
                              return;
                          }
                          keptBytes += more;
                          part.reserve(part.capacity() + more / sizeof(KeptCoAction));
                      }
                      part.push_back({met.key, met.object,
                                      std::uint32_t(met.gap) << TypeBits | std::uint32_t(t)});
                  });
              });
    scan.bucketPairs.assign(Buckets, 0);
    for (const std::vector<std::int64_t> &here : counted)
        for (std::size_t b = 0; b < scan.bucketPairs.size(); ++b)
            scan.bucketPairs[b] += here[b];
    scan.kept = std::none_of(overflow.begin(), overflow.end(), [](char o) { return o != 0; });
    if (!scan.kept)
        scan.coActions.clear();
    return scan;
}

std::vector<CoEdge> CoordinationNetworkBuilder::countKept(RepeatScan &scan,
                                                          std::int64_t minWeight) const
{
    scan.filter.reset(); // its memory is the counting's now
    const std::size_t slices = scan.coActions.size();
    const int threads = int(slices);
    std::vector<std::vector<CoEdge>> found(slices);
    NullProgress unwatched;
    runSlices(slices, threads, unwatched,
              [&](std::size_t part, std::size_t, std::size_t, SliceControl &) {
                  // This part's co-actions from every slice, sorted by pair, then type and
                  // object: one run per pair, its distinct objects counted as they change.
                  std::vector<KeptCoAction> all;
                  std::size_t total = 0;
                  for (const auto &parts : scan.coActions)
                      total += parts[part].size();
                  all.reserve(total);
                  for (auto &parts : scan.coActions) {
                      all.insert(all.end(), parts[part].begin(), parts[part].end());
                      std::vector<KeptCoAction>().swap(parts[part]);
                  }
                  const auto typeOf = [](const KeptCoAction &c) {
                      return c.gapAndType & ((1u << TypeBits) - 1);
                  };
                  std::sort(all.begin(), all.end(),
                            [&](const KeptCoAction &a, const KeptCoAction &b) {
                                if (a.key != b.key)
                                    return a.key < b.key;
                                if (typeOf(a) != typeOf(b))
                                    return typeOf(a) < typeOf(b);
                                return a.object < b.object;
                            });
                  for (std::size_t i = 0; i < all.size();) {
                      CoEdge edge;
                      edge.source = std::int64_t(all[i].key >> 32);
                      edge.target = std::int64_t(all[i].key & 0xffffffffULL);
                      // Whole seconds: their sum is exact, as the passes' running sum is.
                      std::int64_t gapSum = 0;
                      std::size_t j = i;
                      for (; j < all.size() && all[j].key == all[i].key; ++j) {
                          if (j == i || all[j].object != all[j - 1].object ||
                              typeOf(all[j]) != typeOf(all[j - 1]))
                              ++edge.weight;
                          ++edge.actions;
                          gapSum += all[j].gapAndType >> TypeBits;
                          edge.types |= std::uint8_t(m_types[typeOf(all[j])].type);
                      }
                      edge.meanGap = double(gapSum) / double(edge.actions);
                      if (edge.weight >= minWeight)
                          found[part].push_back(edge);
                      i = j;
                  }
              });
    std::vector<CoEdge> result;
    for (std::vector<CoEdge> &edges : found)
        result.insert(result.end(), edges.begin(), edges.end());
    return result;
}

} // namespace chorus
