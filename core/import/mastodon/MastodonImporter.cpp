#include "import/mastodon/MastodonImporter.h"

#include "import/JsonSupport.h"
#include "import/mastodon/MastodonStatus.h"

namespace chorus {

int MastodonImporter::detect(std::string_view head) const
{
    const JsonHead json = readJsonHead(head);
    if (!json.isJson)
        return 0;
    // Zeeschuimer wraps Mastodon-API statuses (Truth Social, Gab) in its own items: those
    // are the 4CAT importer's, even when the head only shows the status inside.
    if (json.hasKey("nav_index") || json.hasKey("source_platform"))
        return 0;
    // Keys that no other export has together. Recent servers write `account` after a long
    // `content`, so a status cut by the head is known by its leading keys.
    if (json.hasKey("content") && json.hasKey("created_at") &&
        (json.hasKey("account") || json.hasKey("visibility") || json.hasKey("spoiler_text") ||
         json.hasKey("reblogs_count") || json.hasKey("in_reply_to_account_id")))
        return 90;
    return 0;
}

Status MastodonImporter::read(QIODevice &in, const std::string &, const ImportOptions &,
                              RecordSink &sink, ProgressSink &progress)
{
    return readJsonObjects(in, sink, progress, [&](const JsonObject &status, std::int64_t line) {
        readMastodonStatus(status, line, sink);
    });
}

} // namespace chorus
