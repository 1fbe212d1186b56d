#include "import/input/Decoder.h"

#include <QFile>

#include <zstd.h>

#include <vector>

namespace chorus {

namespace {

class ZstdDecoder final : public Decoder
{
public:
    ZstdDecoder(const QString &path) : m_file(path), m_context(ZSTD_createDCtx()) {}
    ~ZstdDecoder() override { ZSTD_freeDCtx(m_context); }
    ZstdDecoder(const ZstdDecoder &) = delete;
    ZstdDecoder &operator=(const ZstdDecoder &) = delete;

    Status open()
    {
        if (!m_file.open(QIODevice::ReadOnly))
            return Error{m_file.errorString().toStdString()};
        if (!m_context)
            return Error{"out of memory for the zstd decoder"};
        // The largest window zstd allows; memory is taken only if a frame asks for it.
        ZSTD_DCtx_setParameter(m_context, ZSTD_d_windowLogMax, 31);
        m_buffer.resize(ZSTD_DStreamInSize());
        m_total = m_file.size();
        return {};
    }

    std::int64_t read(char *data, std::int64_t size) override
    {
        ZSTD_outBuffer out{data, std::size_t(size), 0};
        for (;;) {
            if (m_input.pos == m_input.size && !m_fileEnded) {
                const qint64 got = m_file.read(m_buffer.data(), qint64(m_buffer.size()));
                if (got < 0)
                    return fail(m_file.errorString().toStdString(), false);
                m_fileEnded = got == 0;
                m_input = ZSTD_inBuffer{m_buffer.data(), std::size_t(got), 0};
                m_done += got;
            }
            if (m_fileEnded && !m_frameOpen)
                return 0; // the end of the file, between frames
            // With the file at its end this only flushes what the decoder still holds.
            const std::size_t hint = ZSTD_decompressStream(m_context, &out, &m_input);
            if (ZSTD_isError(hint))
                return fail(ZSTD_getErrorName(hint), false);
            m_frameOpen = hint != 0;
            if (out.pos > 0)
                return std::int64_t(out.pos);
            if (m_fileEnded)
                return fail("the zstd stream ends inside a frame", true);
        }
    }

    std::int64_t done() const override { return m_done; }
    std::int64_t total() const override { return m_total; }

private:
    QFile m_file;
    ZSTD_DCtx *m_context;
    std::vector<char> m_buffer;
    ZSTD_inBuffer m_input{nullptr, 0, 0};
    bool m_frameOpen = false;
    bool m_fileEnded = false;
    std::int64_t m_done = 0;
    std::int64_t m_total = 0;
};

} // namespace

Result<std::unique_ptr<Decoder>> openZstdDecoder(const std::string &path)
{
    auto decoder = std::make_unique<ZstdDecoder>(QString::fromStdString(path));
    const Status opened = decoder->open();
    return openedDecoder(std::move(decoder), opened);
}

} // namespace chorus
