#include "store/AccountCreationDays.h"

#include "store/CancelWatch.h"
#include "store/PostFacets.h"
#include "store/SqlGuard.h"

namespace chorus {

namespace {

// What the counts must have been made of to be used: the posts, and every import adds a source
// and may add or complete accounts.
struct CaseState
{
    std::int64_t lastSource = 0;
    PostsState posts;
    std::int64_t lastAccount = 0;
    bool operator==(const CaseState &) const = default;
};

CaseState caseState(const Database &db)
{
    return {db.queryInt64("SELECT coalesce(max(id), 0) FROM sources"), postsState(db),
            db.queryInt64("SELECT coalesce(max(id), 0) FROM accounts")};
}

std::optional<CaseState> madeOf(const Database &db)
{
    Statement made = db.prepare("SELECT last_source, posts, last_post, last_account FROM "
                                "account_creation_made WHERE id = 1");
    if (!made.step())
        return std::nullopt;
    return CaseState{made.int64(0), {made.int64(1), made.int64(2)}, made.int64(3)};
}

bool isCurrent(const Database &db)
{
    return madeOf(db) == caseState(db);
}

} // namespace

std::optional<std::vector<std::pair<std::int64_t, std::int64_t>>>
accountCreationDays(const Database &db)
{
    if (!isCurrent(db))
        return std::nullopt;
    std::vector<std::pair<std::int64_t, std::int64_t>> days;
    Statement rows = db.prepare("SELECT day, accounts FROM account_creation_days ORDER BY day");
    while (rows.step())
        days.emplace_back(rows.int64(0), rows.int64(1));
    return days;
}

Result<bool> accountCreationDaysStale(const Database &db)
{
    return guardSql("could not read the accounts by creation day", [&]() -> Result<bool> {
        // A new case: nothing to count (and no index step at its opening).
        return !isCurrent(db) && caseState(db).posts.posts != 0;
    });
}

Status updateAccountCreationDays(const Database &db, ProgressSink &progress)
{
    const char *const what = "could not count the accounts by creation day";
    // The case's state when the counts are not of it.
    const auto stale = guardSql(what, [&]() -> Result<std::optional<CaseState>> {
        const CaseState state = caseState(db);
        return madeOf(db) == state ? std::nullopt : std::optional<CaseState>(state);
    });
    if (!stale)
        return stale.error();
    if (!stale.value())
        return {};
    const CaseState &state = *stale.value();
    progress.stage(Stage::IndexingViews);
    return writeCancellably(db, progress, what, [&] {
        db.prepare("DELETE FROM account_creation_days").exec();
        // Floor division, so that days before 1970 start at midnight too. One probe of
        // posts_account_time per account; the context test only when the case holds
        // context posts (one lookup in the partial index posts_context).
        const bool context =
            db.queryInt64("SELECT EXISTS (SELECT 1 FROM posts WHERE context = 1)") != 0;
        db.prepare(std::string("INSERT INTO account_creation_days (day, accounts) SELECT "
                               "a.created_at - (((a.created_at % 86400) + 86400) % 86400) AS day, "
                               "count(*) FROM accounts a WHERE a.created_at IS NOT NULL AND EXISTS "
                               "(SELECT 1 FROM posts p WHERE p.account_id = a.id") +
                   (context ? " AND p.context = 0" : "") + ") GROUP BY day")
            .exec();
        Statement made = db.prepare(
            "INSERT OR REPLACE INTO account_creation_made (id, last_source, posts, last_post, "
            "last_account) VALUES (1, ?, ?, ?, ?)");
        made.bind(1, state.lastSource)
            .bind(2, state.posts.posts)
            .bind(3, state.posts.lastPost)
            .bind(4, state.lastAccount)
            .exec();
    });
}

} // namespace chorus
