// TelegramSample: a seeded Telegram Desktop full export for bench_platform_import.
#include "TelegramSample.h"

#include "Random.h"
#include "SampleJson.h"
#include "TextPools.h"

#include "text/TimeParser.h"

#include <cmath>
#include <cstdio>
#include <memory>
#include <vector>

namespace chorus::bench {

namespace {

constexpr int Chats = 8;                   // the last one is a chat the user left
constexpr std::uint64_t Accounts = 100000; // users posting in the groups
constexpr std::int64_t Start = 1677628800; // 2023-03-01T00:00:00Z

struct Chat
{
    std::string name;
    const char *type;
    std::int64_t id;
    bool channel;
};

Chat chatAt(int index)
{
    static const char *const types[] = {"public_channel", "public_supergroup", "private_supergroup",
                                        "private_channel"};
    Chat chat;
    chat.type = types[index % 4];
    chat.channel = index % 4 == 0 || index % 4 == 3;
    chat.id = 1000000000 + std::int64_t(index) * 7919;
    chat.name = std::string(chat.channel ? "Canal " : "Groupe ") + std::to_string(index + 1) +
                " \xE2\x80\x94 nouvelles";
    return chat;
}

// Display name of a user, the same for the same index.
std::string userName(std::uint64_t seed, std::uint64_t user)
{
    Random random(Random::derive(seed, user));
    return std::string(pickFrom(random, pools::firstNames())) + " " +
           pickFrom(random, pools::lastNames());
}

std::string localDate(std::int64_t t)
{
    // tdesktop writes the exporting machine's local time; this machine is at UTC+1.
    const CivilTime c = civilFromEpoch(t + 3600);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d", c.year, c.month, c.day,
                  c.hour, c.minute, c.second);
    return buffer;
}

// One part of a text array and its text_entities twin.
struct Part
{
    const char *type; // "plain" for a bare string
    std::string text;
    std::string href;
};

class ChatWriter
{
public:
    ChatWriter(std::FILE *out, std::uint64_t seed, const Chat &chat, int chatIndex)
        : m_out(out), m_seed(seed), m_random(Random::derive(seed, 0x7e1e + chatIndex)),
          m_chat(chat), m_time(Start + chatIndex * 600)
    {}

    bool write(std::int64_t messages, bool first)
    {
        std::string &o = m_buffer;
        o = first ? "\n  {\n" : ",\n  {\n";
        if (!m_chat.name.empty()) {
            o += "   \"name\": ";
            appendJsonString(o, m_chat.name);
            o += ",\n";
        }
        o += "   \"type\": \"" + std::string(m_chat.type) +
             "\",\n   \"id\": " + std::to_string(m_chat.id) + ",\n   \"messages\": [";
        for (std::int64_t i = 0; i < messages; ++i) {
            if (m_random.chance(0.015))
                service();
            message();
            if (o.size() > (1 << 20) && !flush())
                return false;
        }
        o += "\n   ]\n  }";
        return flush();
    }

private:
    bool flush()
    {
        const bool ok = std::fwrite(m_buffer.data(), 1, m_buffer.size(), m_out) == m_buffer.size();
        m_buffer.clear();
        return ok;
    }

    void begin(const char *type)
    {
        m_time += m_random.chance(0.2) ? 0 : std::int64_t(m_random.exponential(25.0));
        std::string &o = m_buffer;
        o += m_messages++ ? ",\n    {\n" : "\n    {\n";
        o += "     \"id\": " + std::to_string(m_messages) + ",\n     \"type\": \"" + type +
             "\",\n     \"date\": \"" + localDate(m_time) + "\",\n     \"date_unixtime\": \"" +
             std::to_string(m_time) + "\",\n";
    }

    void member(const char *key, const std::string &value)
    {
        m_buffer += "     \"";
        m_buffer += key;
        m_buffer += "\": ";
        appendJsonString(m_buffer, value);
        m_buffer += ",\n";
    }

    void service()
    {
        begin("service");
        const std::uint64_t user = m_random.below(Accounts);
        member("actor", userName(m_seed, user));
        member("actor_id", "user" + std::to_string(user + 1));
        member("action", "join_group_by_link");
        m_buffer += "     \"text\": \"\",\n     \"text_entities\": []\n    }";
    }

    void message()
    {
        begin("message");
        if (m_random.chance(0.05)) {
            const std::int64_t edited = m_time + m_random.between(30, 3600);
            member("edited", localDate(edited));
            member("edited_unixtime", std::to_string(edited));
        }
        if (m_chat.channel) {
            member("from", m_chat.name);
            member("from_id", "channel" + std::to_string(m_chat.id));
        } else {
            // Few accounts post most messages.
            const auto user = std::uint64_t(std::pow(m_random.real(), 2.5) * double(Accounts));
            if (m_random.chance(0.01))
                m_buffer += "     \"from\": null,\n"; // a deleted account
            else
                member("from", userName(m_seed, user));
            member("from_id", "user" + std::to_string(user + 1));
        }
        if (m_random.chance(0.1))
            member("forwarded_from", chatAt(int(m_random.below(Chats))).name);
        if (m_messages > 1 && m_random.chance(0.15)) {
            m_buffer += "     \"reply_to_message_id\": " +
                        std::to_string(m_random.between(std::max<std::int64_t>(1, m_messages - 50),
                                                        m_messages - 1)) +
                        ",\n";
            if (m_random.chance(0.1))
                member("reply_to_peer_id", "channel" + std::to_string(chatAt(0).id));
        }
        if (m_random.chance(0.005))
            m_buffer += "     \"location_information\": {\n      \"latitude\": 46.81" +
                        std::to_string(m_random.below(100)) + ",\n      \"longitude\": -71.2" +
                        std::to_string(m_random.below(100)) + "\n     },\n";
        writeText();
        m_buffer += "\n    }";
    }

