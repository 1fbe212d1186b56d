#include "import/ChunkedInput.h"
#include "import/input/Decoder.h"

#include <QFile>

#include <zlib.h>

#include <algorithm>

namespace chorus {

namespace {

// zlib itself rather than libarchive for gzip: libarchive's gzip filter drops the block it was
// filling when the input ends early, so a capture cut off while it was being written would lose
// up to 64 KiB of whole records before the cut. Here every byte decoded before the cut is kept.
class GzipDecoder final : public Decoder
{
public:
    explicit GzipDecoder(const QString &path) : m_file(path) {}
    ~GzipDecoder() override
    {
        if (m_initialised)
            inflateEnd(&m_stream);
    }
    GzipDecoder(const GzipDecoder &) = delete;
    GzipDecoder &operator=(const GzipDecoder &) = delete;

    Status open()
    {
        if (!m_file.open(QIODevice::ReadOnly))
            return Error{m_file.errorString().toStdString()};
        m_stream = z_stream{};
        if (inflateInit2(&m_stream, 16 + MAX_WBITS) != Z_OK) // 16: gzip wrapper only
            return Error{"the gzip decoder cannot start"};
        m_initialised = true;
        return {};
    }

    std::int64_t read(char *data, std::int64_t size) override
    {
        m_stream.next_out = reinterpret_cast<Bytef *>(data);
        m_stream.avail_out = uInt(std::min<std::int64_t>(size, 1 << 30));
        const uInt wanted = m_stream.avail_out;
        while (m_stream.avail_out == wanted) {
            if (m_stream.avail_in == 0 && !m_chunks.eof) {
                m_chunks.pos = m_chunks.buffer.size(); // all handed to zlib
                if (m_chunks.fill()) {
                    m_stream.next_in = reinterpret_cast<Bytef *>(m_chunks.buffer.data());
                    m_stream.avail_in = uInt(m_chunks.buffer.size());
                } else if (m_file.error() != QFileDevice::NoError) {
                    return fail(m_file.errorString().toStdString(), false);
                }
            }
            if (m_chunks.eof && m_stream.avail_in == 0) {
                if (!m_memberOpen)
                    return 0;
                // Flush what zlib holds; nothing more to flush is the cut.
                const int flushed = inflate(&m_stream, Z_NO_FLUSH);
                if (m_stream.avail_out != wanted)
                    break;
                if (flushed == Z_STREAM_END) {
                    m_memberOpen = false;
                    return 0;
                }
                return fail("the gzip stream ends inside a member", true);
            }
            if (m_betweenMembers && m_stream.avail_in > 0 && *m_stream.next_in != 0x1F) {
                // Not another member: zero padding or other bytes after the data, which
                // gunzip also ignores. Said, not failed.
                m_note = "data after the end of the gzip stream was ignored";
                m_chunks.eof = true;
                m_stream.avail_in = 0;
                return 0;
            }
            const int status = inflate(&m_stream, Z_NO_FLUSH);
            m_memberOpen = true;
            m_betweenMembers = false;
            if (status == Z_STREAM_END) {
                // Concatenated members (gzip a >> b) are one stream, as gunzip reads them.
                m_memberOpen = false;
                m_betweenMembers = true;
                inflateReset(&m_stream);
            } else if (status != Z_OK && status != Z_BUF_ERROR) {
                return fail(m_stream.msg ? m_stream.msg : "the gzip data is damaged", false);
            }
        }
        return std::int64_t(wanted - m_stream.avail_out);
    }

    std::int64_t done() const override { return m_file.pos() - std::int64_t(m_stream.avail_in); }
    std::int64_t total() const override { return m_file.size(); }

private:
    QFile m_file;
    ChunkedInput m_chunks{m_file};
    z_stream m_stream{};
    bool m_initialised = false;
    bool m_memberOpen = false;
    bool m_betweenMembers = false; // a member ended; what follows must start another
};

} // namespace

Result<std::unique_ptr<Decoder>> openGzipDecoder(const std::string &path)
{
    auto decoder = std::make_unique<GzipDecoder>(QString::fromStdString(path));
    const Status opened = decoder->open();
    return openedDecoder(std::move(decoder), opened);
}

} // namespace chorus
