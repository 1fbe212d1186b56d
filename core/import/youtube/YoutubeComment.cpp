#include "import/youtube/YoutubeComment.h"

#include "import/HtmlText.h"
#include "import/ImportSupport.h"

#include <QByteArray>

namespace chorus {

namespace {

constexpr std::string_view ByteOrderMark = "\xEF\xBB\xBF"; // U+FEFF in UTF-8

void dropTrailingByteOrderMarks(std::string &text)
{
    while (text.size() >= ByteOrderMark.size() &&
           std::string_view(text).substr(text.size() - ByteOrderMark.size()) == ByteOrderMark)
        text.resize(text.size() - ByteOrderMark.size());
}

// "@name" from authorDisplayName (handles since 2023), else from an authorChannelUrl that
// ends in "/@name"; empty when the channel has only a display name.
std::string handleOf(const std::string &displayName, const std::string &channelUrl)
{
    if (displayName.size() > 1 && displayName.front() == '@')
        return displayName.substr(1);
    const size_t at = channelUrl.rfind("/@");
    if (at != std::string::npos && at + 2 < channelUrl.size())
        return channelUrl.substr(at + 2);
    return {};
}

std::string watchUrl(const std::string &videoId)
{
    const QByteArray id = QByteArray::fromStdString(videoId).toPercentEncoding();
    return "https://www.youtube.com/watch?v=" + id.toStdString();
}

} // namespace

YoutubeCommentResult readYoutubeComment(const JsonObject &comment, const JsonFields &fields,
                                        RecordSink &sink, std::int64_t line,
                                        const std::string &threadParent, const std::string &videoId)
{
    YoutubeCommentResult result;
    std::string problem;
    const auto fail = [&](std::string field, std::string reason) {
        result.field = std::move(field);
        result.problem = std::move(reason);
        return result;
    };
    const std::optional<std::string> id = fields.requiredId(comment, "id", problem);
    if (!id)
        return fail(fields.name("id"), problem);
    if (!comment.value("snippet").isObject())
        return fail(fields.name("snippet"), "missing comment snippet");
    const JsonObject snippet = comment.value("snippet").toObject();
    const JsonFields snippetFields = fields.nested("snippet");

    // authorChannelId is {value: "UC..."}; a bare string is taken too.
    const JsonValue channel = snippet.value("authorChannelId");
    const std::optional<std::string> author =
        channel.isObject() ? snippetFields.nested("authorChannelId")
                                 .requiredId(channel.toObject(), "value", problem)
                           : snippetFields.requiredId(snippet, "authorChannelId", problem);
    if (!author)
        return fail(snippetFields.name("authorChannelId.value"),
                    problem == "missing id" ? "missing author channel id" : problem);
    const std::optional<std::int64_t> when =
        snippetFields.requiredTime(snippet, "publishedAt", problem);
    if (!when)
        return fail(snippetFields.name("publishedAt"), problem);

    PostRecord p;
    p.platform = "youtube";
    p.platformId = *id;
    p.createdAt = *when;
    p.line = line;
    p.author.platform = "youtube";
    p.author.platformId = *author;
    p.author.displayName = snippetFields.text(snippet, "authorDisplayName");
    p.author.handle =
        handleOf(p.author.displayName, snippetFields.text(snippet, "authorChannelUrl"));

    const JsonValue original = snippet.value("textOriginal");
    if (original.isString()) {
        p.text = snippetFields.text(snippet, "textOriginal");
    } else {
        if (!original.isUndefined())
            snippetFields.text(snippet, "textOriginal"); // warns about the wrong type
        const JsonValue display = snippet.value("textDisplay");
        if (display.isString())
            p.text = cleanField(sink, line, snippetFields.name("textDisplay"),
                                htmlToText(display.toStdString()));
        else
            p.text = snippetFields.text(snippet, "textDisplay"); // warns on a wrong type
    }
    dropTrailingByteOrderMarks(p.text);

    p.replyTo = snippetFields.id(snippet, "parentId");
    if (p.replyTo.empty())
        p.replyTo = threadParent;
    if (!p.replyTo.empty()) {
        p.kind = PostKind::Reply;
    } else {
        std::string video = snippetFields.text(snippet, "videoId");
        if (video.empty())
            video = videoId;
        if (!video.empty())
            p.urls.push_back(watchUrl(video));
    }
    result.post = std::move(p);
    return result;
}

} // namespace chorus
