#include "store/AuditTrail.h"

#include "common/Sha256.h"

#include <QDateTime>

#include <optional>

namespace chorus {

const char *AuditTrail::GenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

namespace {

constexpr const char *EntryColumns = "SELECT seq, at, analyst, action, subject, details, "
                                     "previous_hash, hash FROM audit_log ";

AuditEntry readEntry(const Statement &s)
{
    return AuditEntry{s.int64(0), s.int64(1), s.text(2), s.text(3),
                      s.text(4),  s.text(5),  s.text(6), s.text(7)};
}

void addField(Sha256 &hash, const std::string &field)
{
    const std::string length = std::to_string(field.size()) + ":";
    hash.addData(length.data(), length.size());
    hash.addData(field.data(), field.size());
    hash.addData("\n", 1);
}

std::optional<AuditEntry> newest(const Database &db)
{
    Statement s = db.prepare(std::string(EntryColumns) + "ORDER BY seq DESC LIMIT 1");
    if (!s.step())
        return std::nullopt;
    return readEntry(s);
}

} // namespace

std::string AuditTrail::hashOf(const AuditEntry &entry)
{
    Sha256 hash;
    for (const std::string &field :
         {std::to_string(entry.seq), std::to_string(entry.at), entry.analyst, entry.action,
          entry.subject, entry.details, entry.previousHash})
        addField(hash, field);
    return hash.hexDigest();
}

std::string AuditTrail::defaultAnalyst()
{
    for (const char *variable : {"CHORUS_ANALYST", "USER", "LOGNAME", "USERNAME"}) {
        const QByteArray value = qgetenv(variable).trimmed();
        if (!value.isEmpty())
            return value.toStdString();
    }
    return "unknown";
}

AuditEntry AuditTrail::append(const std::string &action, const std::string &subject,
                              const std::string &detailsJson, const std::string &analyst) const
{
    // Reading the head and writing after it must not interleave with another writer.
    std::optional<Transaction> own;
    if (!m_db.inTransaction())
        own.emplace(m_db);
    const std::optional<AuditEntry> previous = newest(m_db);
    AuditEntry entry;
    entry.seq = previous ? previous->seq + 1 : 1;
    entry.at = QDateTime::currentSecsSinceEpoch();
    entry.analyst = analyst.empty() ? defaultAnalyst() : analyst;
    entry.action = action;
    entry.subject = subject;
    entry.details = detailsJson.empty() ? "{}" : detailsJson;
    entry.previousHash = previous ? previous->hash : GenesisHash;
    entry.hash = hashOf(entry);
    m_db.prepare("INSERT INTO audit_log (seq, at, analyst, action, subject, details, "
                 "previous_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        .bind(1, entry.seq)
        .bind(2, entry.at)
        .bind(3, entry.analyst)
        .bind(4, entry.action)
        .bind(5, entry.subject)
        .bind(6, entry.details)
        .bind(7, entry.previousHash)
        .bind(8, entry.hash)
        .exec();
    if (own)
        own->commit();
    return entry;
}

std::vector<AuditEntry> AuditTrail::entries(std::int64_t from, std::int64_t limit) const
{
    Statement s = m_db.prepare(std::string(EntryColumns) + "WHERE seq >= ?1 ORDER BY seq LIMIT ?2");
    s.bind(1, from).bind(2, limit);
    std::vector<AuditEntry> result;
    while (s.step())
        result.push_back(readEntry(s));
    return result;
}

std::int64_t AuditTrail::size() const
{
    return m_db.queryInt64("SELECT count(*) FROM audit_log");
}

std::string AuditTrail::headHash() const
{
    const std::optional<AuditEntry> head = newest(m_db);
    return head ? head->hash : GenesisHash;
}

AuditVerification AuditTrail::verify() const
{
    AuditVerification result;
    const auto fail = [&](std::int64_t seq, std::string reason) {
        result.ok = false;
        result.firstBadSeq = seq;
        result.reason = std::move(reason);
        return result;
    };
    std::string expectedPrevious = GenesisHash;
    std::int64_t expectedSeq = 1;
    Statement s = m_db.prepare(std::string(EntryColumns) + "ORDER BY seq");
    while (s.step()) {
        const AuditEntry entry = readEntry(s);
        if (entry.seq != expectedSeq)
            return fail(expectedSeq, "entry " + std::to_string(expectedSeq) +
                                         " is missing (the next entry is " +
                                         std::to_string(entry.seq) + ")");
        if (entry.previousHash != expectedPrevious)
            return fail(entry.seq, "entry " + std::to_string(entry.seq) +
                                       " does not follow the entry before it (its previous "
                                       "hash differs)");
        if (hashOf(entry) != entry.hash)
            return fail(entry.seq, "entry " + std::to_string(entry.seq) +
                                       " does not match its hash (it was changed after it "
                                       "was written)");
        expectedPrevious = entry.hash;
        ++expectedSeq;
        ++result.checked;
    }
    result.headHash = expectedPrevious;
    const std::int64_t triggers =
        m_db.queryInt64("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN "
                        "('audit_log_no_update', 'audit_log_no_delete')");
    if (triggers != 2)
        return fail(0, "the triggers that keep the audit trail append-only are missing");
    return result;
}

} // namespace chorus
