#include "import/ChunkedInput.h"
#include "import/input/Decoder.h"

#include <QFile>

#include <zstd.h>

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
        return {};
    }

    std::int64_t read(char *data, std::int64_t size) override
    {
        ZSTD_outBuffer out{data, std::size_t(size), 0};
        for (;;) {
            if (m_input.pos == m_input.size && !m_chunks.eof) {
                m_chunks.pos = m_chunks.buffer.size(); // all handed to zstd
                if (m_chunks.fill())
                    m_input = ZSTD_inBuffer{m_chunks.buffer.constData(),
                                            std::size_t(m_chunks.buffer.size()), 0};
                else if (m_file.error() != QFileDevice::NoError)
                    return fail(m_file.errorString().toStdString(), false);
            }
            if (m_chunks.eof && !m_frameOpen)
                return 0; // the end of the file, between frames
            // With the file at its end this only flushes what the decoder still holds.
            const std::size_t hint = ZSTD_decompressStream(m_context, &out, &m_input);
            if (ZSTD_isError(hint))
                return fail(ZSTD_getErrorName(hint), false);
            m_frameOpen = hint != 0;
            if (out.pos > 0)
                return std::int64_t(out.pos);
            if (m_chunks.eof)
                return fail("the zstd stream ends inside a frame", true);
        }
    }

    std::int64_t done() const override { return m_file.pos(); }
    std::int64_t total() const override { return m_file.size(); }

private:
    QFile m_file;
    ChunkedInput m_chunks{m_file};
    ZSTD_DCtx *m_context;
    ZSTD_inBuffer m_input{nullptr, 0, 0};
    bool m_frameOpen = false;
};

} // namespace

Result<std::unique_ptr<Decoder>> openZstdDecoder(const std::string &path)
{
    auto decoder = std::make_unique<ZstdDecoder>(QString::fromStdString(path));
    const Status opened = decoder->open();
    return openedDecoder(std::move(decoder), opened);
}

} // namespace chorus
