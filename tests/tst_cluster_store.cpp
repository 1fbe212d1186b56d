#include "TestSupport.h"

#include "clustering/TextClusterAnalysis.h"
#include "query/ClusterQueries.h"
#include "store/AnalysisRuns.h"

#include <QTest>

using namespace chorus;
using namespace chorus::test;

namespace {

// Fails the test unless clustering succeeds.
TextClusterRunResult analyze(const CaseStore &store, const ClusterParameters &parameters = {})
{
    NullProgress progress;
    auto result = runTextClusterAnalysis(store.db(), parameters, progress);
    if (!result)
        qFatal("analysis failed: %s", result.error().message.c_str());
    return result.value();
}

std::vector<std::string> platformIds(const CaseStore &store, std::int64_t clusterId)
{
    std::vector<std::string> ids;
    const auto members = ClusterQueries(store).members(clusterId).value();
    for (const ClusterMemberInfo &m : members)
        ids.push_back(m.platformId);
    return ids;
}

std::int64_t postId(const CaseStore &store, const std::string &platformId)
{
    auto s = store.db().prepare("SELECT id FROM posts WHERE platform_id = ?1");
    s.bind(1, platformId);
    return s.step() ? s.int64(0) : 0;
}

// Cancels as soon as the named stage starts.

const std::vector<std::string> RallyIds{"2001", "2002", "2003", "2004", "2005", "2006"};
const std::vector<std::string> FrenchIds{"2101", "2102", "2103"};

} // namespace

class TestClusterStore : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void storesRunClustersAndMembers();
    void repostsExcludedByDefault();
    void queriesByPostAndAccount();
    void cancelLeavesCaseUnchanged();
    void deterministicRuns();
    void deleteRun();
    void clusterAccountsAreTheMembersAccounts();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CaseStore> m_store;
};

void TestClusterStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = makeCase(*m_dir);
    QVERIFY(importPath(*m_store, dataPath("near_duplicates_xio.csv")).ok());
    QCOMPARE(count(*m_store, "SELECT count(*) FROM posts"), 17);
}

void TestClusterStore::storesRunClustersAndMembers()
{
    const TextClusterRunResult result = analyze(*m_store);
    QCOMPARE(result.clusters, 2);
    QCOMPARE(result.clusteredPosts, 9);
    QCOMPARE(count(*m_store, "SELECT count(*) FROM analysis_runs"), 1);
    QCOMPARE(AnalysisRuns(m_store->db()).runs(RunKind::TextClusters).size(), std::size_t(1));
    QCOMPARE(count(*m_store, "SELECT input_posts FROM analysis_runs"), 14);
    QCOMPARE(count(*m_store, "SELECT input_accounts FROM analysis_runs"), 13);
    QVERIFY(text(*m_store, "SELECT parameters FROM analysis_runs").find("\"threshold\":0.55") !=
            std::string::npos);
    QCOMPARE(text(*m_store, "SELECT chorus_version FROM analysis_runs"),
             std::string(CHORUS_VERSION));
    QCOMPARE(count(*m_store, "SELECT count(*) FROM cluster_members"), 9);

    const auto clusters = ClusterQueries(*m_store).clusters(result.runId).value();
    QCOMPARE(clusters.size(), std::size_t(2));
    const ClusterInfo &rally = clusters[0];
    QCOMPARE(rally.number, 1);
    QCOMPARE(rally.size, 6);
    QCOMPARE(rally.accounts, 5);
    QCOMPARE(rally.span(), 300);
    QCOMPARE(rally.busiestShare, 1.0);
    QCOMPARE(rally.languages, std::string("en:6"));
    QVERIFY(rally.representativeText.find("Kirkland Lake") != std::string::npos);
    // Size, spread, burstiness, account age and the place mismatch (no located accounts here).
    QCOMPARE(rally.components.size(), std::size_t(5));
    QCOMPARE(rally.components[4].name, std::string("place mismatch"));
    QCOMPARE(rally.components[4].contribution, 0.0);
    QVERIFY(rally.geography.has_value());
    // The representative text names Kirkland Lake; one variant names Timmins instead.
    QCOMPARE(rally.geography->textPlaces.size(), std::size_t(2));
    QCOMPARE(rally.geography->textPlaces[0].name, std::string("Kirkland Lake"));
    QCOMPARE(rally.geography->textPlaces[1].name, std::string("Timmins"));
    QVERIFY(!rally.geography->placeMismatch);
    QCOMPARE(rally.components[2].name, std::string("burstiness"));
    QCOMPARE(rally.components[2].value, 1.0);
    // Accounts created within 30 days of each other: all five.
    QCOMPARE(rally.components[3].value, 1.0);
    QCOMPARE(platformIds(*m_store, rally.id), RallyIds);

    const ClusterInfo &french = clusters[1];
    QCOMPARE(french.number, 2);
    QCOMPARE(platformIds(*m_store, french.id), FrenchIds);
    QCOMPARE(french.languages, std::string("fr:3"));
    QVERIFY(french.score < rally.score);
    QCOMPARE(ClusterQueries(*m_store).clusters(result.runId, 1).value().size(), std::size_t(1));
}

