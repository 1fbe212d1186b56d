#include "import/coortweet/CooRTweetImporter.h"

#include "import/CsvReader.h"
#include "import/ImportSupport.h"
#include "text/TextCleaner.h"
#include "text/TimeParser.h"

#include <QIODevice>

namespace chorus {

int CooRTweetImporter::detect(std::string_view head) const
{
    return headerHasColumns(head, {"object_id", "account_id", "content_id", "timestamp_share"}) ? 95
                                                                                                : 0;
}

Status CooRTweetImporter::read(QIODevice &in, const std::string &, const ImportOptions &,
                               RecordSink &sink, ProgressSink &progress)
{
    CsvReader reader(in);
    if (!reader.next())
        return Error{"the file is empty"};
    const CsvHeader header(reader);
    if (const std::string missing =
            header.firstMissing({"object_id", "account_id", "content_id", "timestamp_share"});
        !missing.empty())
        return Error{"not a CooRTweet table: column '" + missing + "' is missing"};
    const size_t object = size_t(header.index("object_id"));
    const size_t account = size_t(header.index("account_id"));
    const size_t content = size_t(header.index("content_id"));
    const size_t time = size_t(header.index("timestamp_share"));
    const std::int64_t total = in.size();

    std::int64_t records = 0;
    while (reader.next()) {
        const std::int64_t line = reader.line();
        if (!reportProgress(progress, ++records, reader.bytesConsumed(), total))
            return Error::cancel();
        if (!usableRow(reader, header.size(), sink))
            continue;
        PostRecord p;
        p.line = line;
        p.platform = "coortweet";
        const std::string contentId =
            cleanField(sink, line, "content_id", trimmed(reader.field(content)));
        p.author.platform = p.platform;
        p.author.platformId = cleanField(sink, line, "account_id", trimmed(reader.field(account)));
        p.repostOf = cleanField(sink, line, "object_id", trimmed(reader.field(object)));
        p.kind = PostKind::Repost;
        const auto when = parseTimestamp(reader.field(time));
        if (contentId.empty() || p.author.platformId.empty() || p.repostOf.empty()) {
            const char *field = contentId.empty()             ? "content_id"
                                : p.author.platformId.empty() ? "account_id"
                                                              : "object_id";
            sink.reject(line, field, "missing identifier", reader.excerpt());
            continue;
        }
        if (!when) {
            sink.reject(line, "timestamp_share",
                        "unrecognised timestamp '" + std::string(reader.field(time).substr(0, 40)) +
                            "'",
                        reader.excerpt());
            continue;
        }
        // One content may share several objects (a tweet with two links): each row is a share
        // of its own, so the post id names both.
        p.platformId = contentId + ":" + p.repostOf;
        p.createdAt = *when;
        sink.post(std::move(p));
    }
    return {};
}

} // namespace chorus
