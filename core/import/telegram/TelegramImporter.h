#pragma once

#include "import/Importer.h"

namespace chorus {

// Telegram Desktop's JSON export (result.json): one chat ({name, type, id, messages}) or a
// full export whose chats are under chats.list[] and left_chats.list[]. The file is one JSON
// document, streamed message by message (core/import/JsonArrayStream). Service and
// unsupported messages are not posts: they are skipped and counted in one warning each.
class TelegramImporter final : public Importer
{
public:
    std::string name() const override { return "telegram"; }
    std::string description() const override
    {
        return "Telegram Desktop JSON export (result.json: one chat, or a full export)";
    }
    int detect(std::string_view head) const override;
    Status read(QIODevice &in, const std::string &fileName, const ImportOptions &options,
                RecordSink &sink, ProgressSink &progress) override;
};

} // namespace chorus
