#include "import/telegram/TelegramMessage.h"

#include "import/ImportSupport.h"
#include "text/TextCleaner.h"

namespace chorus {

namespace {

bool isAbsent(const JsonValue &value)
{
    return value.isUndefined() || value.isNull();
}

std::string excerptOf(const JsonValue &value)
{
    return value.json(120);
}

// date_unixtime: epoch seconds written as a string ("1596319309"); a number is taken too.
std::optional<std::int64_t> unixTime(const JsonValue &value)
{
    if (value.isDouble()) {
        const double seconds = value.toDouble();
        if (seconds != double(std::int64_t(seconds)) || seconds < 0 || seconds > 1e12)
            return std::nullopt;
        return std::int64_t(seconds);
    }
    const std::string_view text = value.toString();
    if (text.empty() || text.size() > 12)
        return std::nullopt;
    std::int64_t seconds = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        seconds = seconds * 10 + (c - '0');
    }
    return seconds;
}

// A peer as reply_to_peer_id writes it ("channel123", "chat123", "user123") to the bare id
// that the chat's own `id` holds.
std::string barePeerId(const std::string &peer)
{
    for (const std::string_view prefix : {"channel", "chat", "user"}) {
        if (peer.size() > prefix.size() && peer.compare(0, prefix.size(), prefix) == 0)
            return peer.substr(prefix.size());
    }
    return peer;
}

// The plain text of `text`: a string, or an array of strings and {type, text} parts.
std::string plainText(const JsonObject &message, const JsonFields &fields, std::int64_t line,
                      RecordSink &sink)
{
    const JsonValue value = message.value("text");
    if (value.isString())
        return cleanField(sink, line, fields.name("text"), value.toStdString());
    if (isAbsent(value))
        return {};
    if (!value.isArray()) {
        fields.warn("text", "expected a string or an array of parts; left empty", excerptOf(value));
        return {};
    }
    std::string text;
    bool skipped = false;
    for (const JsonValue &part : value.toArray()) {
        if (part.isString())
            text += part.toString();
        else if (const JsonValue inner = part.toObject().value("text"); inner.isString())
            text += inner.toString();
        else
            skipped = true;
    }
    if (skipped)
        fields.warn("text", "parts that are neither strings nor {text} objects skipped",
                    excerptOf(value));
    return cleanField(sink, line, fields.name("text"), text);
}

void addEntity(std::vector<std::string> &to, std::string_view value)
{
    value = trimmed(value);
    if (!value.empty())
        to.push_back(cleanText(value));
}

// Hashtags, mentions and urls from entity objects {type, text, href?}. A text_link may have
// zero-width text (a hidden link): its href is what counts.
void readEntities(const JsonArray &entities, PostRecord &p)
{
    for (const JsonValue &value : entities) {
        if (!value.isObject())
            continue; // the plain runs of a text array
        const JsonObject entity = value.toObject();
        const std::string_view type = entity.value("type").toString();
        // Most parts are plain or formatting runs: their text is not converted at all.
        const auto text = [&] { return entity.value("text").toStdString(); };
        if (type == "hashtag")
            addEntity(p.hashtags, stripSigil(text(), '#'));
        else if (type == "mention")
            addEntity(p.mentions, stripSigil(text(), '@'));
        else if (type == "mention_name") // a user without a username: the name
            addEntity(p.mentions, text());
        else if (type == "link")
            addEntity(p.urls, text());
        else if (type == "text_link")
            addEntity(p.urls, entity.value("href").toStdString());
    }
}

void readLocation(const JsonObject &message, const JsonFields &fields, std::int64_t line,
                  RecordSink &sink, PostRecord &p)
{
    const JsonObject location = fields.object(message, "location_information");
    if (location.isEmpty())
        return;
    const JsonValue latitude = location.value("latitude");
    const JsonValue longitude = location.value("longitude");
    if (!latitude.isDouble() || !longitude.isDouble()) {
        fields.warn("location_information", "expected numbers latitude and longitude; ignored",
                    location.json(120));
        return;
    }
    p.latitude = latitude.toDouble();
    p.longitude = longitude.toDouble();
    checkCoordinates(sink, line, p.latitude, p.longitude);
}

} // namespace

