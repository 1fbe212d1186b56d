#pragma once

#include "common/Error.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace chorus {

class CaseStore;

enum class AnnotationKind { Post, Account, Cluster, Campaign, Community };

// What an analyst says of one target: tags, a plain-text note and an Admiralty grade (source
// reliability A-F, information credibility 1-6; empty / 0 when not graded).
struct AnnotationState
{
    std::vector<std::string> tags; // sorted, distinct
    std::string note;
    std::string reliability; // "A".."F" or empty
    int credibility = 0;     // 1..6 or 0

    bool empty() const
    {
        return tags.empty() && note.empty() && reliability.empty() && !credibility;
    }
    std::string grade() const; // "B2", "B", "2" or empty
    bool operator==(const AnnotationState &) const = default;
};

// Something to annotate, as found in the case now. Posts and accounts are rows; a cluster,
// campaign or community is the set of its members (post ids; account ids for a community), so
// that its annotation finds it again after a re-run renumbers it.
struct AnnotationTarget
{
    AnnotationKind kind = AnnotationKind::Post;
    std::optional<std::int64_t> rowId; // posts.id / accounts.id
    std::string label;                 // "post x:123 by @a", "cluster #3 of run 7", ...
    std::vector<std::int64_t> members; // sorted
};

// Where an annotated cluster, campaign or community is in the latest run: the one sharing the
// most members, when it shares at least half of the union (Jaccard >= 0.5).
struct AnnotationWhereNow
{
    std::int64_t runId = 0;
    std::int64_t number = 0;
    double overlap = 0;         // Jaccard of the members
    std::int64_t clusterId = 0; // clusters.id, for a cluster
};

struct Annotation
{
    std::int64_t id = 0;
    AnnotationKind kind = AnnotationKind::Post;
    std::optional<std::int64_t> rowId;
    std::string platformId; // of the post or account, for posts and accounts
    std::string label;      // as when first annotated
    AnnotationState state;
    std::string analyst;
    std::int64_t createdAt = 0; // UTC epoch seconds
    std::int64_t changedAt = 0;
    std::int64_t members = 0;
    std::optional<AnnotationWhereNow> now; // clusters, campaigns, communities
};

// A change asked for on the command line: tags to add or remove, a note or grade to set or
// clear. `removeAll` (with nothing else) deletes the whole annotation.
struct AnnotationChange
{
    std::vector<std::string> addTags;
    std::vector<std::string> removeTags;
    std::optional<std::string> note;  // set (empty: clear)
    std::optional<std::string> grade; // "B2" (empty: clear)
    bool removeAll = false;

    Result<AnnotationState> applyTo(AnnotationState state) const;
};

// The analyst's annotations of one case. Every change is its own transaction with its audit
// entry (before and after), so a crash never loses one and every change is on the record;
// setting a target back to an earlier state (undo) is a new change, never a deletion from the
// record. Uses the store's connection; one thread.
class Annotations
{
public:
    explicit Annotations(const CaseStore &store) : m_store(store) {}

    // Targets as a user names them. A post or account by its platform id ("PLATFORM:ID" when
    // two platforms share it), an account also by @handle; a cluster or campaign by its number
    // in the latest clustering run, a community by its number in the latest network run.
    Result<AnnotationTarget> post(const std::string &platformId) const;
    Result<AnnotationTarget> account(const std::string &platformIdOrHandle) const;
    Result<AnnotationTarget> cluster(std::int64_t number) const;
    Result<AnnotationTarget> campaign(std::int64_t number) const;
    Result<AnnotationTarget> community(std::int64_t number) const;
    // The same by row id, as the workbench knows them (posts.id, accounts.id, clusters.id).
    Result<AnnotationTarget> postById(std::int64_t postId) const;
    Result<AnnotationTarget> accountById(std::int64_t accountId) const;
    Result<AnnotationTarget> clusterById(std::int64_t clusterId) const;

    // The annotation of a target as it stands (empty state when there is none).
    Result<AnnotationState> stateOf(const AnnotationTarget &target) const;
    // Sets a target's annotation to `state` (empty: removes it) by `analyst` (the default
    // analyst when empty). Returns the state before. Nothing changes and nothing is recorded
    // when the state is the same.
    Result<AnnotationState> set(const AnnotationTarget &target, const AnnotationState &state,
                                const std::string &analyst = {}) const;

    // All annotations, oldest first; only those with `tag` when it is not empty.
    Result<std::vector<Annotation>> list(const std::string &tag = {}) const;

    static const std::vector<std::string> &presetTags();
    static const char *kindName(AnnotationKind kind); // "post", "account", "cluster", ...
    // "B2" -> reliability B, credibility 2; also "B" or "2" alone. An Error says what is wrong.
    static Result<std::pair<std::string, int>> parseGrade(const std::string &grade);

private:
    const CaseStore &m_store;
};

} // namespace chorus
