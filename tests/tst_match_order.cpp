// A search's matches put in a view's order from the posts' keys by slices of the leading key
// (query/MatchOrder), each slice sorted when a page first reaches it: the order a page reads
// must be the one worked out here from the planted posts, for slices of thousands of matches
// (sorted by radix), for windows that span slices, and for keys at the ends of int64.
#include "PlantedPosts.h"
#include "PostCollection.h"
#include "TestSupport.h"
#include "query/MatchHead.h"
#include "query/MatchOrder.h"
#include "query/PostQueries.h"
#include "query/SearchHits.h"
#include "store/TextIndex.h"

#include <QTest>

#include <algorithm>
#include <array>
#include <functional>
#include <limits>

using namespace chorus;
using namespace chorus::test;

namespace {

constexpr std::int64_t Base = PlantedBase;

} // namespace

class TestMatchOrder : public QObject
{
    Q_OBJECT

private slots:
    void aSliceOfThousandsOfMatchesIsSortedWhenReached()
    {
        // A burst of 9,000 posts in half an hour (two accounts, many ties in time) among posts
        // over ten years: the burst falls in one or two slices of the time order and two of the
        // account order, thousands of matches each, sorted by radix when first reached.
        QTemporaryDir dir;
        PostCollection posts;
        std::vector<Planted> planted;
        const auto add = [&](const std::string &account, std::int64_t time) {
            PostCollection::Post post{account, time, {}, {}, {}, {}, "a burst of words"};
            planted.push_back({time, account, posts.post(post), post.text, "post", ""});
        };
        // Two files, each over the whole time range: the second's posts take later ids than
        // the first's earlier posts, so no slice is in order by id already.
        auto store = makeCase(dir);
        for (const int half : {0, 1}) {
            for (int i = half; i < 9000; i += 2)
                add("b" + std::to_string(i % 4 / 2), Base + std::int64_t(i * 7919 % 1800));
            for (int i = half; i < 40; i += 2)
                add("s" + std::to_string(i % 5), Base - std::int64_t(i) * 86400 * 90);
            posts.importInto(*store, dir);
        }
        const auto ids = posts.importInto(*store, dir);
        NullProgress progress;
        QVERIFY(updateTextIndex(store->db(), progress).ok());
        PostOrderKeys keys;
        while (!PostQueries(*store).extendOrderKeys(keys, 4000).value()) {
        }
        const PostOrderKeys sortedKeys = keys; // every match sorted at once, by radix
        const PostOrderKeys windowKeys = keys; // read in windows of 50 matches
        for (const auto order : {detail::HitOrder::Time, detail::HitOrder::Account}) {
            std::vector<std::array<std::int64_t, 3>> expectedKeys;
            for (const Planted &p : planted)
                expectedKeys.push_back(
                    {order == detail::HitOrder::Account ? ids.account(p.account) : 0, p.time,
                     ids.post(p.platformId)});
            const std::vector<std::int64_t> all = idsInOrder(expectedKeys, false);
            const auto idAt = [&](std::size_t i) {
                const auto ordered =
                    detail::orderedMatches(store->db(), words("burst"), order, keys);
                return ordered && i < ordered->size() ? std::int64_t(ordered->ids(i, i + 1)[0])
                                                      : -1;
            };
            // From the middle of the burst outwards, then everything once more.
            for (const std::size_t i : {std::size_t(4520), std::size_t(4519), std::size_t(40),
                                        all.size() - 1, std::size_t(0)})
                QCOMPARE(idAt(i), all[i]);
            for (std::size_t i = 0; i < all.size(); i += 7)
                QCOMPARE(idAt(i), all[i]);
            // Windows that each span slices no read before sorted.
            const auto windows =
                detail::orderedMatches(store->db(), words("burst"), order, windowKeys);
            QVERIFY(windows);
            std::vector<std::int64_t> windowIds;
            for (std::size_t first = 0; first < windows->size(); first += 50)
                for (const std::uint32_t id : windows->ids(first, first + 50))
                    windowIds.push_back(id);
            QCOMPARE(windowIds, all);
            const auto sorted =
                detail::matchesInOrder(store->db(), words("burst"), order, sortedKeys);
            QVERIFY(sorted);
            std::vector<std::int64_t> sortedIds;
            for (const detail::HitKey &key : *sorted)
                sortedIds.push_back(key[order == detail::HitOrder::Account ? 2 : 1]);
            QCOMPARE(sortedIds, all);
        }
        // A time range whose ends are times of posts (five at each): from is in, to is out,
        // counted from the keys a word of 64 posts at a time.
        PostFilter range = words("burst");
        range.from = Base + 300;
        range.to = Base + 900;
        const auto inRange = std::count_if(planted.begin(), planted.end(), [](const Planted &p) {
            return p.time >= Base + 300 && p.time < Base + 900;
        });
        QCOMPARE(inRange, 3000);
        QCOMPARE(PostQueries(*store, &keys).count(range).value(), std::int64_t(inRange));
        // And in order from the keys (more than one slice of the range), in windows of 50.
        for (const auto order : {detail::HitOrder::Time, detail::HitOrder::Account}) {
            std::vector<std::array<std::int64_t, 3>> expectedKeys;
            for (const Planted &p : planted)
                if (p.time >= Base + 300 && p.time < Base + 900)
                    expectedKeys.push_back(
                        {order == detail::HitOrder::Account ? ids.account(p.account) : 0, p.time,
                         ids.post(p.platformId)});
            const auto ranged = detail::orderedMatches(store->db(), range, order, keys);
            QVERIFY(ranged); // from the keys, not the rows
            std::vector<std::int64_t> rangedIds;
            for (std::size_t first = 0; first < ranged->size(); first += 50)
                for (const std::uint32_t id : ranged->ids(first, first + 50))
                    rangedIds.push_back(id);
            QCOMPARE(rangedIds, idsInOrder(expectedKeys, false));
        }
    }

