#include "import/youtube/YoutubeImporter.h"

#include "import/JsonArrayStream.h"
#include "import/JsonSupport.h"
#include "import/youtube/YoutubeComment.h"
#include "text/TextCleaner.h"

#include <QIODevice>

namespace chorus {

namespace {

constexpr qint64 HeadSize = 64 * 1024;
constexpr std::size_t MaxIdShown = 60;

void addComment(const JsonObject &comment, const JsonFields &fields, RecordSink &sink,
                std::int64_t line, const std::string &threadParent, const std::string &videoId)
{
    YoutubeCommentResult result =
        readYoutubeComment(comment, fields, sink, line, threadParent, videoId);
    if (result.post)
        sink.post(std::move(*result.post));
    else
        sink.reject(line, result.field, result.problem, jsonExcerpt(comment));
}

// A commentThread: its top-level comment and the replies listed with it.
void readThread(const JsonObject &thread, const JsonFields &fields, RecordSink &sink,
                std::int64_t line)
{
    const JsonObject snippet = fields.object(thread, "snippet");
    const JsonFields snippetFields = fields.nested("snippet");
    const std::string videoId = snippetFields.text(snippet, "videoId");
    const JsonObject top = snippetFields.object(snippet, "topLevelComment");
    // The thread's id is its top-level comment's id.
    std::string topId = snippetFields.nested("topLevelComment").id(top, "id");
    if (topId.empty())
        topId = fields.id(thread, "id");
    if (top.isEmpty())
        sink.reject(line, snippetFields.name("topLevelComment"), "missing top-level comment",
                    jsonExcerpt(thread));
    else
        addComment(top, snippetFields.nested("topLevelComment"), sink, line, {}, videoId);

    const JsonObject replies = fields.object(thread, "replies");
    const JsonFields replyFields = fields.nested("replies");
    const JsonArray comments = replyFields.array(replies, "comments");
    std::size_t i = 0;
    for (const JsonValue comment : comments) {
        const std::string item = replyFields.name("comments[" + std::to_string(i++) + "]");
        if (!comment.isObject())
            sink.reject(line, item, "expected a comment object", jsonExcerpt(replies));
        else
            addComment(comment.toObject(), JsonFields(sink, line, item + "."), sink, line, topId,
                       videoId);
    }

    const std::optional<std::int64_t> total = snippetFields.count(snippet, "totalReplyCount");
    if (total && *total > std::int64_t(comments.size())) {
        // Real thread ids are about 26 characters; a longer one (a damaged file) is cut so
        // that the message stays short.
        const std::string shownId =
            topId.size() <= MaxIdShown ? topId : cleanText(topId.substr(0, MaxIdShown)) + "...";
        sink.warn(line, snippetFields.name("totalReplyCount"),
                  "thread " + shownId + ": " + std::to_string(*total - comments.size()) + " of " +
                      std::to_string(*total) +
                      " replies are not in the file (commentThreads.list returns at most 5 "
                      "per thread; comments.list with parentId=" +
                      shownId + " fetches them all)",
                  {});
    }
}

bool isThread(const JsonObject &item, std::string_view kind)
{
    return kind == "youtube#commentThread" ||
           item.value("snippet").toObject().contains("topLevelComment");
}

bool isComment(const JsonObject &item, std::string_view kind)
{
    if (kind == "youtube#comment")
        return true;
    const JsonObject snippet = item.value("snippet").toObject();
    return kind.empty() && (snippet.contains("authorChannelId") ||
                            snippet.contains("textOriginal") || snippet.contains("textDisplay"));
}

// One record: a thread or comment item, or (`mayBePage`: when reading bare items) a whole
// response that turned up among them. `name` names it in problems ("items[3]"; empty for
// the record itself).
void readRecord(const JsonObject &record, const std::string &name, RecordSink &sink,
                std::int64_t line, bool mayBePage)
{
    const JsonFields fields(sink, line, name.empty() ? name : name + ".");
    const std::string_view kind = record.value("kind").toString();
    if (isThread(record, kind)) {
        readThread(record, fields, sink, line);
    } else if (isComment(record, kind)) {
        addComment(record, fields, sink, line, {}, {});
    } else if (mayBePage && record.value("items").isArray()) {
        std::size_t i = 0;
        for (const JsonValue item : record.value("items").toArray())
            readRecord(item.toObject(), "items[" + std::to_string(i++) + "]", sink, line, false);
    } else if (!kind.ends_with("ListResponse")) { // a page without items
        sink.reject(line, name.empty() ? "(record)" : name,
                    "neither a YouTube comment thread nor a comment", jsonExcerpt(record));
    }
}

} // namespace

int YoutubeImporter::detect(std::string_view head) const
{
    const JsonHead json = readJsonHead(head);
    if (!json.isJson)
        return 0;
    // "youtube#comment", "youtube#commentThread" and their list responses.
    if (json.hasStringMember("kind", "youtube#comment"))
        return 95;
    // Responses saved with a `fields` filter may lack `kind`.
    if (json.hasKeyAnywhere("topLevelComment") ||
        (json.hasKeyAnywhere("authorChannelId") &&
         (json.hasKeyAnywhere("textOriginal") || json.hasKeyAnywhere("textDisplay"))))
        return 90;
    return 0;
}

Status YoutubeImporter::read(QIODevice &in, const std::string &, const ImportOptions &,
                             RecordSink &sink, ProgressSink &progress)
{
    // Responses wrap their items in `items`; a collector's items stand alone. Which one the
    // file holds is seen in its head (an item never has an `items` key).
    const QByteArray head = in.peek(HeadSize);
    const bool pages =
        readJsonHead(std::string_view(head.constData(), size_t(head.size()))).hasKey("items");
    const std::vector<std::string> paths = {pages ? "items" : ""};
    return readJsonArraysAt(in, paths, sink, progress, [&](const JsonArrayElement &element) {
        readRecord(element.object, {}, sink, element.line, !pages);
    });
}

} // namespace chorus
