#pragma once

#include "store/Database.h"

#include <cstddef>
#include <cstdint>

struct sqlite3_blob;

namespace chorus {

// Reads one blob column of a table's rows by rowid straight into the caller's memory
// (sqlite3_blob_read). A column value read by a statement is first copied into a buffer
// SQLite allocates: for the posts' kept keys, megabytes a chunk of fresh memory each time.
// Read-only. Use within a transaction (ReadSnapshot): each open handle otherwise keeps a read
// of its own. Throws SqlError, also for a value that is not a blob.
class BlobReader
{
public:
    BlobReader(const Database &db, const char *table, const char *column);
    ~BlobReader();
    BlobReader(const BlobReader &) = delete;
    BlobReader &operator=(const BlobReader &) = delete;

    // The blob of row `rowid`: its size in bytes.
    std::int64_t open(std::int64_t rowid);
    // Copies `size` bytes from its start into `to`; the blob must hold them.
    void read(void *to, std::size_t size);

private:
    const Database &m_db;
    const char *m_table;
    const char *m_column;
    sqlite3_blob *m_blob = nullptr;
};

} // namespace chorus
