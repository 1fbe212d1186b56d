#include "import/telegram/TelegramImporter.h"

#include "import/JsonArrayStream.h"
#include "import/JsonSupport.h"
#include "import/telegram/TelegramMessage.h"
#include "text/TextCleaner.h"

namespace chorus {

namespace {

// The chat from the members that tdesktop writes before `messages`: name, type, id.
TelegramChat chatOf(const JsonObject &context)
{
    TelegramChat chat;
    const JsonValue id = context.value("id");
    if (const std::optional<std::int64_t> number = id.toInteger())
        chat.id = std::to_string(*number);
    else if (id.isString())
        chat.id = std::string(trimmed(id.toStdString()));
    chat.name = cleanText(context.value("name").toStdString());
    const std::string_view type = context.value("type").toString();
    chat.isChannel = type == "public_channel" || type == "private_channel";
    return chat;
}

// Messages of one kind that are counted rather than reported one by one.
struct Tally
{
    std::int64_t count = 0;
    std::int64_t firstLine = 0;
    std::string first; // the first one's platform id, when it has one

    void add(std::int64_t line, const std::string &id = {})
    {
        if (count++ == 0) {
            firstLine = line;
            first = id;
        }
    }
};

std::string counted(std::int64_t n, const char *what)
{
    return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
}

bool startsWithObject(std::string_view head)
{
    if (head.substr(0, 3) == "\xEF\xBB\xBF")
        head.remove_prefix(3);
    const size_t start = head.find_first_not_of(" \t\r\n");
    return start != std::string_view::npos && head[start] == '{';
}

} // namespace

int TelegramImporter::detect(std::string_view head) const
{
    const JsonHead json = readJsonHead(head);
    if (!json.isJson || !startsWithObject(head)) // result.json is always one object
        return 0;
    if (json.complete) {
        const JsonObject &root = json.first;
        if (root.value("messages").isArray() && root.contains("type") && root.contains("id"))
            return 95;
        const JsonObject chats = root.value("chats").toObject();
        if (chats.value("list").isArray() ||
            (root.contains("about") && root.contains("personal_information")))
            return 95;
    }
    // result.json is pretty-printed, so its head is never one complete line: the keys are
    // looked for anywhere. The head may end inside the first chat, or in the sections
    // (contacts, sessions, ...) that a full export writes before its chats.
    if (json.hasKeyAnywhere("messages") &&
        (json.hasKeyAnywhere("date_unixtime") ||
         (json.hasKeyAnywhere("date") &&
          (json.hasKeyAnywhere("from_id") || json.hasKeyAnywhere("actor_id")))))
        return 95;
    // An old channel export: no from_id, no date_unixtime.
    if (json.hasKeyAnywhere("messages") && json.hasKeyAnywhere("date") &&
        (json.hasStringMember("type", "message\"") || json.hasStringMember("type", "service\"")))
        return 90;
    if (json.hasKeyAnywhere("about") &&
        (json.hasKeyAnywhere("personal_information") || json.hasKeyAnywhere("frequent_contacts") ||
         json.hasKeyAnywhere("left_chats")))
        return 90;
    // A long contact list ({about, list: [{user_id, first_name, phone_number, ...}]}) first.
    if (json.hasKeyAnywhere("about") && json.hasKeyAnywhere("contacts") &&
        json.hasKeyAnywhere("phone_number") && json.hasKeyAnywhere("date_unixtime"))
        return 85;
    return 0;
}

Status TelegramImporter::read(QIODevice &in, const std::string &, const ImportOptions &,
                              RecordSink &sink, ProgressSink &progress)
{
    static const std::vector<std::string> paths = {"messages", "chats.list.messages",
                                                   "left_chats.list.messages"};
    Tally service, unsupported, localTime;
    const Status status =
        readJsonArraysAt(in, paths, sink, progress, [&](const JsonArrayElement &element) {
            TelegramMessageResult result =
                readTelegramMessage(element.object, chatOf(element.context), sink, element.line);
            switch (result.kind) {
            case TelegramMessageResult::Kind::Post:
                if (result.localTime)
                    localTime.add(element.line, result.post->platformId);
                sink.post(std::move(*result.post));
                break;
            case TelegramMessageResult::Kind::Service:
                service.add(element.line);
                break;
            case TelegramMessageResult::Kind::Unsupported:
                unsupported.add(element.line);
                break;
            case TelegramMessageResult::Kind::Rejected:
                sink.reject(element.line, result.field, result.problem,
                            jsonExcerpt(element.object));
                break;
            }
        });
    if (!status)
        return status;
    // One warning each, at the line of the first one, rather than one per message.
    if (service.count)
        sink.warn(service.firstLine, "type",
                  counted(service.count, "service message") +
                      " (joins, pins, calls, title changes, ...) skipped: "
                      "they are not posts",
                  {});
    if (unsupported.count)
        sink.warn(unsupported.firstLine, "type",
                  counted(unsupported.count, "unsupported message") +
                      " skipped: the export left out their content",
                  {});
    if (localTime.count)
        sink.warn(localTime.firstLine, "date",
                  counted(localTime.count, "message") +
                      " without date_unixtime (an export from before 2021): their "
                      "'date' is the local time of the exporting machine, with no zone, and "
                      "was read as UTC, so it is off by that machine's UTC offset; first: "
                      "message " +
                      localTime.first,
                  {});
    return status;
}

} // namespace chorus
