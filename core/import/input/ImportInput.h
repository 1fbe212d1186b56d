#pragma once

#include "common/Error.h"
#include "import/input/Compression.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

class QIODevice;

namespace chorus {

class ProgressSink;

// One thing to import as one source: a file (plain or compressed), or one member of a ZIP
// archive.
struct ImportUnit
{
    std::string path;     // the file as given
    std::string member;   // the member's path inside the archive, made safe to show (cleaned,
                          // control characters replaced, at most 200 bytes); empty for a file
    int memberIndex = -1; // the member's position among the archive's entries; -1 for a file
    // For messages and the sources table: "posts.jsonl.gz", "export.zip:data/posts.json".
    std::string name() const;
};

struct ImportUnits
{
    std::vector<ImportUnit> units;
    // Archive members passed over as not exports (photos, videos, folders, macOS metadata).
    std::vector<std::string> skipped;
};

// What to import from a file: the file itself, or every member of a ZIP archive that may be
// an export. A damaged archive is an Error naming the file.
Result<ImportUnits> listImportUnits(const std::string &path);

class Decoder;

// An import unit opened for reading: the file itself, or a stream of its decompressed bytes
// (never the whole file in memory). Keeps what the source row records: the compression and,
// for an archive member, the member's own SHA-256.
class ImportInput
{
public:
    static Result<std::unique_ptr<ImportInput>> open(const ImportUnit &unit);
    ~ImportInput();
    ImportInput(const ImportInput &) = delete;
    ImportInput &operator=(const ImportInput &) = delete;

    QIODevice &device() { return *m_device; }
    Compression compression() const { return m_compression; }
    bool decompressed() const { return m_compression != Compression::None; }
    // How far the reading got in the file as given (compressed bytes or member bytes).
    std::int64_t done() const;
    std::int64_t total() const;

    // After the importer has read: whether the decompression failed. A stream cut off at the
    // end (an interrupted capture) keeps what was decoded; anything else fails the import.
    struct Outcome
    {
        bool failed = false;
        bool cutOff = false;
        std::string message;
        bool cancelled = false; // while draining
        std::string note;       // a warning that did not stop the decoding
    };
    // Says how the decoding ended. With `drain`, first reads what the importer left (an
    // archive member's hash needs every byte), checking `progress` for cancellation.
    Outcome finish(bool drain, ProgressSink *progress = nullptr);
    // The SHA-256 of an archive member's bytes, valid after finish(); empty for a file.
    std::string memberSha256() const { return m_memberSha256; }

private:
    ImportInput() = default;
    class DecodedDevice;
    Compression m_compression = Compression::None;
    std::unique_ptr<QIODevice> m_device;
    DecodedDevice *m_decoded = nullptr; // m_device when decompressing
    std::string m_memberSha256;
};

} // namespace chorus