void TestClusterStore::repostsExcludedByDefault()
{
    analyze(*m_store);
    QCOMPARE(count(*m_store, "SELECT count(*) FROM cluster_members m JOIN posts p ON "
                             "p.id = m.post_id WHERE p.kind = 'repost'"),
             0);
    ClusterParameters withReposts;
    withReposts.includeReposts = true;
    const TextClusterRunResult result = analyze(*m_store, withReposts);
    QCOMPARE(result.clusters, 3);
    QCOMPARE(ClusterQueries(*m_store).latestRun().value(),
             std::optional<std::int64_t>(result.runId));
    const auto clusters = ClusterQueries(*m_store).clusters(result.runId).value();
    std::vector<std::string> news;
    for (const ClusterInfo &c : clusters)
        if (c.size == 4)
            news = platformIds(*m_store, c.id);
    QCOMPARE(news, (std::vector<std::string>{"2301", "2302", "2303", "2304"}));
    // The older run stays until deleted.
    QCOMPARE(ClusterQueries(*m_store).runs().value().size(), std::size_t(2));
}

void TestClusterStore::queriesByPostAndAccount()
{
    const auto runId = analyze(*m_store).runId;
    const auto ofPost = ClusterQueries(*m_store).ofPost(runId, postId(*m_store, "2102")).value();
    QCOMPARE(ofPost.size(), std::size_t(1));
    QCOMPARE(ofPost.front().number, 2);
    QVERIFY(ClusterQueries(*m_store).ofPost(runId, postId(*m_store, "2201")).value().empty());

    const std::int64_t u5 = count(*m_store, "SELECT id FROM accounts WHERE platform_id = 'u5'");
    const auto ofAccount = ClusterQueries(*m_store).ofAccount(runId, u5).value();
    QCOMPARE(ofAccount.size(), std::size_t(1));
    QCOMPARE(ofAccount.front().number, 1);
    const auto accounts = ClusterQueries(*m_store).accounts(ofAccount.front().id).value();
    QCOMPARE(accounts.size(), std::size_t(5));
    QCOMPARE(accounts.front().handle, std::string("u5"));
    QCOMPARE(accounts.front().posts, 2);
    const ClusterInfo byId = ClusterQueries(*m_store).cluster(ofAccount.front().id).value();
    QCOMPARE(byId.size, 6);
    QCOMPARE(byId.postsPerAccount(), 6.0 / 5.0);
    const auto members = ClusterQueries(*m_store).members(byId.id).value();
    QCOMPARE(members.front().accountHandle, std::string("u1"));
    for (const ClusterMemberInfo &m : members)
        QVERIFY(m.similarity >= 0.5 && m.similarity <= 1.0);
}

