#pragma once

#include <QByteArray>

class QIODevice;

namespace chorus {

// A device read in 1 MiB chunks, shared by the CSV and JSON readers so that memory stays
// bounded by the longest record whatever the file size. A reader walks `buffer` from `pos`;
// fill() drops what lies before `pos` and appends the next chunk.
struct ChunkedInput
{
    explicit ChunkedInput(QIODevice &in) : device(in) {}

    // Reads the next chunk, keeping the unread tail; false at the end of the input.
    bool fill();
    // At the very start: reads the first chunk and steps over a UTF-8 byte-order mark.
    // Returns the bytes skipped (0 or 3).
    qsizetype start();

    QIODevice &device;
    QByteArray buffer;
    qsizetype pos = 0;
    bool eof = false;
};

} // namespace chorus
