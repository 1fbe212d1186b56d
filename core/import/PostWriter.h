#pragma once

#include "import/AccountKeys.h"
#include "import/Importer.h"
#include "import/ReadAhead.h"
#include "store/CaseTypes.h"
#include "store/Database.h"
#include "store/PostFacets.h"
#include "store/PostMinutes.h"

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace chorus {

struct ImportCounts
{
    std::int64_t read = 0;    // collected posts and rejected records read from the file
    std::int64_t context = 0; // context posts read (originals that collected posts refer to)
    std::int64_t imported = 0;
    std::int64_t duplicates = 0;
    std::int64_t rejected = 0;
    std::int64_t warnings = 0;
    std::int64_t newAccounts = 0;
    std::int64_t accountRecords = 0; // accounts given without a post (users tables)
};

// Writes importer records into the case inside the caller's transaction: accounts are
// upserted (known fields never erased by a file that lacks them), posts are unique by
// (platform, platform id) so a re-import counts duplicates instead of adding rows.
// Used by one thread, inside one Transaction; prepare() may run on another (the importer's,
// through readAhead) as long as every record goes through it before it reaches post().
class PostWriter final : public RecordSink, public RecordPreparer
{
public:
    PostWriter(const Database &db, std::int64_t sourceId);

    // Numbers the record's accounts (AccountKeys).
    void prepare(PostRecord &post) override { m_keys.assign(post.author); }
    void prepare(AccountRecord &account) override { m_keys.assign(account); }

    void post(PostRecord &&post) override;
    void account(AccountRecord &&account) override;
    void reject(std::int64_t line, std::string_view field, std::string_view reason,
                std::string_view excerpt) override;
    void warn(std::int64_t line, std::string_view field, std::string_view reason,
              std::string_view excerpt) override;

    // Adds the posts written so far to the case's per-minute and per-facet counts; call before
    // the transaction commits.
    void finish()
    {
        m_collectedPerMinute.flush(m_db);
        m_facets.flush(m_db);
    }

    const ImportCounts &counts() const { return m_counts; }
    // The first problems, for the report shown to the user (all are in import_issues).
    const std::vector<ImportIssue> &firstIssues() const { return m_firstIssues; }

private:
    std::int64_t accountId(AccountRecord &account, bool refreshKnown = false);
    void updateAccount(std::int64_t id, const AccountRecord &account);
    // A post whose id is already in the case: promoted from context to collected, and a
    // different text reported.
    void alreadyStored(const PostRecord &post);
    void recordIssue(std::int64_t line, std::string_view field, const char *severity,
                     std::string_view reason, std::string_view excerpt);

    const Database &m_db;
    std::int64_t m_sourceId;
    Statement m_findAccount;
    Statement m_insertAccount;
    Statement m_updateAccount;
    Statement m_insertPost;
    Statement m_findPost;
    Statement m_collectPost;
    Statement m_insertUrl;
    Statement m_insertHashtag;
    Statement m_insertMention;
    Statement m_insertIssue;
    PostMinuteCounts m_collectedPerMinute;
    PostFacetCounts m_facets;
    AccountKeys m_keys;
    // AccountKeys' number -> accounts.id (0: not seen yet), for accounts seen in this import.
    std::vector<std::int64_t> m_accountRows;
    // The case had no accounts when this import began, so m_accounts knows every account in
    // it and an account missing from it need not be looked up: a third of the cost of a post
    // by a new author in a fresh case.
    bool m_accountsAllKnown = false;
    ImportCounts m_counts;
    std::vector<ImportIssue> m_firstIssues;
};

} // namespace chorus