void TestClusterStore::cancelLeavesCaseUnchanged()
{
    analyze(*m_store); // an earlier run must survive untouched
    const char *counts = "SELECT (SELECT count(*) FROM analysis_runs) * 1000000 + "
                         "(SELECT count(*) FROM clusters) * 1000 + "
                         "(SELECT count(*) FROM cluster_members) * 100 + "
                         "(SELECT count(*) FROM cluster_accounts)";
    const std::int64_t before = count(*m_store, counts);
    QCOMPARE(before, 1'002'908);
    for (Stage stage : {Stage::ReadingPosts, Stage::NormalizingTexts, Stage::ComputingSignatures,
                        Stage::FindingPairs, Stage::ScoringClusters, Stage::StoringClusters}) {
        CancelAtStage progress(stage);
        const auto result = runTextClusterAnalysis(m_store->db(), {}, progress);
        QVERIFY2(!result.ok() && result.error().cancelled, stageId(stage));
        QCOMPARE(count(*m_store, counts), before);
    }
}

void TestClusterStore::deterministicRuns()
{
    const char *rows = "SELECT group_concat(c.number || ':' || p.platform_id || ':' || "
                       "round(c.score, 9), ' ') FROM (SELECT * FROM clusters WHERE run_id = %1 "
                       "ORDER BY number) c JOIN cluster_members m ON m.cluster_id = c.id JOIN "
                       "posts p ON p.id = m.post_id";
    const auto first = analyze(*m_store).runId;
    const auto second = analyze(*m_store).runId;
    QVERIFY(first != second);
    const std::string a =
        text(*m_store, QString::fromLatin1(rows).arg(first).toLatin1().constData());
    const std::string b =
        text(*m_store, QString::fromLatin1(rows).arg(second).toLatin1().constData());
    QVERIFY(!a.empty());
    QCOMPARE(a, b);
}

void TestClusterStore::deleteRun()
{
    const auto first = analyze(*m_store).runId;
    const auto second = analyze(*m_store).runId;
    QVERIFY(ClusterQueries(*m_store).deleteRun(second).ok());
    QCOMPARE(ClusterQueries(*m_store).latestRun().value(), std::optional<std::int64_t>(first));
    QCOMPARE(count(*m_store, "SELECT count(*) FROM clusters"), 2);
    QCOMPARE(count(*m_store, "SELECT count(*) FROM cluster_members"), 9);
    QCOMPARE(count(*m_store, "SELECT count(*) FROM cluster_accounts"), 8);
}

// Each cluster's accounts, kept with the run, are its members' accounts with their posts in it:
// written by the run, and made by the upgrade of a case clustered before they were kept.
void TestClusterStore::clusterAccountsAreTheMembersAccounts()
{
    analyze(*m_store);
    const char *fromMembers = "SELECT m.cluster_id, p.account_id, count(*) FROM cluster_members m "
                              "JOIN posts p ON p.id = m.post_id GROUP BY 1, 2";
    const char *kept = "SELECT cluster_id, account_id, posts FROM cluster_accounts";
    const auto differences = [&] {
        return count(*m_store, (std::string("SELECT count(*) FROM (") + fromMembers + " EXCEPT " +
                                kept + ") ")
                                   .c_str()) +
               count(*m_store,
                     (std::string("SELECT count(*) FROM (") + kept + " EXCEPT " + fromMembers + ")")
                         .c_str());
    };
    // u5 posted twice in the rally cluster: one row of 2 posts.
    QCOMPARE(count(*m_store, "SELECT count(*) FROM cluster_accounts"), 8);
    QCOMPARE(count(*m_store, "SELECT max(posts) FROM cluster_accounts"), 2);
    QCOMPARE(differences(), 0);
    m_store = reopenUpgraded(std::move(m_store), 17);
    QCOMPARE(count(*m_store, "SELECT count(*) FROM cluster_accounts"), 8);
    QCOMPARE(differences(), 0);
    // An account deleted by another tool with foreign keys off: the upgrade leaves its row out
    // and the case opens (reopenUpgraded fails the test otherwise).
    m_store->db().execScript("PRAGMA foreign_keys = OFF; DELETE FROM accounts WHERE "
                             "platform_id = 'u5'; PRAGMA foreign_keys = ON;");
    m_store = reopenUpgraded(std::move(m_store), 17);
    QCOMPARE(count(*m_store, "SELECT count(*) FROM cluster_accounts"), 7);
}

QTEST_GUILESS_MAIN(TestClusterStore)
#include "tst_cluster_store.moc"
