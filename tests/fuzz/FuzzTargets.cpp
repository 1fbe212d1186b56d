#include "FuzzTargets.h"

#include "geo/LocationResolver.h"
#include "import/HtmlText.h"
#include "import/ImportRunner.h"
#include "import/Importer.h"
#include "import/RecordChecks.h"
#include "import/input/ImportInput.h"
#include "text/TextCleaner.h"
#include "text/TimeParser.h"
#include "text/UrlNormalizer.h"

#include <QBuffer>
#include <QDir>
#include <QFile>

#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <unistd.h>
#include <utility>

namespace chorus::fuzz {

namespace {

// A broken invariant is reported like a crash, so that the fuzzer keeps the input. The value
// is shown with its control and non-ASCII bytes escaped.
void require(bool holds, const char *what, std::string_view value = {})
{
    if (holds)
        return;
    std::string shown;
    for (const char c : value.substr(0, 200)) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x20 && byte < 0x7F) {
            shown += c;
        } else {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\x%02X", byte);
            shown += escaped;
        }
    }
    std::fprintf(stderr, "fuzz invariant broken: %s: '%s'\n", what, shown.c_str());
    std::abort();
}

// Every text the engine keeps is valid UTF-8 without NUL bytes (TextCleaner's promise).
void requireCleanText(std::string_view text, const char *what)
{
    require(isValidUtf8(text) && text.find('\0') == std::string_view::npos, what, text);
}

// Checks every record an importer hands on; stores nothing.
class CheckingSink final : public RecordSink, public ProgressSink
{
public:
    void post(PostRecord &&post) override
    {
        if (admitRecord(post))
            return; // rejected by PostWriter, as it would be in an import
        const std::pair<const char *, const std::string *> fields[] = {
            {"post platform", &post.platform},
            {"post id", &post.platformId},
            {"post text", &post.text},
            {"post language", &post.language},
            {"post reply_to", &post.replyTo},
            {"post repost_of", &post.repostOf},
            {"post quote_of", &post.quoteOf},
            {"post place", &post.place},
            {"post place country", &post.placeCountry}};
        for (const auto &[name, field] : fields)
            requireCleanText(*field, name);
        require(!post.platform.empty(), "post has a platform");
        require(!post.platformId.empty(), "post has an id");
        for (const auto *list : {&post.urls, &post.hashtags, &post.mentions, &post.editHistory})
            for (const std::string &item : *list)
                requireCleanText(item, "post list item is clean UTF-8");
        requireAccount(post.author);
    }
    void account(AccountRecord &&account) override
    {
        if (admitRecord(account))
            return; // as above
        requireAccount(account);
    }
    void reject(std::int64_t line, std::string_view field, std::string_view reason,
                std::string_view) override
    {
        requireIssue(line, field, reason);
    }
    void warn(std::int64_t line, std::string_view field, std::string_view reason,
              std::string_view) override
    {
        requireIssue(line, field, reason);
    }
    void progress(std::int64_t, std::int64_t) override {}

private:
    static void requireAccount(const AccountRecord &account)
    {
        const std::pair<const char *, const std::string *> fields[] = {
            {"account platform", &account.platform}, {"account id", &account.platformId},
            {"account handle", &account.handle},     {"account name", &account.displayName},
            {"account location", &account.location}, {"account bio", &account.bio},
            {"account language", &account.language}};
        for (const auto &[name, field] : fields)
            requireCleanText(*field, name);
    }
    static void requireIssue(std::int64_t line, std::string_view field, std::string_view reason)
    {
        require(line >= 0, "a problem's line is not negative");
        require(!field.empty(), "a problem names its field");
        // Messages quote at most a short excerpt of the input.
        require(reason.size() <= 400, "a problem's reason is short", reason);
    }
};

// Decoders read files: the input goes to a private file in a RAM-backed folder if there is one.
std::string scratchFile()
{
    static const std::string path = [] {
        const QString dir = QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm")
                                                                      : QDir::tempPath();
        return (dir + QStringLiteral("/chorus-fuzz-%1.bin").arg(::getpid())).toStdString();
    }();
    return path;
}

} // namespace

