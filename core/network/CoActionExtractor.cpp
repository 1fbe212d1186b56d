#include "network/CoActionExtractor.h"

#include "store/AnalysisRuns.h"
#include "store/PostFacets.h"
#include "store/SqlGuard.h"
#include "text/UrlNormalizer.h"

#include <QString>

#include <algorithm>
#include <cstdint>

namespace chorus {

namespace {

constexpr std::int64_t ProgressEvery = 65536;

// Reposts (replies) are read through their partial index when they are a small share of the
// posts, and by a scan of the table in its own order when they are a large one: the index
// visits the rows in the order of the reposted ids, a random read per row (1M reposts: 0.8 s
// through the index, 0.18 s by the scan). Kinds are counted in post_facets.
const char *scanOrIndex(const Database &db, const char *kind)
{
    const std::int64_t ofKind = facetCount(db, kind, "", false);
    const std::int64_t all = facetCount(db, "", "", false);
    return ofKind * 4 >= all ? " NOT INDEXED" : "";
}

std::string selectFor(const Database &db, CoActionType type, bool pairFilter)
{
    std::string sql;
    switch (type) {
    case CoActionType::CoRepost:
        sql = std::string("SELECT p.repost_of, p.account_id, p.created_at, p.id FROM posts p") +
              (pairFilter ? "" : scanOrIndex(db, "repost")) +
              " WHERE p.repost_of IS NOT NULL AND p.repost_of <> ''";
        break;
    case CoActionType::CoReply:
        sql = std::string("SELECT p.reply_to, p.account_id, p.created_at, p.id FROM posts p") +
              (pairFilter ? "" : scanOrIndex(db, "reply")) +
              " WHERE p.reply_to IS NOT NULL AND p.reply_to <> ''";
        break;
    case CoActionType::CoLink:
        sql = "SELECT u.url, p.account_id, p.created_at, p.id FROM post_urls u "
              "JOIN posts p ON p.id = u.post_id WHERE u.url <> ''";
        break;
    case CoActionType::CoHashtag:
        sql = "SELECT h.tag, p.account_id, p.created_at, p.id FROM post_hashtags h "
              "JOIN posts p ON p.id = h.post_id WHERE h.tag <> ''";
        break;
    case CoActionType::CoText:
        sql = "SELECT 'cluster ' || c.number, p.account_id, p.created_at, p.id FROM "
              "cluster_members m "
              "JOIN clusters c ON c.id = m.cluster_id JOIN posts p ON p.id = m.post_id "
              "WHERE c.run_id = ?3";
        break;
    }
    if (pairFilter)
        sql += " AND p.account_id IN (?1, ?2)";
    if (type == CoActionType::CoHashtag)
        sql += " ORDER BY p.id";
    return sql;
}

// Events hold account ids in 32 bits to stay compact; rowids beyond that are refused
// rather than silently merged.
std::uint32_t accountId(std::int64_t id)
{
    if (id < 0 || id > std::int64_t(UINT32_MAX))
        throw SqlError("account id " + std::to_string(id) +
                       " is out of range for the network analysis");
    return std::uint32_t(id);
}

std::string foldTag(const std::string &tag)
{
    QString folded = QString::fromStdString(tag).trimmed().toCaseFolded();
    if (folded.startsWith(QLatin1Char('#')))
        folded.remove(0, 1);
    return folded.toStdString();
}

} // namespace

CoActionExtractor::CoActionExtractor(const Database &db) : m_db(db) {}

std::uint32_t CoActionExtractor::intern(const std::string &key)
{
    const auto [it, inserted] = m_ids.try_emplace(key, std::uint32_t(m_ids.size()));
    if (inserted && m_keepKeys)
        m_keys.push_back(key);
    return it->second;
}

std::string CoActionExtractor::objectKey(std::uint32_t object) const
{
    return object < m_keys.size() ? m_keys[object] : std::string();
}

Result<std::vector<CoEvent>> CoActionExtractor::events(CoActionType type, ProgressSink &progress)
{
    m_ids.clear();
    m_keys.clear();
    std::vector<CoEvent> events;
    const Status read = guardSql("reading " + coActionName(type) + " actions", [&]() -> Status {
        Statement statement = m_db.prepare(selectFor(m_db, type, m_pair.has_value()));
        if (m_pair)
            statement.bind(1, m_pair->first).bind(2, m_pair->second);
        if (type == CoActionType::CoText)
            statement.bind(3, AnalysisRuns(m_db).latest(RunKind::TextClusters).value_or(0));
        if (type == CoActionType::CoHashtag) {
            readHashtagSets(statement, events, progress);
        } else {
            while (statement.step()) {
                CoEvent e;
                e.object = intern(type == CoActionType::CoLink ? normalizeUrl(statement.text(0))
                                                               : statement.text(0));
                e.account = accountId(statement.int64(1));
                e.time = statement.int64(2);
                e.post = statement.int64(3);
                events.push_back(e);
                if (events.size() % ProgressEvery == 0) {
                    progress.progress(std::int64_t(events.size()), 0);
                    if (progress.isCancelled())
                        return Error::cancel();
                }
            }
        }
        return {};
    });
    if (!read)
        return read.error();
    if (progress.isCancelled())
        return Error::cancel();
    return events;
}

// Rows come ordered by post: the tags of one post are gathered, folded, sorted and joined
// into one key, so that posts with the same set of hashtags meet on the same object.
void CoActionExtractor::readHashtagSets(Statement &statement, std::vector<CoEvent> &events,
                                        ProgressSink &progress)
{
    std::vector<std::string> tags;
    CoEvent current;
    auto flush = [&] {
        if (tags.empty())
            return;
        std::sort(tags.begin(), tags.end());
        tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
        std::string key;
        for (const std::string &tag : tags)
            key += (key.empty() ? "#" : " #") + tag;
        current.object = intern(key);
        events.push_back(current);
        tags.clear();
    };
    while (statement.step()) {
        const std::int64_t post = statement.int64(3);
        if (post != current.post) {
            flush();
            current.post = post;
            current.account = accountId(statement.int64(1));
            current.time = statement.int64(2);
            if (events.size() % ProgressEvery == 0)
                progress.progress(std::int64_t(events.size()), 0);
            if (progress.isCancelled())
                return;
        }
        std::string tag = foldTag(statement.text(0));
        if (!tag.empty())
            tags.push_back(std::move(tag));
    }
    flush();
}

} // namespace chorus
