#include "import/bluesky/JetstreamEvents.h"

#include "import/JsonSupport.h"
#include "import/bluesky/FeedRecord.h"
#include "import/bluesky/RecordLedger.h"
#include "import/bluesky/SkipTally.h"
#include "text/TimeParser.h"

namespace chorus {

namespace {

enum class Operation { Create, Update, Delete, Unknown };

enum class Kind { Commit, Identity, Account, Unknown };

// Current Jetstream spells the event kind and the operation out; the first releases (2024)
// used "type": "com" | "id" | "acc" and commit "type": "c" | "u" | "d". Compared as JSON
// values: no string is made for them.
Kind eventKind(const JsonObject &event)
{
    const JsonValue kind = event.value("kind");
    if (kind.isString())
        return kind == "commit"     ? Kind::Commit
               : kind == "identity" ? Kind::Identity
               : kind == "account"  ? Kind::Account
                                    : Kind::Unknown;
    const JsonValue type = event.value("type");
    return type == "com"   ? Kind::Commit
           : type == "id"  ? Kind::Identity
           : type == "acc" ? Kind::Account
                           : Kind::Unknown;
}

Operation operationOf(const JsonObject &commit)
{
    JsonValue op = commit.value("operation");
    if (!op.isString())
        op = commit.value("type");
    if (op == "create" || op == "c")
        return Operation::Create;
    if (op == "update" || op == "u")
        return Operation::Update;
    if (op == "delete" || op == "d")
        return Operation::Delete;
    return Operation::Unknown;
}

// Most events of a real capture are likes, follows and their deletions, which Chorus only
// counts: they are counted from the raw line, unparsed. Only a line where "collection"
// appears once, compact, naming neither posts nor reposts, is taken so; anything else
// (spaced JSON, a second "collection" anywhere) goes through the parser. A broken like line
// is then counted as a like rather than rejected: nothing of it would be kept either way.
std::optional<std::string_view> unparsedSkip(std::string_view raw)
{
    constexpr std::string_view name = "\"collection\"";
    const size_t at = raw.find(name);
    if (at == std::string_view::npos || raw.find(name, at + 1) != std::string_view::npos ||
        raw.substr(at + name.size(), 2) != ":\"")
        return std::nullopt;
    const size_t start = at + name.size() + 2;
    const size_t end = raw.find('"', start);
    if (end == std::string_view::npos)
        return std::nullopt;
    const std::string_view collection = raw.substr(start, end - start);
    if (collection == BlueskyPostCollection || collection == BlueskyRepostCollection ||
        collection.find('\\') != std::string_view::npos)
        return std::nullopt;
    const bool deletion = raw.find("\"operation\":\"delete\"") != std::string_view::npos ||
                          raw.find("\"type\":\"d\"") != std::string_view::npos;
    return deletion ? std::string_view("deletions of other records") : collection;
}

// A deleted post stays in the case: what was said, and that it was taken back, are both
// evidence.
std::string deletedMessage(const std::string &uri, bool repost, std::optional<std::int64_t> time)
{
    return std::string(repost ? "repost " : "post ") + uri + " was deleted by its author " +
           (time ? "at " + formatTimestamp(*time) : std::string("at an unknown time")) +
           "; kept as evidence";
}

class JetstreamReader
{
public:
    explicit JetstreamReader(RecordSink &sink) : m_sink(sink) {}

    void event(const JsonObject &event, std::int64_t line)
    {
        const JsonFields fields(m_sink, line);
        std::string problem;
        const std::optional<std::string> did = fields.requiredId(event, "did", problem);
        if (!did || did->compare(0, 4, "did:") != 0) {
            m_sink.reject(line, "did", did ? "expected a DID (did:...)" : problem,
                          jsonExcerpt(event));
            return;
        }
        const std::optional<std::int64_t> time = eventTime(event, fields);
        const Kind kind = eventKind(event);
        if (kind == Kind::Commit)
            commit(event, *did, time, line);
        else if (kind == Kind::Identity)
            identity(event, *did, fields);
        else if (kind == Kind::Account)
            m_skipped.add("account status events");
        else
            m_sink.reject(line, "kind", "neither a Jetstream commit, identity nor account event",
                          jsonExcerpt(event));
    }

    bool takeUnparsed(std::string_view raw)
    {
        const std::optional<std::string_view> skipped = unparsedSkip(raw);
        if (skipped)
            m_skipped.add(*skipped);
        return skipped.has_value();
    }

    void finish()
    {
        m_skipped.add("deletions of posts or reposts not in this file", m_unmatchedDeletes);
        m_skipped.report(m_sink);
    }

private:
    // time_us: when the relay saw the event, in microseconds since 1970.
    static std::optional<std::int64_t> eventTime(const JsonObject &event, const JsonFields &fields)
    {
        const JsonValue value = event.value("time_us");
        if (value.isUndefined() || value.isNull())
            return std::nullopt;
        const std::int64_t micros = value.toInteger().value_or(-1);
        if (micros < 0) {
            fields.warn("time_us", "expected microseconds since 1970; ignored", jsonExcerpt(event));
            return std::nullopt;
        }
        return micros / 1000000;
    }

