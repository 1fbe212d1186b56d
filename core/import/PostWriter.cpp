#include "import/PostWriter.h"

#include "import/RecordChecks.h"
#include "store/CaseTypes.h"
#include "text/TextCleaner.h"

#include <algorithm>

#include <QJsonArray>
#include <QJsonDocument>

namespace chorus {

namespace {
constexpr size_t MaxReportedIssues = 20;
constexpr size_t MaxExcerpt = 200;

bool hasDetails(const AccountRecord &a)
{
    return !a.handle.empty() || !a.displayName.empty() || !a.location.empty() || !a.bio.empty() ||
           !a.language.empty() || a.createdAt || a.followers || a.following || a.postCount;
}
std::string editHistoryJson(const std::vector<std::string> &ids)
{
    if (ids.size() < 2)
        return {};
    QJsonArray array;
    for (const std::string &id : ids)
        array.append(QString::fromStdString(id));
    return QJsonDocument(array).toJson(QJsonDocument::Compact).toStdString();
}

} // namespace

PostWriter::PostWriter(const Database &db, std::int64_t sourceId)
    : m_db(db), m_sourceId(sourceId),
      m_findAccount(db.prepare("SELECT id FROM accounts WHERE platform = ? AND platform_id = ?")),
      m_insertAccount(db.prepare(
          "INSERT INTO accounts (platform, platform_id, handle, display_name, created_at, "
          "location, "
          "bio, followers, following, post_count, language) VALUES (?,?,?,?,?,?,?,?,?,?,?)")),
      // A later file may know more about an account; it never erases what is known.
      m_updateAccount(db.prepare(
          "UPDATE accounts SET handle = coalesce(?2, handle), "
          "display_name = coalesce(?3, display_name), created_at = coalesce(?4, created_at), "
          "location = coalesce(?5, location), bio = coalesce(?6, bio), "
          "followers = coalesce(?7, followers), following = coalesce(?8, following), "
          "post_count = coalesce(?9, post_count), language = coalesce(?10, language) "
          "WHERE id = ?1")),
      m_insertPost(db.prepare(
          "INSERT INTO posts (platform, platform_id, account_id, created_at, text, language, kind, "
          "reply_to, repost_of, quote_of, latitude, longitude, source_id, source_line, context, "
          "place, place_country, edit_history) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
          "ON CONFLICT (platform, platform_id) DO NOTHING")),
      m_findPost(
          db.prepare("SELECT id, text, context, created_at, kind, coalesce(language, '') FROM "
                     "posts WHERE platform = ? AND platform_id = ?")),
      m_collectPost(db.prepare("UPDATE posts SET context = 0 WHERE id = ?")),
      m_insertUrl(db.prepare("INSERT INTO post_urls (post_id, url) VALUES (?, ?)")),
      m_insertHashtag(db.prepare("INSERT INTO post_hashtags (post_id, tag) VALUES (?, ?)")),
      m_insertMention(db.prepare("INSERT INTO post_mentions (post_id, handle) VALUES (?, ?)")),
      m_insertIssue(db.prepare("INSERT INTO import_issues (source_id, line, field, severity, "
                               "reason, excerpt) VALUES (?,?,?,?,?,?)")),
      m_accountsAllKnown(db.queryInt64("SELECT NOT EXISTS (SELECT 1 FROM accounts)") != 0)
{}

std::int64_t PostWriter::accountId(AccountRecord &a, bool refreshKnown)
{
    m_keys.assign(a); // a record that did not come through prepare()
    const auto key = std::size_t(a.importKey);
    if (key >= m_accountRows.size())
        m_accountRows.resize(std::max(key + 1, m_accountRows.size() * 2), 0);
    if (const std::int64_t seen = m_accountRows[key]) {
        if (refreshKnown && hasDetails(a))
            updateAccount(seen, a);
        return seen;
    }

    std::int64_t id = 0;
    bool known = false;
    if (!m_accountsAllKnown) {
        m_findAccount.bindBorrowed(1, a.platform).bindBorrowed(2, a.platformId);
        known = m_findAccount.step();
        if (known)
            id = m_findAccount.int64(0);
        m_findAccount.reset();
    }

    if (known) {
        if (hasDetails(a))
            updateAccount(id, a);
    } else {
        m_insertAccount.bindBorrowed(1, a.platform)
            .bindBorrowed(2, a.platformId)
            .bindBorrowedOrNull(3, a.handle)
            .bindBorrowedOrNull(4, a.displayName)
            .bind(5, a.createdAt)
            .bindBorrowedOrNull(6, a.location)
            .bindBorrowedOrNull(7, a.bio)
            .bind(8, a.followers)
            .bind(9, a.following)
            .bind(10, a.postCount)
            .bindBorrowedOrNull(11, a.language)
            .exec();
        id = m_db.lastInsertRowId();
        ++m_counts.newAccounts;
    }
    m_accountRows[key] = id;
    return id;
}

void PostWriter::updateAccount(std::int64_t id, const AccountRecord &a)
{
    m_updateAccount.bind(1, id)
        .bindBorrowedOrNull(2, a.handle)
        .bindBorrowedOrNull(3, a.displayName)
        .bind(4, a.createdAt)
        .bindBorrowedOrNull(5, a.location)
        .bindBorrowedOrNull(6, a.bio)
        .bind(7, a.followers)
        .bind(8, a.following)
        .bind(9, a.postCount)
        .bindBorrowedOrNull(10, a.language)
        .exec();
}

void PostWriter::post(PostRecord &&p)
{
    if (const auto problem = admitRecord(p)) {
        reject(p.line, problem->field, problem->field + " " + problem->reason, problem->value);
        return;
    }
    ++(p.context ? m_counts.context : m_counts.read);
    const std::int64_t author = accountId(p.author);
    const std::string editHistory = editHistoryJson(p.editHistory);
    m_insertPost.bindBorrowed(1, p.platform)
        .bindBorrowed(2, p.platformId)
        .bind(3, author)
        .bind(4, p.createdAt)
        .bindBorrowed(5, p.text)
        .bindBorrowedOrNull(6, p.language)
        .bind(7, postKindName(p.kind))
        .bindBorrowedOrNull(8, p.replyTo)
        .bindBorrowedOrNull(9, p.repostOf)
        .bindBorrowedOrNull(10, p.quoteOf)
        .bind(11, p.latitude)
        .bind(12, p.longitude)
        .bind(13, m_sourceId)
        .bind(14, p.line)
        .bind(15, std::int64_t(p.context))
        .bindBorrowedOrNull(16, p.place)
        .bindBorrowedOrNull(17, p.placeCountry)
        .bindBorrowedOrNull(18, editHistory)
        .exec();
    if (m_db.changes() == 0) {
        ++m_counts.duplicates;
        alreadyStored(p);
        return;
    }
    ++m_counts.imported;
    if (!p.context) {
        m_collectedPerMinute.add(p.createdAt);
        if (m_collectedPerMinute.blocks() > 4096)
            m_collectedPerMinute.flush(m_db);
    }
    m_facets.add(postKindName(p.kind), p.language, p.context);
    const std::int64_t postId = m_db.lastInsertRowId();
    for (const std::string &url : p.urls)
        m_insertUrl.bind(1, postId).bindBorrowed(2, url).exec();
    for (const std::string &tag : p.hashtags)
        m_insertHashtag.bind(1, postId).bindBorrowed(2, tag).exec();
    for (const std::string &mention : p.mentions)
        m_insertMention.bind(1, postId).bindBorrowed(2, mention).exec();
}

void PostWriter::alreadyStored(const PostRecord &p)
{
    m_findPost.bindBorrowed(1, p.platform).bindBorrowed(2, p.platformId);
    if (!m_findPost.step()) {
        m_findPost.reset();
        return;
    }
    const std::int64_t id = m_findPost.int64(0);
    const std::string storedText = m_findPost.text(1);
    const bool storedAsContext = m_findPost.int64(2) != 0;
    const std::int64_t storedAt = m_findPost.int64(3);
    const std::string storedKind = m_findPost.text(4);
    const std::string storedLanguage = m_findPost.text(5);
    m_findPost.reset();
    // A post first met as context (an original in includes) and now collected is collected.
    if (storedAsContext && !p.context) {
        m_collectPost.bind(1, id).exec();
        m_collectedPerMinute.add(storedAt);
        m_facets.add(storedKind, storedLanguage, true, -1);
        m_facets.add(storedKind, storedLanguage, false);
    }
    // The same id with another text: a withheld placeholder, an edit, or two exports that
    // disagree. The first text stays; the difference is on the record.
    if (storedText != p.text)
        warn(p.line, "text",
             "post " + p.platformId +
                 " is already in the case with a different text; the "
                 "first text was kept",
             p.text);
}

void PostWriter::account(AccountRecord &&a)
{
    if (const auto problem = admitRecord(a)) {
        reject(0, problem->field, problem->field + " " + problem->reason, problem->value);
        return;
    }
    ++m_counts.accountRecords;
    // An account record may come after the account's posts in the same file (a Bluesky
    // identity event gives the handle later): its details update the account even then. Post
    // authors seen before are not written again, which keeps large imports fast.
    accountId(a, true);
}

void PostWriter::recordIssue(std::int64_t line, std::string_view field, const char *severity,
                             std::string_view reason, std::string_view excerpt)
{
    // Excerpts come from rows that failed: they may hold invalid UTF-8.
    const std::string shortExcerpt = cleanText(excerpt.substr(0, MaxExcerpt));
    const std::string cleanReason = cleanText(reason);
    m_insertIssue.bind(1, m_sourceId)
        .bind(2, line)
        .bind(3, field)
        .bind(4, severity)
        .bind(5, cleanReason)
        .bind(6, shortExcerpt)
        .exec();
    if (m_firstIssues.size() < MaxReportedIssues) {
        ImportIssue issue;
        issue.sourceId = m_sourceId;
        issue.line = line;
        issue.field = std::string(field);
        issue.severity = severity;
        issue.reason = cleanReason;
        issue.excerpt = shortExcerpt;
        m_firstIssues.push_back(std::move(issue));
    }
}

void PostWriter::reject(std::int64_t line, std::string_view field, std::string_view reason,
                        std::string_view excerpt)
{
    ++m_counts.read;
    ++m_counts.rejected;
    recordIssue(line, field, "error", reason, excerpt);
}

void PostWriter::warn(std::int64_t line, std::string_view field, std::string_view reason,
                      std::string_view excerpt)
{
    ++m_counts.warnings;
    recordIssue(line, field, "warning", reason, excerpt);
}

} // namespace chorus
