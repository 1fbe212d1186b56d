#include "import/input/Decoder.h"

#include <archive.h>
#include <archive_entry.h>

#include <QFileInfo>

#include <algorithm>

namespace chorus {

namespace {

constexpr std::size_t BlockSize = 1 << 16;

std::string errorText(archive *archive)
{
    const char *why = archive_error_string(archive);
    return why ? why : "the compressed data cannot be read";
}

class ArchiveDecoder final : public Decoder
{
public:
    ArchiveDecoder() : m_archive(archive_read_new()) {}
    ~ArchiveDecoder() override { archive_read_free(m_archive); }
    ArchiveDecoder(const ArchiveDecoder &) = delete;
    ArchiveDecoder &operator=(const ArchiveDecoder &) = delete;

    Status open(const std::string &path, int memberIndex)
    {
        if (!m_archive)
            return Error{"out of memory for libarchive"};
        m_fileSize = QFileInfo(QString::fromStdString(path)).size();
        const bool member = memberIndex >= 0;
        if (!member) {
            archive_read_support_filter_bzip2(m_archive);
            archive_read_support_filter_xz(m_archive);
            archive_read_support_format_raw(m_archive);
        } else {
            archive_read_support_format_zip(m_archive);
        }
        if (archive_read_open_filename(m_archive, path.c_str(), BlockSize) != ARCHIVE_OK) {
            if (member)
                return Error{errorText(m_archive)};
            // A compressed file is decoded from here on: a small one that is damaged or cut
            // off fails already. read() reports it like a failure further on.
            setFailure();
            return {};
        }
        archive_entry *entry = nullptr;
        for (int index = 0;; ++index) {
            const int next = archive_read_next_header(m_archive, &entry);
            if (next == ARCHIVE_EOF)
                return Error{"the archive has no member number " + std::to_string(memberIndex)};
            if (next < ARCHIVE_WARN && !member) {
                setFailure(); // as above
                return {};
            }
            if (next < ARCHIVE_WARN)
                return Error{errorText(m_archive)};
            if (!member || index == memberIndex)
                break;
        }
        if (member) {
            if (archive_entry_is_encrypted(entry))
                return Error{"the member is encrypted in the archive; extract it first"};
            m_memberSize = archive_entry_size_is_set(entry) ? archive_entry_size(entry) : 0;
        }
        return {};
    }

    std::int64_t read(char *data, std::int64_t size) override
    {
        if (m_failed)
            return -1;
        const la_ssize_t got = archive_read_data(m_archive, data, std::size_t(size));
        if (got >= 0) {
            m_decoded += got;
            return got;
        }
        setFailure();
        return -1;
    }

    // A member: its decompressed bytes of its size; a compressed file: its bytes read.
    std::int64_t done() const override
    {
        // libarchive says -1 before its first read and after a failed opening.
        return m_memberSize > 0 ? m_decoded
                                : std::max<std::int64_t>(0, archive_filter_bytes(m_archive, -1));
    }
    std::int64_t total() const override { return m_memberSize > 0 ? m_memberSize : m_fileSize; }

private:
    void setFailure()
    {
        // libarchive has no code of its own for a cut-off input: the input was used up. (It
        // drops the block it was filling, up to 64 KiB of decoded data before the cut.)
        const bool cutOff = m_memberSize == 0 && archive_filter_bytes(m_archive, -1) >= m_fileSize;
        fail(errorText(m_archive), cutOff);
        m_failed = true;
    }

    archive *m_archive;
    bool m_failed = false;
    std::int64_t m_fileSize = 0;
    std::int64_t m_memberSize = 0;
    std::int64_t m_decoded = 0;
};

} // namespace

Result<std::unique_ptr<Decoder>> openArchiveDecoder(const std::string &path, int memberIndex)
{
    auto decoder = std::make_unique<ArchiveDecoder>();
    const Status opened = decoder->open(path, memberIndex);
    return openedDecoder(std::move(decoder), opened);
}

} // namespace chorus
