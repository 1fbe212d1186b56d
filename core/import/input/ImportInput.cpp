#include "import/input/ImportInput.h"

#include "common/Progress.h"
#include "common/Sha256.h"
#include "import/input/Decoder.h"
#include "text/TextCleaner.h"

#include <archive.h>
#include <archive_entry.h>

#include <QFile>
#include <QFileInfo>
#include <QIODevice>

#include <algorithm>
#include <array>

namespace chorus {

namespace {

std::string fileNameOf(const std::string &path)
{
    return QFileInfo(QString::fromStdString(path)).fileName().toStdString();
}

// A member's name as messages and the case show it: names in an archive are untrusted bytes.
std::string shownMemberName(std::string_view raw)
{
    std::string name = cleanText(raw.substr(0, 200));
    for (char &c : name)
        if (static_cast<unsigned char>(c) < 0x20 || c == '\x7f')
            c = '?';
    return name.empty() ? std::string("(unnamed)") : name;
}

// Members of an export archive that are never post collections: media the platforms put
// beside the data (Telegram's photos, X's tweets_media), HTML views, macOS metadata.
bool isSkippedMember(const std::string &member)
{
    const std::string base = member.substr(member.find_last_of('/') + 1);
    if (base.empty() || base.front() == '.' || member.starts_with("__MACOSX/"))
        return true;
    static constexpr std::array media = {
        "jpg", "jpeg", "png",  "gif",  "webp", "heic", "bmp",  "tif",   "tiff", "svg", "ico",
        "mp4", "mov",  "webm", "mkv",  "avi",  "m4v",  "mp3",  "m4a",   "ogg",  "oga", "opus",
        "wav", "tgs",  "pdf",  "html", "htm",  "css",  "woff", "woff2", "ttf"};
    const size_t dot = base.find_last_of('.');
    if (dot == std::string::npos)
        return false;
    std::string extension = base.substr(dot + 1);
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return std::find(media.begin(), media.end(), extension) != media.end();
}

Result<Compression> compressionOf(const std::string &path)
{
    QFile file(QString::fromStdString(path));
    if (QFileInfo(file).isDir())
        return Error{fileNameOf(path) + ": is a folder, not a file"};
    if (!file.open(QIODevice::ReadOnly))
        return Error{fileNameOf(path) + ": " + file.errorString().toStdString()};
    const QByteArray head = file.read(16);
    return detectCompression(std::string_view(head.constData(), size_t(head.size())));
}

} // namespace

std::string ImportUnit::name() const
{
    return memberIndex < 0 ? fileNameOf(path) : fileNameOf(path) + ":" + member;
}

Result<ImportUnits> listImportUnits(const std::string &path)
{
    auto compression = compressionOf(path);
    if (!compression)
        return compression.error();
    ImportUnits found;
    if (compression.value() != Compression::Zip) {
        found.units.push_back({path, {}});
        return found;
    }
    std::unique_ptr<archive, decltype(&archive_read_free)> zip(archive_read_new(),
                                                               &archive_read_free);
    archive_read_support_format_zip(zip.get());
    const auto damaged = [&] {
        const char *why = archive_error_string(zip.get());
        return Error{fileNameOf(path) + ": the ZIP archive cannot be read (" +
                     (why ? why : "unknown error") + ")"};
    };
    if (archive_read_open_filename(zip.get(), path.c_str(), 1 << 16) != ARCHIVE_OK)
        return damaged();
    archive_entry *entry = nullptr;
    for (int index = 0;; ++index) {
        const int next = archive_read_next_header(zip.get(), &entry);
        if (next == ARCHIVE_EOF)
            break;
        if (next < ARCHIVE_WARN)
            return damaged();
        if (archive_entry_filetype(entry) != AE_IFREG)
            continue; // folders and links hold nothing to import
        const char *utf8 = archive_entry_pathname_utf8(entry);
        const char *raw = archive_entry_pathname(entry);
        const std::string member = shownMemberName(utf8 ? utf8 : raw ? raw : "");
        if (isSkippedMember(member))
            found.skipped.push_back(member);
        else
            found.units.push_back({path, member, index});
    }
    return found;
}

// The decompressed bytes as a sequential read-only device, hashed as they pass when asked.
class ImportInput::DecodedDevice final : public QIODevice
{
public:
    DecodedDevice(std::unique_ptr<Decoder> decoder, bool hash)
        : m_decoder(std::move(decoder)), m_hash(hash)
    {}
    bool isSequential() const override { return true; }
    const Decoder &decoder() const { return *m_decoder; }
    bool failed() const { return m_failed; }
    Sha256 &hash() { return m_sha256; }
    bool ended() const { return m_ended; }

protected:
    // Fills the request whole unless the stream ends: readers take a short chunk as the end.
    qint64 readData(char *data, qint64 maxSize) override
    {
        qint64 filled = 0;
        while (filled < maxSize && !m_ended) {
            const std::int64_t got = m_decoder->read(data + filled, maxSize - filled);
            if (got < 0) {
                m_failed = true;
                m_ended = true;
                setErrorString(QString::fromStdString(m_decoder->failure().message));
            } else if (got == 0) {
                m_ended = true;
            } else {
                if (m_hash)
                    m_sha256.addData(data + filled, size_t(got));
                filled += got;
            }
        }
        return filled;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    std::unique_ptr<Decoder> m_decoder;
    bool m_hash;
    Sha256 m_sha256;
    bool m_failed = false;
    bool m_ended = false;
};

Result<std::unique_ptr<ImportInput>> ImportInput::open(const ImportUnit &unit)
{
    auto compression = compressionOf(unit.path);
    if (!compression)
        return compression.error();
    std::unique_ptr<ImportInput> input(new ImportInput);
    input->m_compression = compression.value();
    if (input->m_compression == Compression::None) {
        auto file = std::make_unique<QFile>(QString::fromStdString(unit.path));
        if (!file->open(QIODevice::ReadOnly))
            return Error{unit.name() + ": " + file->errorString().toStdString()};
        input->m_device = std::move(file);
        return input;
    }
    if (input->m_compression == Compression::Zip && unit.memberIndex < 0)
        return Error{unit.name() + ": is a ZIP archive: its members are imported one by one"};
    auto decoder = input->m_compression == Compression::Zstd ? openZstdDecoder(unit.path)
                   : input->m_compression == Compression::Gzip
                       ? openGzipDecoder(unit.path)
                       : openArchiveDecoder(unit.path, unit.memberIndex);
    if (!decoder)
        return Error{unit.name() + ": " + decoder.error().message};
    auto device =
        std::make_unique<DecodedDevice>(std::move(decoder.value()), unit.memberIndex >= 0);
    device->open(QIODevice::ReadOnly);
    input->m_decoded = device.get();
    input->m_device = std::move(device);
    return input;
}

ImportInput::~ImportInput() = default;

std::int64_t ImportInput::done() const
{
    return m_decoded ? m_decoded->decoder().done() : m_device->pos();
}

std::int64_t ImportInput::total() const
{
    return m_decoded ? m_decoded->decoder().total() : m_device->size();
}

ImportInput::Outcome ImportInput::finish(bool drain, ProgressSink *progress)
{
    if (!m_decoded)
        return {};
    QByteArray rest(1 << 16, Qt::Uninitialized);
    while (drain && !m_decoded->ended()) {
        if (progress) {
            if (progress->isCancelled())
                return {false, false, {}, true, {}};
            progress->progress(done(), total());
        }
        m_decoded->read(rest.data(), rest.size());
    }
    const bool failed = m_decoded->failed();
    const Decoder::Failure &failure = m_decoded->decoder().failure();
    // A member cut off at the end keeps what came before: its hash is of those bytes.
    if (m_compression == Compression::Zip && m_decoded->ended() && (!failed || failure.cutOff))
        m_memberSha256 = m_decoded->hash().hexDigest();
    if (!failed)
        return {false, false, {}, false, m_decoded->decoder().note()};
    return {true, failure.cutOff, failure.message, false, m_decoded->decoder().note()};
}

} // namespace chorus
