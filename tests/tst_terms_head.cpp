// A search narrowed by a kind, a language or collected posts only, typed before the posts
// table has read the posts' times and accounts (as a large case opens), is counted and its
// first pages found from the keys' first passes (the kinds, the languages): by walking the
// view's order index, or from the few matches' rows (query/TermsHead). The answers are those
// SQLite gives reading every match's row, in both orders and both directions. A walk that
// meets too few matches within its bound gives up (the page is then found once the rest of
// the keys are read), from either end.
#include "PlantedPosts.h"
#include "PostCollection.h"
#include "TestSupport.h"
#include "query/PostQueries.h"
#include "query/TermsHead.h"
#include "store/TextIndex.h"

#include <QTest>

#include <algorithm>

using namespace chorus;
using namespace chorus::test;

namespace {

constexpr int Posts = 6000;

// The keys of every post with their first two passes read: kinds and languages, no times.
PostOrderKeys keysWithoutTimes(const CaseStore &store)
{
    PostOrderKeys keys;
    while (keys.keptPass < PostKeys::OrdersPass && !extendPostKeys(store.db(), keys, 1000)) {
    }
    return keys;
}

PostFilter narrowed(const std::string &words, const std::string &kind,
                    const std::string &language = {})
{
    PostFilter filter = test::words(words);
    filter.kind = kind;
    filter.language = language;
    return filter;
}

} // namespace

class TestTermsHead : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CaseStore> m_store;

private slots:
    // "common" in every other post, "late" in the hundred newest; a reply in three; French in
    // five, English otherwise. Times run backwards against the ids, with jitter, and 23
    // accounts: neither order is the order by id.
    void initTestCase()
    {
        PostCollection posts;
        for (int i = 0; i < Posts; ++i) {
            PostCollection::Post post;
            post.account = "a" + std::to_string(i % 23);
            post.time = PlantedBase - std::int64_t(i) * 60 + (i % 7) * 600;
            post.text =
                std::string("words") + (i % 2 == 0 ? " common" : "") + (i < 100 ? " late" : "");
            post.language = i % 5 == 0 ? "fr" : "en";
            if (i % 3 == 1)
                post.replyTo = "elsewhere" + std::to_string(i);
            posts.post(post);
        }
        m_store = makeCase(m_dir);
        posts.importInto(*m_store, m_dir);
        NullProgress progress;
        QVERIFY(updateTextIndex(m_store->db(), progress).ok());
    }

    void countsAndFirstPagesFromKindsAndLanguages_data()
    {
        QTest::addColumn<PostFilter>("filter");
        QTest::addColumn<std::int64_t>("matches");
        QTest::newRow("common replies") << narrowed("common", "reply") << std::int64_t(1000);
        QTest::newRow("common, French") << narrowed("common", "", "fr") << std::int64_t(600);
        QTest::newRow("common French replies")
            << narrowed("common", "reply", "fr") << std::int64_t(200);
        // 4,800 matches: more than are read from their rows, found by walking the order.
        QTest::newRow("every post in English") << narrowed("words", "", "en") << std::int64_t(4800);
        PostFilter collected = narrowed("late", "post");
        collected.collectedOnly = true;
        QTest::newRow("late collected posts") << collected << std::int64_t(67);
    }

    void countsAndFirstPagesFromKindsAndLanguages()
    {
        QFETCH(PostFilter, filter);
        QFETCH(std::int64_t, matches);
        // SQLite's answers on one connection, the keys' on another: counts are kept per
        // connection.
        const PostQueries rows(*m_store);
        QCOMPARE(rows.count(filter).value(), matches);
        auto other = CaseStore::open(m_store->path());
        QVERIFY(other);
        const PostOrderKeys keys = keysWithoutTimes(*other.value());
        QVERIFY(keys.facetsCover(Posts, true));
        QVERIFY(!keys.covers(Posts));
        const PostQueries keyed(*other.value(), &keys);
        QCOMPARE(keyed.count(filter).value(), matches);
        for (const PostSort sort : {PostSort::Time, PostSort::Account})
            for (const bool descending : {false, true})
                for (const std::int64_t offset : {0, 50}) {
                    const auto expected = rows.page(filter, sort, descending, offset, 50);
                    const auto page = keyed.page(filter, sort, descending, offset, 50);
                    QVERIFY(expected.ok() && page.ok());
                    QCOMPARE(idsOf(page.value()), idsOf(expected.value()));
                    QVERIFY(!idsOf(page.value()).empty());
                    // Found from the kinds and languages (not by SQLite reading the rows).
                    QVERIFY(keys.facetsHead.found);
                    QCOMPARE(keys.facetsHead.key.k, std::size_t(offset + 50));
                    QCOMPARE(keys.facetsHead.key.last, descending);
                }
        QVERIFY(keys.time.empty()); // answered without them
    }

    void aWalkGivesUpAtItsBound()
    {
        const PostQueries rows(*m_store);
        auto other = CaseStore::open(m_store->path());
        QVERIFY(other);
        const PostOrderKeys keys = keysWithoutTimes(*other.value());
        const Database &db = other.value()->db();
        const auto head =
            [&](const PostFilter &filter, bool last,
                detail::TermsHeadBounds bounds) -> std::optional<std::vector<std::int64_t>> {
            const auto part = detail::viewParts(PostSort::Time, last, 0).front();
            const auto found = detail::termsHead(db, part, filter, keys, 20, last, bounds);
            if (!found)
                return std::nullopt;
            return std::vector<std::int64_t>(found->ids.begin(), found->ids.end());
        };
        // The first (or last) 20 in time order, ascending.
        const auto expected = [&](const PostFilter &filter, bool last) {
            std::vector<std::int64_t> ids =
                idsOf(rows.page(filter, PostSort::Time, last, 0, 20).value());
            if (last)
                std::reverse(ids.begin(), ids.end());
            return ids;
        };
        // Nothing read from rows: the walk, from either end.
        const detail::TermsHeadBounds walkOnly{200000, 0};
        const PostFilter replies = narrowed("common", "reply");
        QCOMPARE(head(replies, false, walkOnly), expected(replies, false));
        QCOMPARE(head(replies, true, walkOnly), expected(replies, true));
        // "late" English posts are the newest: from the oldest a walk of 1,000 entries meets
        // none and gives up; from the newest it finds them.
        const detail::TermsHeadBounds shortWalk{1000, 0};
        const PostFilter late = narrowed("late", "", "en");
        QCOMPARE(head(late, false, shortWalk), std::nullopt);
        QCOMPARE(head(late, true, shortWalk), expected(late, true));
        // Read from their rows: 80 matches.
        QCOMPARE(head(late, false, {}), expected(late, false));
    }

    void cleanupTestCase() { m_store.reset(); }
};

QTEST_GUILESS_MAIN(TestTermsHead)
#include "tst_terms_head.moc"
