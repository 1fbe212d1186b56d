#include "evidence/Annotations.h"

#include "store/AnalysisRuns.h"
#include "store/CaseStore.h"
#include "store/SqlGuard.h"

// Finding what a user names as an annotation target: a post, account, cluster, campaign or
// community, with its label and (for the last three) its members.
namespace chorus {

namespace {

std::vector<std::int64_t> readIds(Statement &query)
{
    std::vector<std::int64_t> ids;
    while (query.step())
        ids.push_back(query.int64(0));
    return ids;
}

// An account row (id, platform, platform_id, handle or id) as a target.
AnnotationTarget accountTarget(const Statement &row)
{
    return AnnotationTarget{AnnotationKind::Account,
                            row.int64(0),
                            "account @" + row.text(3) + " (" + row.text(1) + ":" + row.text(2) +
                                ")",
                            {}};
}

} // namespace

Result<AnnotationTarget> Annotations::post(const std::string &platformId) const
{
    return guardSql(m_store.path(), [&]() -> Result<AnnotationTarget> {
        const std::size_t colon = platformId.find(':');
        Statement query =
            m_store.db().prepare("SELECT p.id, p.platform, p.platform_id, coalesce(a.handle, "
                                 "a.platform_id) FROM posts p "
                                 "JOIN accounts a ON a.id = p.account_id WHERE p.platform_id = ?1 "
                                 "OR (p.platform = ?2 AND p.platform_id = ?3) LIMIT 2");
        query.bind(1, platformId)
            .bind(2, colon == std::string::npos ? std::string() : platformId.substr(0, colon))
            .bind(3, colon == std::string::npos ? std::string() : platformId.substr(colon + 1));
        if (!query.step())
            return Error{"no post with id '" + platformId.substr(0, 80) + "' in the case"};
        AnnotationTarget target{AnnotationKind::Post,
                                query.int64(0),
                                "post " + query.text(1) + ":" + query.text(2) + " by @" +
                                    query.text(3),
                                {}};
        if (query.step())
            return Error{"post id '" + platformId.substr(0, 80) +
                         "' is on more than one platform; give it as PLATFORM:ID"};
        return target;
    });
}

Result<AnnotationTarget> Annotations::account(const std::string &name) const
{
    return guardSql(m_store.path(), [&]() -> Result<AnnotationTarget> {
        const bool byHandle = name.starts_with('@');
        Statement query = m_store.db().prepare(
            byHandle ? "SELECT id, platform, platform_id, coalesce(handle, platform_id) FROM "
                       "accounts WHERE lower(handle) = lower(?1) LIMIT 2"
                     : "SELECT id, platform, platform_id, coalesce(handle, platform_id) FROM "
                       "accounts WHERE platform_id = ?1 LIMIT 2");
        query.bind(1, byHandle ? name.substr(1) : name);
        if (!query.step())
            return Error{"no account '" + name.substr(0, 80) + "' in the case"};
        AnnotationTarget target = accountTarget(query);
        if (query.step())
            return Error{"more than one account is '" + name.substr(0, 80) +
                         "'; name it by its platform id"};
        return target;
    });
}

namespace {

// A cluster, campaign or community of the latest run of its kind, as the set of its members.
struct MemberSet
{
    AnnotationKind kind;
    RunKind run;
    const char *members; // SQL: ?1 run, ?2 number -> member ids
    const char *name;    // "cluster #", "campaign ", "community "
    const char *unit;    // "posts", "accounts"
};

const MemberSet &memberSet(AnnotationKind kind)
{
    static const MemberSet cluster{AnnotationKind::Cluster, RunKind::TextClusters,
                                   "SELECT cm.post_id FROM cluster_members cm JOIN clusters c ON "
                                   "c.id = cm.cluster_id WHERE c.run_id = ?1 AND c.number = ?2 "
                                   "ORDER BY cm.post_id",
                                   "cluster #", "posts"};
    static const MemberSet campaign{AnnotationKind::Campaign, RunKind::TextClusters,
                                    "SELECT cm.post_id FROM cluster_members cm JOIN clusters c ON "
                                    "c.id = cm.cluster_id WHERE c.run_id = ?1 AND c.campaign = ?2 "
                                    "ORDER BY cm.post_id",
                                    "campaign ", "posts"};
    static const MemberSet community{AnnotationKind::Community, RunKind::Network,
                                     "SELECT account_id FROM account_metrics WHERE run_id = ?1 "
                                     "AND community = ?2 ORDER BY account_id",
                                     "community ", "accounts"};
    return kind == AnnotationKind::Cluster    ? cluster
           : kind == AnnotationKind::Campaign ? campaign
                                              : community;
}

Result<AnnotationTarget> memberTarget(const CaseStore &store, AnnotationKind kind,
                                      std::int64_t number)
{
    const MemberSet &set = memberSet(kind);
    return guardSql(store.path(), [&]() -> Result<AnnotationTarget> {
        const Database &db = store.db();
        const auto run = AnalysisRuns(db).latest(set.run);
        const std::string runName = set.run == RunKind::Network ? "network run" : "clustering run";
        if (!run)
            return Error{"the case has no " + runName + " yet"};
        Statement query = db.prepare(set.members);
        query.bind(1, *run).bind(2, number);
        AnnotationTarget target{kind, std::nullopt, {}, readIds(query)};
        const std::string what = set.name + std::to_string(number);
        if (target.members.empty())
            return Error{"no " + what + " in the latest " + runName + " (" + std::to_string(*run) +
                         ")"};
        target.label = what + " of " + runName + " " + std::to_string(*run) + " (" +
                       std::to_string(target.members.size()) + " " + set.unit + ")";
        return target;
    });
}

} // namespace

Result<AnnotationTarget> Annotations::cluster(std::int64_t number) const
{
    return memberTarget(m_store, AnnotationKind::Cluster, number);
}

Result<AnnotationTarget> Annotations::campaign(std::int64_t number) const
{
    return memberTarget(m_store, AnnotationKind::Campaign, number);
}

Result<AnnotationTarget> Annotations::community(std::int64_t number) const
{
    return memberTarget(m_store, AnnotationKind::Community, number);
}

Result<AnnotationTarget> Annotations::postById(std::int64_t postId) const
{
    return guardSql(m_store.path(), [&]() -> Result<AnnotationTarget> {
        Statement query = m_store.db().prepare("SELECT p.platform_id FROM posts p WHERE p.id = ?1");
        query.bind(1, postId);
        if (!query.step())
            return Error{"no post " + std::to_string(postId) + " in the case"};
        return post(query.text(0));
    });
}

Result<AnnotationTarget> Annotations::accountById(std::int64_t accountId) const
{
    return guardSql(m_store.path(), [&]() -> Result<AnnotationTarget> {
        Statement query = m_store.db().prepare(
            "SELECT id, platform, platform_id, coalesce(handle, platform_id) FROM accounts "
            "WHERE id = ?1");
        query.bind(1, accountId);
        if (!query.step())
            return Error{"no account " + std::to_string(accountId) + " in the case"};
        return accountTarget(query);
    });
}

Result<AnnotationTarget> Annotations::clusterById(std::int64_t clusterId) const
{
    return guardSql(m_store.path(), [&]() -> Result<AnnotationTarget> {
        Statement query =
            m_store.db().prepare("SELECT c.run_id, c.number FROM clusters c WHERE c.id = ?1");
        query.bind(1, clusterId);
        if (!query.step())
            return Error{"no cluster " + std::to_string(clusterId) + " in the case"};
        const std::int64_t run = query.int64(0);
        const std::int64_t number = query.int64(1);
        Statement members = m_store.db().prepare(
            "SELECT post_id FROM cluster_members WHERE cluster_id = ?1 ORDER BY post_id");
        members.bind(1, clusterId);
        AnnotationTarget target{AnnotationKind::Cluster, std::nullopt, {}, readIds(members)};
        target.label = "cluster #" + std::to_string(number) + " of clustering run " +
                       std::to_string(run) + " (" + std::to_string(target.members.size()) +
                       " posts)";
        return target;
    });
}

} // namespace chorus