    void firstPagesComeFromTheMatchesNearestTheirEnd()
    {
        // `head`: 3,000 matches at 600 times (five posts at each, in an order unlike their ids);
        // `rising`: 2,400 whose times rise with their ids (three at each), so that read newest
        // first nearly every match is nearer the view's end than those before it. The pages
        // near either end of a view are picked from the matches (query/MatchHead) before the
        // whole order is kept, and must be the whole order's, ties taken by id.
        QTemporaryDir dir;
        PostCollection posts;
        std::vector<Planted> planted;
        auto store = makeCase(dir);
        const auto add = [&](const std::string &account, std::int64_t time, const char *text) {
            PostCollection::Post post{account, time, {}, {}, {}, {}, text};
            planted.push_back({time, account, posts.post(post), post.text, "post", ""});
        };
        for (int i = 0; i < 3000; ++i)
            add("h" + std::to_string(i * 37 % 11), Base + std::int64_t(i * 7919 % 600),
                "a head of words");
        for (int i = 0; i < 2400; ++i)
            add("r" + std::to_string(i % 7), Base + std::int64_t(i / 3), "rising words");
        const auto ids = posts.importInto(*store, dir);
        NullProgress progress;
        QVERIFY(updateTextIndex(store->db(), progress).ok());
        PostOrderKeys read;
        while (!PostQueries(*store).extendOrderKeys(read, 1000).value()) {
        }
        // The planted posts whose text has `word` and that `passes`, in a view's order.
        const auto expected = [&](const std::string &word, PostSort sort, bool descending,
                                  const std::function<bool(const Planted &)> &passes) {
            std::vector<std::array<std::int64_t, 3>> keys;
            for (const Planted &p : planted)
                if (p.text.find(word) != std::string::npos && passes(p))
                    keys.push_back({sort == PostSort::Account ? ids.account(p.account) : 0, p.time,
                                    ids.post(p.platformId)});
            return idsInOrder(keys, descending);
        };
        const auto every = [](const Planted &) { return true; };
        for (const std::string word : {"head", "rising"})
            for (const PostSort sort : {PostSort::Time, PostSort::Account})
                for (const bool descending : {false, true}) {
                    PostFilter search = words(word);
                    search.collectedOnly = true; // a narrowed search: paged from its matches
                    const auto order = sort == PostSort::Account ? detail::HitOrder::Account
                                                                 : detail::HitOrder::Time;
                    const std::vector<std::int64_t> all = expected(word, sort, descending, every);
                    QCOMPARE(all.size(), std::size_t(word == "head" ? 3000 : 2400));
                    const PostOrderKeys keys = read; // nothing kept in order yet
                    const PostQueries queries(*store, &keys);
                    const auto pageAt = [&](std::int64_t offset, int limit) {
                        const auto page = queries.page(search, sort, descending, offset, limit);
                        return page ? idsOf(page.value()) : std::vector<std::int64_t>{};
                    };
                    const auto slice = [&](std::size_t from, std::size_t to) {
                        return std::vector<std::int64_t>(all.begin() + std::ptrdiff_t(from),
                                                         all.begin() + std::ptrdiff_t(to));
                    };
                    // Counted from the words' bits (`rising` ends in a word of 64 ids cut short).
                    QCOMPARE(queries.count(search).value(), std::int64_t(all.size()));
                    // The first pages, a page ending on the last row the head reaches.
                    QCOMPARE(pageAt(0, 256), slice(0, 256));
                    QCOMPARE(pageAt(5, 3), slice(5, 8));
                    QCOMPARE(pageAt(768, 256), slice(768, 1024));
                    QVERIFY(!detail::orderKept(store->db(), search, order, keys));
                    // A deeper page puts every match in order, and the first pages read from it.
                    QCOMPARE(pageAt(1000, 256), slice(1000, 1256));
                    QVERIFY(detail::orderKept(store->db(), search, order, keys));
                    QCOMPARE(pageAt(0, 256), slice(0, 256));
                    QCOMPARE(pageAt(all.size() - 10, 256), slice(all.size() - 10, all.size()));
                }
        // Matches the terms thin out (one account's), counted from the words' bits, and paged
        // from the head in both directions, past the end too; no match at all.
        PostFilter oneAccount = words("head");
        oneAccount.accountId = ids.account("h3");
        const auto ofH3 = [](const Planted &p) { return p.account == "h3"; };
        for (const bool descending : {false, true}) {
            const PostOrderKeys keys = read;
            const PostQueries queries(*store, &keys);
            const auto few = expected("head", PostSort::Time, descending, ofH3);
            QVERIFY(few.size() > 200 && few.size() < 300);
            QCOMPARE(queries.count(oneAccount).value(), std::int64_t(few.size()));
            QCOMPARE(idsOf(queries.page(oneAccount, PostSort::Time, descending, 0, 1000).value()),
                     few);
            QVERIFY(queries.page(oneAccount, PostSort::Time, descending, 512, 256)->empty());
            PostFilter none = words("nowhere");
            none.collectedOnly = true;
            QVERIFY(queries.page(none, PostSort::Time, descending, 0, 256)->empty());
        }
        // With the matches listed by id (kept when the time order was made), the account
        // order's first page is picked from that list.
        const PostOrderKeys keys = read;
        const PostQueries queries(*store, &keys);
        PostFilter search = words("rising");
        search.collectedOnly = true;
        QVERIFY(queries.page(search, PostSort::Time, false, 2000, 256));
        QVERIFY(!detail::orderKept(store->db(), search, detail::HitOrder::Account, keys));
        const auto byAccount = expected("rising", PostSort::Account, true, every);
        QCOMPARE(idsOf(queries.page(search, PostSort::Account, true, 0, 256).value()),
                 std::vector<std::int64_t>(byAccount.begin(), byAccount.begin() + 256));
        QVERIFY(!detail::orderKept(store->db(), search, detail::HitOrder::Account, keys));
        // The head itself: the k matches nearest the end, ascending, and the count of all.
        const auto byTime = expected("rising", PostSort::Time, false, every);
        const auto head =
            detail::searchHead(store->db(), search, detail::HitOrder::Time, keys, 7, true);
        QVERIFY(head);
        QCOMPARE(head->matches, std::size_t(2400));
        QCOMPARE(std::vector<std::int64_t>(head->ids.begin(), head->ids.end()),
                 std::vector<std::int64_t>(byTime.end() - 7, byTime.end()));
        // The anchors' job, run after the first page, puts the view's matches in order.
        PageAnchors anchors;
        anchors.spacing = 100;
        QVERIFY(queries.extendAnchors(search, PostSort::Account, true, anchors, 100)->complete);
        QVERIFY(detail::orderKept(store->db(), search, detail::HitOrder::Account, keys));
        QCOMPARE(idsOf(queries.page(search, PostSort::Account, true, 256, 256).value()),
                 std::vector<std::int64_t>(byAccount.begin() + 256, byAccount.begin() + 512));
    }

    void slicesHoldEveryKeyOfTheirRange()
    {
        // Keys at both ends of int64, few or many matches: every key falls in a slice.
        constexpr std::int64_t Lowest = std::numeric_limits<std::int64_t>::min();
        constexpr std::int64_t Highest = std::numeric_limits<std::int64_t>::max();
        for (const std::size_t matches : {std::size_t(1), std::size_t(5000), std::size_t(1) << 30})
            for (const auto &[low, high] :
                 {std::pair(Lowest, Highest), std::pair(Lowest, Lowest),
                  std::pair(std::int64_t(-5), std::int64_t(7)), std::pair(Base, Base + 86400)}) {
                const detail::MatchSlices slices(low, high, matches);
                QVERIFY(slices.count() >= 1 && slices.count() <= 65536);
                QCOMPARE(slices.of(low), std::size_t(0));
                QVERIFY(slices.of(high) < slices.count());
                QVERIFY(slices.of(low / 2 + high / 2) < slices.count());
            }
    }
};

QTEST_GUILESS_MAIN(TestMatchOrder)
#include "tst_match_order.moc"