    void identity(const JsonObject &event, const std::string &did, const JsonFields &fields)
    {
        const JsonObject identity = fields.object(event, "identity");
        AccountRecord account;
        account.platform = BlueskyPlatform;
        account.platformId = did;
        account.handle = fields.nested("identity").text(identity, "handle");
        if (account.handle.empty() || account.handle == "handle.invalid") {
            m_skipped.add("identity events without a valid handle");
            return;
        }
        m_sink.account(std::move(account));
    }

    void commit(const JsonObject &event, const std::string &did, std::optional<std::int64_t> time,
                std::int64_t line)
    {
        const JsonFields fields(m_sink, line, "commit.");
        const JsonValue commitValue = event.value("commit");
        if (!commitValue.isObject()) {
            m_sink.reject(line, "commit", "a commit event without its commit object",
                          jsonExcerpt(event));
            return;
        }
        const JsonObject commit = commitValue.toObject();
        const Operation operation = operationOf(commit);
        const std::string collection = fields.text(commit, "collection");
        if (operation == Operation::Unknown || collection.empty()) {
            m_sink.reject(
                line, operation == Operation::Unknown ? "commit.operation" : "commit.collection",
                operation == Operation::Unknown ? "expected create, update or delete"
                                                : "a commit without its collection",
                jsonExcerpt(event));
            return;
        }
        const bool repost = collection == BlueskyRepostCollection;
        if (!repost && collection != BlueskyPostCollection) {
            m_skipped.add(operation == Operation::Delete ? "deletions of other records"
                                                         : collection);
            return;
        }
        const std::string rkey = fields.text(commit, "rkey");
        if (rkey.empty() || rkey.find('/') != std::string::npos) {
            m_sink.reject(line, "commit.rkey", "missing or malformed record key",
                          jsonExcerpt(event));
            return;
        }
        const std::string uri = "at://" + did + "/" + collection + "/" + rkey;
        if (operation == Operation::Delete) {
            deleted(uri, repost, time, line);
            return;
        }
        const JsonValue record = commit.value("record");
        if (!record.isObject()) {
            m_sink.reject(line, "commit.record", "a create or update without its record",
                          jsonExcerpt(event));
            return;
        }
        FeedRecordSource source{uri, did, repost, line, time};
        FeedRecordResult result =
            readFeedRecord(record.toObject(), source, fields.nested("record"));
        if (!result.post) {
            m_sink.reject(line, result.field, result.problem, jsonExcerpt(record.toObject()));
            return;
        }
        created(*result.post, operation == Operation::Update, line);
        m_sink.post(std::move(*result.post));
    }

    // A post seen again (an update, or the same create replayed after a reconnect) stays as
    // first seen: the store keeps the first of two posts with the same URI.
    void created(const PostRecord &post, bool update, std::int64_t line)
    {
        const std::uint64_t key = RecordLedger::keyOf(post.platformId);
        const std::uint64_t content =
            RecordLedger::keyOf(post.kind == PostKind::Repost ? post.repostOf : post.text);
        // A second version with another text is reported by the store (PostWriter), which
        // keeps the first.
        if (!m_seen.find(key)) {
            m_seen.insert(key, content);
            if (update)
                m_sink.warn(line, "commit.operation",
                            "an update of " + post.platformId +
                                ", whose first version is not in this file: imported as updated",
                            post.text.substr(0, 120));
        }
        if (std::uint64_t *deletion = m_deleted.find(key); deletion && *deletion != Matched) {
            m_sink.warn(line, "commit.operation",
                        deletedMessage(post.platformId, post.kind == PostKind::Repost,
                                       storedTime(*deletion)) +
                            " (the deletion is on an earlier line)",
                        post.text.substr(0, 120));
            *deletion = Matched;
            --m_unmatchedDeletes;
        }
    }

    void deleted(const std::string &uri, bool repost, std::optional<std::int64_t> time,
                 std::int64_t line)
    {
        const std::uint64_t key = RecordLedger::keyOf(uri);
        if (m_seen.find(key)) {
            m_sink.warn(line, "commit.operation", deletedMessage(uri, repost, time), "");
            return;
        }
        // Lines are not sorted: the post may still come. Otherwise it is counted as skipped.
        const std::uint64_t value = time ? std::uint64_t(*time) : UnknownTime;
        const std::uint64_t *known = m_deleted.find(key);
        if (known && *known == Matched)
            return;
        if (m_deleted.insert(key, value))
            ++m_unmatchedDeletes;
    }

    static constexpr std::uint64_t Matched = ~std::uint64_t(0);
    static constexpr std::uint64_t UnknownTime = Matched - 1;
    static std::optional<std::int64_t> storedTime(std::uint64_t value)
    {
        return value == UnknownTime ? std::nullopt : std::optional(std::int64_t(value));
    }

    RecordSink &m_sink;
    RecordLedger m_seen;    // posts and reposts of this file -> hash of their text
    RecordLedger m_deleted; // deletions not matched to a post yet -> their time
    std::int64_t m_unmatchedDeletes = 0;
    SkipTally m_skipped{"events"};
};

} // namespace

Status readJetstreamEvents(QIODevice &in, RecordSink &sink, ProgressSink &progress)
{
    JetstreamReader reader(sink);
    JsonObjectsOptions options;
    options.takeUnparsed = [&](std::string_view raw, std::int64_t) {
        return reader.takeUnparsed(raw);
    };
    const Status status = readJsonObjects(
        in, sink, progress,
        [&](const JsonObject &event, std::int64_t line) { reader.event(event, line); }, options);
    if (status)
        reader.finish();
    return status;
}

} // namespace chorus