void importBytes(const std::string &format, const std::uint8_t *data, std::size_t size)
{
    auto importer = importerByName(format);
    require(importer != nullptr, "the format exists", format);
    QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    ImportOptions options;
    options.format = format;
    if (format == "csv") // the generic table needs its columns named: those of the fixture
        options.mapping = {{"author", "user"},        {"time", "when"},
                           {"text", "message"},       {"post_id", "post"},
                           {"handle", "screen_name"}, {"repost_of", "retweet_of"},
                           {"url", "links"},          {"hashtag", "tags"},
                           {"location", "place"},     {"created", "joined"}};
    CheckingSink sink;
    const Status read = importer->read(buffer, "fuzz-input", options, sink, sink);
    if (!read)
        require(read.error().message.size() <= 600, "a fatal error is short", read.error().message);
}

void detectBytes(const std::uint8_t *data, std::size_t size)
{
    const std::string_view head(reinterpret_cast<const char *>(data), size);
    for (const auto &importer : allImporters()) {
        const int score = importer->detect(head);
        require(score >= 0 && score <= 100, "a detection score is within 0..100");
    }
}

void decompressBytes(const std::uint8_t *data, std::size_t size)
{
    const std::string path = scratchFile();
    {
        QFile file(QString::fromStdString(path));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            std::abort();
        file.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    auto units = listImportUnits(path);
    if (units) {
        for (const ImportUnit &unit : units->units) {
            auto input = ImportInput::open(unit);
            if (!input)
                continue;
            QIODevice &device = input.value()->device();
            char chunk[1 << 14];
            std::int64_t decoded = 0;
            // Bounded: a small input that unpacks to gigabytes is not what is looked for here.
            while (decoded < (64 << 20)) {
                const qint64 got = device.read(chunk, sizeof chunk);
                if (got <= 0)
                    break;
                decoded += got;
            }
            // A compressed file's progress runs through its own bytes; a ZIP member's through
            // the size its header states, which a damaged archive may understate.
            const std::int64_t done = input.value()->done();
            require(done >= 0, "progress is not negative");
            if (unit.memberIndex < 0)
                require(done <= input.value()->total(), "progress stays within the file");
            input.value()->finish(false);
        }
    }
    QFile::remove(QString::fromStdString(path));
}

void resolveLocationBytes(const std::uint8_t *data, std::size_t size)
{
    static const std::shared_ptr<const Gazetteer> gazetteer = [] {
        auto loaded = Gazetteer::standard();
        if (!loaded) {
            std::fprintf(stderr, "fuzz: no gazetteer: %s\n", loaded.error().message.c_str());
            std::abort();
        }
        return loaded.value();
    }();
    static const LocationResolver resolver(gazetteer);
    const ResolvedLocation where =
        resolver.resolve(std::string_view(reinterpret_cast<const char *>(data), size));
    require(where.confidence >= 0 && where.confidence <= 1, "confidence within 0..1");
    require(where.country.empty() || where.country.size() == 2, "country is alpha-2",
            where.country);
    if (where.lat)
        require(*where.lat >= -90 && *where.lat <= 90 && where.lon && *where.lon >= -180 &&
                    *where.lon <= 180,
                "coordinates on the globe");
    requireCleanText(where.city, "city is clean UTF-8");
    requireCleanText(where.admin1, "region is clean UTF-8");
}

void textBytes(const std::uint8_t *data, std::size_t size)
{
    const std::string_view raw(reinterpret_cast<const char *>(data), size);
    const std::string cleaned = cleanText(raw);
    requireCleanText(cleaned, "cleanText gives clean UTF-8");
    requireCleanText(cleanText(htmlToText(raw)), "HTML text cleaned");
    const HtmlText html = convertHtml(raw);
    (void)html;
    (void)decodeHtmlEntities(raw);
    (void)normalizeUrl(raw);
    if (const auto time = parseTimestamp(raw))
        (void)formatTimestamp(*time);
}

std::vector<std::string> targetNames()
{
    std::vector<std::string> names;
    for (const std::string &format : importerNames())
        names.push_back("import-" + format);
    for (const char *other : {"detect", "decompress", "location", "text"})
        names.emplace_back(other);
    return names;
}

bool runTarget(const std::string &target, const std::uint8_t *data, std::size_t size)
{
    if (target.starts_with("import-"))
        importBytes(target.substr(7), data, size);
    else if (target == "detect")
        detectBytes(data, size);
    else if (target == "decompress")
        decompressBytes(data, size);
    else if (target == "location")
        resolveLocationBytes(data, size);
    else if (target == "text")
        textBytes(data, size);
    else
        return false;
    return true;
}

} // namespace chorus::fuzz
