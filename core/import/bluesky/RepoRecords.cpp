#include "import/bluesky/RepoRecords.h"

#include "import/JsonArrayStream.h"
#include "import/JsonSupport.h"
#include "import/bluesky/FeedRecord.h"
#include "import/bluesky/SkipTally.h"

namespace chorus {

namespace {

// The account a capture describes (indigo's account metadata, Go field names).
AccountRecord readAccountMeta(const JsonObject &meta, const JsonFields &fields)
{
    AccountRecord a;
    a.platform = BlueskyPlatform;
    const JsonObject identity = fields.object(meta, "Identity");
    const JsonFields identityFields = fields.nested("Identity");
    a.platformId = identityFields.text(identity, "DID");
    a.handle = identityFields.text(identity, "Handle");
    if (a.handle == "handle.invalid") // atproto's placeholder for a handle that failed to verify
        a.handle.clear();
    const JsonObject profile = fields.object(meta, "Profile");
    const JsonFields profileFields = fields.nested("Profile");
    a.displayName = profileFields.text(profile, "DisplayName");
    a.bio = profileFields.text(profile, "Description");
    a.followers = fields.count(meta, "FollowersCount");
    a.following = fields.count(meta, "FollowsCount");
    a.postCount = fields.count(meta, "PostsCount");
    return a;
}

class RepoRecordReader
{
public:
    explicit RepoRecordReader(RecordSink &sink) : m_sink(sink) {}

    void element(const JsonArrayElement &element)
    {
        const JsonValue meta = element.context.value("accountMeta");
        if (meta.isObject())
            account(meta.toObject(), element.line);
        record(element.object, element.line);
    }

    void finish() const { m_skipped.report(m_sink); }

private:
    // Once per capture: every element of postRecords sees the same accountMeta.
    void account(const JsonObject &meta, std::int64_t line)
    {
        const std::string_view did = meta.value("Identity").toObject().value("DID").toString();
        if (did == m_accountDid)
            return;
        m_accountDid = std::string(did);
        AccountRecord account = readAccountMeta(meta, JsonFields(m_sink, line, "accountMeta."));
        if (account.platformId.compare(0, 4, "did:") == 0)
            m_sink.account(std::move(account));
        else
            m_sink.warn(line, "accountMeta.Identity.DID", "no DID: the account details are unused",
                        jsonExcerpt(meta));
    }

    void record(const JsonObject &object, std::int64_t line)
    {
        const JsonFields fields(m_sink, line);
        const std::string uri = fields.text(object, "uri");
        const std::optional<AtUri> address = parseAtUri(uri);
        if (!address || address->authority.substr(0, 4) != "did:") {
            m_sink.reject(line, "uri",
                          uri.empty() ? "missing the record's at:// URI"
                                      : "expected an at:// URI naming the author's DID",
                          jsonExcerpt(object));
            return;
        }
        const bool repost = address->collection == BlueskyRepostCollection;
        if (!repost && address->collection != BlueskyPostCollection) {
            m_skipped.add(address->collection);
            return;
        }
        const JsonValue value = object.value("value");
        if (!value.isObject()) {
            m_sink.reject(line, "value", "missing the record itself (value)", jsonExcerpt(object));
            return;
        }
        const FeedRecordSource source{uri, std::string(address->authority), repost, line, {}};
        FeedRecordResult result = readFeedRecord(value.toObject(), source, fields.nested("value"));
        if (!result.post) {
            m_sink.reject(line, result.field, result.problem, jsonExcerpt(object));
            return;
        }
        m_sink.post(std::move(*result.post));
    }

    RecordSink &m_sink;
    std::string m_accountDid;
    SkipTally m_skipped{"records"};
};

} // namespace

Status readRepoRecords(QIODevice &in, RecordSink &sink, ProgressSink &progress)
{
    RepoRecordReader reader(sink);
    const Status status =
        readJsonArraysAt(in, {"records", "postRecords"}, sink, progress,
                         [&](const JsonArrayElement &element) { reader.element(element); });
    if (status)
        reader.finish();
    return status;
}

} // namespace chorus
