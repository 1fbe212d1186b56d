#include "clustering/LazyFingerprints.h"
#include "clustering/LshIndex.h"
#include "clustering/MinHash.h"
#include "clustering/Shingler.h"
#include "clustering/UnionFind.h"
#include "common/TextArena.h"
#include "text/TextNormalizer.h"

#include <QTest>

#include <atomic>
#include <cmath>
#include <thread>

using namespace chorus;

class TestMinHash : public QObject
{
    Q_OBJECT
private slots:
    void shinglesAreCharacterRuns();
    void jaccardBySortedMerge();
    void signatureEstimatesJaccard();
    void bandingForThreshold();
    void unionFindIsOrderIndependent();
    void lazyFingerprintsComputeEachItemOnce();
    void onlyComparedTextsAreFingerprinted();
    void textArenaKeepsEveryCopy();
};

void TestMinHash::shinglesAreCharacterRuns()
{
    QCOMPARE(shingleHashes(U"abcdefg", 5).size(), std::size_t(3));
    QCOMPARE(shingleHashes(U"abcabcabc", 3).size(), std::size_t(3)); // abc bca cab
    QCOMPARE(shingleHashes(U"abc", 5).size(), std::size_t(1));
    QVERIFY(shingleHashes(U"", 5).empty());
    // Chinese: one shingle per five characters, no word boundaries needed.
    QCOMPARE(shingleHashes(U"今天的集会太棒了", 5).size(), std::size_t(4));
    // A single changed character changes exactly the k shingles that cover it.
    const auto a = shingleHashes(U"the quick brown fox jumps", 5);
    const auto b = shingleHashes(U"the quick brawn fox jumps", 5);
    QCOMPARE(a.size(), std::size_t(21));
    QCOMPARE(jaccard(a, b), 16.0 / 26.0);
}

void TestMinHash::jaccardBySortedMerge()
{
    const std::vector<std::uint32_t> a{1, 2, 3, 4};
    const std::vector<std::uint32_t> b{3, 4, 5, 6};
    QCOMPARE(jaccard(a, b), 2.0 / 6.0);
    QCOMPARE(jaccard(a, a), 1.0);
    QCOMPARE(jaccard(a, std::vector<std::uint32_t>{9}), 0.0);
}

void TestMinHash::signatureEstimatesJaccard()
{
    const auto a = shingleHashes(normalizeText("Just got back from the rally in Kirkland Lake and "
                                               "I'm still buzzing from the energy tonight!"),
                                 5);
    const auto b = shingleHashes(normalizeText("Just got back from the rally in Timmins and I'm "
                                               "still buzzing from the energy tonight!"),
                                 5);
    const double exact = jaccard(a, b);
    const MinHasher hasher(512);
    std::vector<std::uint32_t> sa(512), sb(512);
    hasher.signature(a.data(), a.size(), sa.data());
    hasher.signature(b.data(), b.size(), sb.data());
    int equal = 0;
    for (int i = 0; i < 512; ++i)
        equal += sa[std::size_t(i)] == sb[std::size_t(i)];
    const double estimate = equal / 512.0;
    QVERIFY2(std::abs(estimate - exact) < 0.07,
             qPrintable(QString("estimate %1, exact %2").arg(estimate).arg(exact)));
    // Same set, same signature: seeds are fixed.
    std::vector<std::uint32_t> again(512);
    MinHasher(512).signature(a.data(), a.size(), again.data());
    QCOMPARE(again, sa);
}

void TestMinHash::bandingForThreshold()
{
    const Banding b = chooseBanding(0.5, 96);
    QCOMPARE(b.bands, 32);
    QCOMPARE(b.rows, 3);
    QVERIFY(candidateProbability(0.5, b) > 0.98);
    QVERIFY(candidateProbability(0.2, b) < 0.25);
    // A higher threshold affords longer bands (fewer wasted candidates).
    QVERIFY(chooseBanding(0.8, 96).rows > b.rows);
}

void TestMinHash::unionFindIsOrderIndependent()
{
    UnionFind a(6), b(6);
    a.unite(4, 5);
    a.unite(1, 4);
    a.unite(2, 3);
    b.unite(2, 3);
    b.unite(5, 1);
    b.unite(4, 1);
    for (std::uint32_t i = 0; i < 6; ++i)
        QCOMPARE(a.find(i), b.find(i));
    QCOMPARE(a.find(5), 1u);
    QVERIFY(!a.unite(1, 5));
}