    std::vector<Part> parts()
    {
        std::vector<Part> parts;
        const bool french = m_random.chance(0.3);
        parts.push_back({"plain", organicText(m_random, french), {}});
        if (m_random.chance(0.55))
            return parts;
        parts.back().text += ' ';
        parts.push_back(
            {"hashtag", "#" + std::string(pickFrom(m_random, pools::organicHashtags())), {}});
        if (m_random.chance(0.5)) {
            parts.push_back({"plain", " ", {}});
            parts.push_back({"link",
                             "https://" + std::string(pickFrom(m_random, pools::newsSites())) +
                                 "/article/" + std::to_string(m_random.below(50000)),
                             {}});
        }
        if (m_random.chance(0.3)) {
            parts.push_back({"plain", " cc ", {}});
            parts.push_back({"mention", "@user" + std::to_string(m_random.below(Accounts)), {}});
        }
        if (m_random.chance(0.2))
            parts.push_back({"text_link", m_random.chance(0.3) ? "" : " ici",
                             "https://t.me/c/" + std::to_string(m_chat.id) + "/" +
                                 std::to_string(m_random.below(10000))});
        return parts;
    }

    void writeText()
    {
        const std::vector<Part> text = parts();
        std::string &o = m_buffer;
        if (text.size() == 1) {
            o += "     \"text\": ";
            appendJsonString(o, text[0].text);
        } else {
            o += "     \"text\": [";
            for (size_t i = 0; i < text.size(); ++i) {
                o += i ? ",\n      " : "\n      ";
                if (std::string_view(text[i].type) == "plain") {
                    appendJsonString(o, text[i].text);
                    continue;
                }
                object(text[i], "      ");
            }
            o += ",\n      \"\"\n     ]"; // tdesktop often ends the array with ""
        }
        o += ",\n     \"text_entities\": [";
        for (size_t i = 0; i < text.size(); ++i) {
            o += i ? ",\n      " : "\n      ";
            object(text[i], "      ");
        }
        o += "\n     ]";
    }

    void object(const Part &part, const char *indent)
    {
        std::string &o = m_buffer;
        o += "{\n";
        o += indent;
        o += " \"type\": \"" + std::string(part.type) + "\",\n";
        o += indent;
        o += " \"text\": ";
        appendJsonString(o, part.text);
        if (!part.href.empty()) {
            o += ",\n";
            o += indent;
            o += " \"href\": ";
            appendJsonString(o, part.href);
        }
        o += "\n";
        o += indent;
        o += "}";
    }

    std::FILE *m_out;
    std::uint64_t m_seed;
    Random m_random;
    Chat m_chat;
    std::int64_t m_time;
    std::int64_t m_messages = 0;
    std::string m_buffer;
};

} // namespace

bool writeTelegramSample(const std::string &path, std::int64_t records, std::uint64_t seed)
{
    std::unique_ptr<std::FILE, int (*)(std::FILE *)> file(std::fopen(path.c_str(), "wb"),
                                                          &std::fclose);
    if (!file)
        return false;
    std::FILE *out = file.get();
    const char header[] =
        "{\n \"about\": \"Here is the data you requested. Remember: Telegram is ad free, it "
        "doesn't collect your data for advertising.\",\n \"personal_information\": {\n  "
        "\"user_id\": 1,\n  \"first_name\": \"Bench\",\n  \"last_name\": \"Sample\",\n  "
        "\"phone_number\": \"+1 555 0100\"\n },\n \"chats\": {\n  \"about\": \"This page lists "
        "all chats from this export.\",\n  \"list\": [";
    if (std::fputs(header, out) < 0)
        return false;
    for (int c = 0; c < Chats; ++c) {
        const std::int64_t messages = records / Chats + (c == Chats - 1 ? records % Chats : 0);
        if (c == Chats - 1 &&
            std::fputs("\n  ]\n },\n \"left_chats\": {\n  \"about\": \"This page lists all "
                       "supergroups and channels from this export that you've left.\",\n  "
                       "\"list\": [",
                       out) < 0)
            return false;
        if (!ChatWriter(out, seed, chatAt(c), c).write(messages, c == 0 || c == Chats - 1))
            return false;
    }
    if (std::fputs("\n  ]\n }\n}\n", out) < 0)
        return false;
    return std::fclose(file.release()) == 0;
}

} // namespace chorus::bench
