#include "import/ChunkedInput.h"

#include <QIODevice>

namespace chorus {

namespace {
constexpr qint64 ChunkSize = 1 << 20;
}

bool ChunkedInput::fill()
{
    if (eof)
        return false;
    QByteArray chunk = device.read(ChunkSize);
    if (chunk.isEmpty()) {
        eof = true;
        return false;
    }
    buffer = pos < buffer.size() ? buffer.mid(pos) + chunk : std::move(chunk);
    pos = 0;
    return true;
}

qsizetype ChunkedInput::start()
{
    fill();
    if (!buffer.startsWith("\xEF\xBB\xBF"))
        return 0;
    pos = 3;
    return 3;
}

} // namespace chorus