void TestMinHash::lazyFingerprintsComputeEachItemOnce()
{
    // Item i's set is {i, i + 1, ..., 2i}; large ones span arena chunks.
    constexpr std::uint32_t Items = 600;
    std::atomic<int> calls{0};
    LazyFingerprints fingerprints;
    fingerprints.reset(Items, [&](std::uint32_t item, std::vector<std::uint32_t> &out) {
        ++calls;
        out.clear();
        for (std::uint32_t v = item; v <= 2 * item; ++v)
            out.push_back(v);
    });
    QCOMPARE(fingerprints.computed(), std::size_t(0));
    std::atomic<int> wrong{0};
    const auto askAll = [&] {
        for (int round = 0; round < 3; ++round)
            for (std::uint32_t item = 0; item < Items; item += 2) {
                const auto set = fingerprints.get(item);
                if (set.size() != item + 1 || set.front() != item || set.back() != 2 * item)
                    ++wrong;
            }
    };
    std::thread other(askAll);
    askAll();
    other.join();
    QCOMPARE(wrong.load(), 0);
    QCOMPARE(fingerprints.computed(), std::size_t(Items / 2));
    // Two threads may both compute a new item, never more; later asks are free.
    QVERIFY(calls.load() >= int(Items / 2) && calls.load() <= int(Items));
    const int before = calls.load();
    askAll();
    QCOMPARE(calls.load(), before);
}

void TestMinHash::onlyComparedTextsAreFingerprinted()
{
    // Twelve edited copies of one sentence among 300 texts that share nothing with it or with
    // each other: the copies join, and only texts in a candidate pair are fingerprinted.
    std::vector<ClusterInputPost> posts;
    TextArena texts;
    const std::string sentence = "Just got back from the rally in Hearst and I'm still buzzing";
    for (int i = 0; i < 12; ++i)
        posts.push_back(
            {i, i, 0, 0, texts.copy(sentence + (i % 2 ? "!" : " today ") + std::to_string(i)), ""});
    for (int i = 0; i < 300; ++i) {
        std::string text;
        for (int w = 0; w < 12; ++w)
            text += "w" + std::to_string((i * 7919 + w * 104729) % 100003) + "x" +
                    std::to_string(i) + " ";
        posts.push_back({100 + i, 100 + i, 0, 0, texts.copy(text), ""});
    }
    ClusterParameters parameters;
    const Banding banding =
        chooseBanding(parameters.threshold, parameters.signatureValues, parameters.bandingRecall);
    TextItems items;
    ClusteringStats stats;
    NullProgress progress;
    QVERIFY(items.build(posts, parameters, banding, progress, stats));
    QCOMPARE(items.size(), std::size_t(312));
    QCOMPARE(items.fingerprinted(), std::size_t(0));
    UnionFind sets(items.size());
    QVERIFY(joinNearDuplicates(items, parameters, banding.bands, sets, progress, stats));
    for (std::uint32_t copy = 1; copy < 12; ++copy)
        QCOMPARE(sets.find(items.itemOfPost(copy)), sets.find(items.itemOfPost(0)));
    QCOMPARE(sets.find(items.itemOfPost(12)) == sets.find(items.itemOfPost(0)), false);
    QVERIFY(items.fingerprinted() >= 12);
    QVERIFY2(items.fingerprinted() < 40, qPrintable(QString::number(items.fingerprinted())));
    // Asked again, a pair's similarity comes from the same sets.
    QVERIFY(items.similarity(items.itemOfPost(0), items.itemOfPost(2)) >= 0.55);
}

void TestMinHash::textArenaKeepsEveryCopy()
{
    // The clustering input's texts: many short copies over several blocks, one longer than a
    // block, an empty one; every view stays equal to its text, also after the arena moves.
    TextArena arena;
    std::vector<std::string> texts;
    std::vector<std::string_view> copies;
    for (int i = 0; i < 200000; ++i) {
        texts.push_back("post " + std::to_string(i) + std::string(std::size_t(i % 90), 'x'));
        if (i == 1000)
            texts.push_back(std::string(std::size_t(5) << 20, 'L'));
        if (i == 2000)
            texts.emplace_back();
    }
    for (const std::string &text : texts)
        copies.push_back(arena.copy(text));
    QVERIFY(arena.capacity() >= (std::size_t(5) << 20) * 2);
    const TextArena moved = std::move(arena);
    // The emptied arena takes new copies in blocks of its own, never in the moved ones.
    const std::string_view later = arena.copy("written after the move");
    QCOMPARE(arena.capacity(), std::size_t(4) << 20);
    for (std::size_t i = 0; i < texts.size(); ++i)
        QVERIFY2(copies[i] == texts[i], qPrintable(QString::number(i)));
    QCOMPARE(later, std::string_view("written after the move"));
    QVERIFY(moved.capacity() > 0);
}

QTEST_GUILESS_MAIN(TestMinHash)
#include "tst_minhash.moc"
