#include "import/input/Compression.h"

namespace chorus {

Compression detectCompression(std::string_view head)
{
    if (head.starts_with("\x1F\x8B"))
        return Compression::Gzip;
    // A zstd frame, or a skippable frame (magic 0x184D2A50..5F, little-endian) that pzstd and
    // seekable-format writers put first.
    if (head.starts_with(std::string_view("\x28\xB5\x2F\xFD", 4)) ||
        (head.size() >= 4 && (static_cast<unsigned char>(head[0]) & 0xF0) == 0x50 &&
         head.substr(1, 3) == std::string_view("\x2A\x4D\x18", 3)))
        return Compression::Zstd;
    if (head.starts_with(std::string_view("\xFD"
                                          "7zXZ\0",
                                          6)))
        return Compression::Xz;
    // "BZh", the block size digit, then the magic of a block (pi) or of the end of an empty
    // stream (sqrt pi): plain text may well start with "BZh".
    if (head.size() >= 10 && head.starts_with("BZh") && head[3] >= '1' && head[3] <= '9') {
        const std::string_view magic = head.substr(4, 6);
        if (magic == std::string_view("\x31\x41\x59\x26\x53\x59", 6) ||
            magic == std::string_view("\x17\x72\x45\x38\x50\x90", 6))
            return Compression::Bzip2;
    }
    if (head.starts_with(std::string_view("PK\x03\x04", 4)) ||
        head.starts_with(std::string_view("PK\x05\x06", 4))) // an empty archive
        return Compression::Zip;
    return Compression::None;
}

const char *compressionName(Compression compression)
{
    switch (compression) {
    case Compression::None:
        return "none";
    case Compression::Gzip:
        return "gzip";
    case Compression::Bzip2:
        return "bzip2";
    case Compression::Xz:
        return "xz";
    case Compression::Zstd:
        return "zstd";
    case Compression::Zip:
        return "zip";
    }
    return "none";
}

} // namespace chorus