TelegramMessageResult readTelegramMessage(const JsonObject &message, const TelegramChat &chat,
                                          RecordSink &sink, std::int64_t line)
{
    const JsonFields fields(sink, line);
    using Kind = TelegramMessageResult::Kind;
    TelegramMessageResult result;
    const auto reject = [&](std::string field, std::string problem) {
        result.kind = Kind::Rejected;
        result.field = std::move(field);
        result.problem = std::move(problem);
        return result;
    };

    const JsonValue type = message.value("type");
    if (type.isString() && type.toString() != "message") {
        if (type.toString() == "service")
            result.kind = Kind::Service;
        else if (type.toString() == "unsupported")
            result.kind = Kind::Unsupported;
        else
            return reject(fields.name("type"), "unknown message type '" +
                                                   std::string(type.toString().substr(0, 40)) +
                                                   "' (expected message, service or unsupported)");
        return result;
    }
    if (!isAbsent(type) && !type.isString())
        return reject(fields.name("type"), "expected a message type string");

    std::string problem;
    const std::optional<std::string> id = fields.requiredId(message, "id", problem);
    if (!id)
        return reject(fields.name("id"), problem);
    if (chat.id.empty())
        return reject("chat.id", "the chat has no id before its messages (message ids are "
                                 "unique only within a chat)");

    PostRecord p;
    p.platform = "telegram";
    p.platformId = chat.id + "/" + *id;
    p.line = line;

    const JsonValue unix = message.value("date_unixtime");
    if (!isAbsent(unix)) {
        const std::optional<std::int64_t> when = unixTime(unix);
        if (!when)
            return reject(fields.name("date_unixtime"),
                          "unrecognised epoch seconds " + excerptOf(unix).substr(0, 40));
        p.createdAt = *when;
    } else {
        const std::optional<std::int64_t> when = fields.requiredTime(message, "date", problem);
        if (!when)
            return reject(fields.name("date"), problem);
        p.createdAt = *when;
        result.localTime = true;
    }

    p.author.platform = "telegram";
    const JsonValue from = message.value("from_id");
    if (!isAbsent(from)) {
        const std::optional<std::string> author = fields.requiredId(message, "from_id", problem);
        if (!author)
            return reject(fields.name("from_id"), problem);
        // Exports before 2021 wrote the user id as a number; later ones write "user<N>".
        p.author.platformId = from.isDouble() ? "user" + *author : *author;
        p.author.displayName = fields.text(message, "from");
    } else if (chat.isChannel) {
        // Older exports give a channel's own posts no from_id: they are the channel's.
        p.author.platformId = "channel" + chat.id;
        p.author.displayName = fields.text(message, "from");
        if (p.author.displayName.empty())
            p.author.displayName = chat.name;
    } else {
        return reject(fields.name("from_id"), "missing author id");
    }

    p.text = plainText(message, fields, line, sink);
    const JsonValue entities = message.value("text_entities");
    if (entities.isArray())
        readEntities(entities.toArray(), p);
    else if (!isAbsent(entities))
        fields.warn("text_entities", "expected an array; ignored", excerptOf(entities));
    else if (const JsonValue text = message.value("text"); text.isArray())
        readEntities(text.toArray(), p); // old exports: the entities are the text's parts

    const std::string replyId = fields.id(message, "reply_to_message_id");
    if (!replyId.empty()) {
        const std::string peer = fields.id(message, "reply_to_peer_id");
        p.replyTo = (peer.empty() ? chat.id : barePeerId(peer)) + "/" + replyId;
        p.kind = PostKind::Reply;
    }
    readLocation(message, fields, line, sink, p);

    result.kind = Kind::Post;
    result.post = std::move(p);
    return result;
}

} // namespace chorus
