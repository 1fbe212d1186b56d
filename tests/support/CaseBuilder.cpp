#include "CaseBuilder.h"

namespace chorus::test {

std::int64_t CaseBuilder::account(const std::string &platformId, const Profile &profile)
{
    Statement s = m_db.prepare(
        "INSERT INTO accounts (platform, platform_id, handle, display_name, bio, created_at) "
        "VALUES ('test', ?1, ?2, ?3, ?4, ?5)");
    s.bind(1, platformId)
        .bindTextOrNull(2, profile.handle)
        .bindTextOrNull(3, profile.displayName)
        .bindTextOrNull(4, profile.bio)
        .bind(5, profile.createdAt);
    s.exec();
    return m_db.lastInsertRowId();
}

std::int64_t CaseBuilder::post(const Post &p)
{
    Statement s = m_db.prepare(
        "INSERT INTO posts (platform, platform_id, account_id, created_at, text, kind, "
        "repost_of, reply_to) VALUES ('test', ?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    // "p<rowid>": unique even when several builders write to one case.
    s.bind(1, "p" + std::to_string(m_db.queryInt64("SELECT coalesce(max(id), 0) + 1 FROM posts")))
        .bind(2, p.account)
        .bind(3, p.time)
        .bind(4, p.text)
        .bind(5, p.kind)
        .bindTextOrNull(6, p.repostOf)
        .bindTextOrNull(7, p.replyTo);
    s.exec();
    const std::int64_t id = m_db.lastInsertRowId();
    for (const std::string &url : p.urls) {
        Statement u = m_db.prepare("INSERT INTO post_urls (post_id, url) VALUES (?1, ?2)");
        u.bind(1, id).bind(2, url).exec();
    }
    for (const std::string &tag : p.hashtags) {
        Statement h = m_db.prepare("INSERT INTO post_hashtags (post_id, tag) VALUES (?1, ?2)");
        h.bind(1, id).bind(2, tag).exec();
    }
    return id;
}

std::int64_t CaseBuilder::repost(std::int64_t account, std::int64_t time, const std::string &object)
{
    Post p;
    p.account = account;
    p.time = time;
    p.kind = "repost";
    p.repostOf = object;
    return post(p);
}

std::int64_t CaseBuilder::clustersRun(const std::vector<std::vector<std::int64_t>> &clusters)
{
    m_db.execScript("INSERT INTO analysis_runs (kind, parameters, chorus_version, started_at) "
                    "VALUES ('clusters', '{}', 'test', 0)");
    const std::int64_t run = m_db.lastInsertRowId();
    int number = 1;
    for (const auto &members : clusters) {
        Statement c =
            m_db.prepare("INSERT INTO clusters (run_id, number, size, accounts, first_at, last_at, "
                         "busiest_share, score) VALUES (?1, ?2, ?3, 0, 0, 0, 0, ?4)");
        c.bind(1, run)
            .bind(2, number)
            .bind(3, std::int64_t(members.size()))
            .bind(4, 100.0 - number)
            .exec();
        ++number;
        const std::int64_t cluster = m_db.lastInsertRowId();
        for (std::int64_t post : members) {
            Statement m =
                m_db.prepare("INSERT INTO cluster_members (cluster_id, post_id) VALUES (?1, ?2)");
            m.bind(1, cluster).bind(2, post).exec();
        }
    }
    return run;
}

} // namespace chorus::test
