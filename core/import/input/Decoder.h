#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>

#include "common/Error.h"

namespace chorus {

// One stream of decompressed bytes: a compressed file (gzip, bzip2, xz, zstd) or one member
// of a ZIP archive. Implementations: ArchiveDecoder (libarchive), GzipDecoder (zlib),
// ZstdDecoder (libzstd).
class Decoder
{
public:
    virtual ~Decoder() = default;
    // Up to `size` decompressed bytes into `data`: the count, 0 at the end, -1 on failure
    // (failure() then says why).
    virtual std::int64_t read(char *data, std::int64_t size) = 0;
    // How far through the input the decoder is, in units of total(): for progress.
    virtual std::int64_t done() const = 0;
    virtual std::int64_t total() const = 0;

    struct Failure
    {
        std::string message; // the library's words, for the import's error
        bool cutOff = false; // the input ended inside the compressed stream
    };
    const Failure &failure() const { return m_failure; }
    // Something worth a warning that did not stop the decoding, or empty.
    const std::string &note() const { return m_note; }

protected:
    // Records why decoding stopped; returns read()'s -1.
    std::int64_t fail(std::string message, bool cutOff)
    {
        m_failure = {std::move(message), cutOff};
        return -1;
    }

    Failure m_failure;
    std::string m_note;
};

// The decoder if its opening went well, else why not.
inline Result<std::unique_ptr<Decoder>> openedDecoder(std::unique_ptr<Decoder> decoder,
                                                      Status opened)
{
    if (!opened)
        return opened.error();
    return decoder;
}

// A decoder for a whole compressed file (bzip2, xz; memberIndex -1), or for the member at
// position `memberIndex` (counting every entry) of the ZIP archive at `path`; libarchive does
// both. Members are found by position: their names are untrusted bytes.
Result<std::unique_ptr<Decoder>> openArchiveDecoder(const std::string &path, int memberIndex);
// A decoder for a gzip file (concatenated members read as one stream), on zlib.
Result<std::unique_ptr<Decoder>> openGzipDecoder(const std::string &path);
// A decoder for a zstd file. Not libarchive: Debian 12's libarchive refuses frames with a
// window above 128 MiB, and the Reddit dumps are made with --long=31 (a 2 GiB window).
Result<std::unique_ptr<Decoder>> openZstdDecoder(const std::string &path);

} // namespace chorus
