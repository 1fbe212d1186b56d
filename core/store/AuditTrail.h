#pragma once

#include "store/Database.h"

#include <cstdint>
#include <string>
#include <vector>

namespace chorus {

// One entry of the audit trail: who did what to the case, when (UTC epoch seconds), with
// the details as a JSON object, chained to the entry before it by SHA-256.
struct AuditEntry
{
    std::int64_t seq = 0; // 1, 2, 3, ... without gaps
    std::int64_t at = 0;
    std::string analyst;
    std::string action;  // "case-created", "import", "analysis", "annotation", "export", ...
    std::string subject; // what it was done to: "source 3", "run 5", "cluster 2 of run 5"
    std::string details; // JSON object
    std::string previousHash;
    std::string hash;
};

// What verify() found. ok when every entry's hash is the SHA-256 of its own fields and of the
// entry before it, the sequence has no gap and the append-only triggers are in place.
struct AuditVerification
{
    bool ok = true;
    std::int64_t checked = 0;
    std::int64_t firstBadSeq = 0; // 0 when ok, or when the fault is not one entry's
    std::string reason;
    std::string headHash;
};

// The append-only record of everything done to a case: imports, analysis runs, annotation
// changes, exports and reports. Append-only in fact: triggers refuse UPDATE and DELETE on
// audit_log, and each entry carries the hash of the previous one, so an edit made around the
// triggers breaks the chain and verify() names the first entry that no longer matches. (A cut
// from the end cannot be seen from inside the file: the report prints the head hash, which is
// the case's fingerprint to compare against.) Undo is a new entry, never a deletion.
//
// append() joins the caller's transaction when there is one (the entry then commits or rolls
// back with the change it records) and otherwise runs in its own. Throws SqlError like
// Database; callers in core turn that into an Error with guardSql().
class AuditTrail
{
public:
    explicit AuditTrail(const Database &db) : m_db(db) {}

    // Appends an entry now, by `analyst` (defaultAnalyst() when empty). Returns it.
    AuditEntry append(const std::string &action, const std::string &subject,
                      const std::string &detailsJson, const std::string &analyst = {}) const;

    // Entries in order, from seq `from` on; limit < 0 means all.
    std::vector<AuditEntry> entries(std::int64_t from = 1, std::int64_t limit = -1) const;
    std::int64_t size() const;
    // The hash of the newest entry: the case's fingerprint (64 zeros when the trail is empty).
    std::string headHash() const;

    AuditVerification verify() const;

    // The hash an entry must carry: SHA-256 of its fields (each length-prefixed, so that no
    // two different entries serialise alike) and of the previous entry's hash.
    static std::string hashOf(const AuditEntry &entry);
    // $CHORUS_ANALYST, else the login name, else "unknown".
    static std::string defaultAnalyst();
    static const char *GenesisHash;

private:
    const Database &m_db;
};

} // namespace chorus
