#include "store/BlobReader.h"

#include <sqlite3.h>

#include <limits>
#include <string>

namespace chorus {

BlobReader::BlobReader(const Database &db, const char *table, const char *column)
    : m_db(db), m_table(table), m_column(column)
{}

BlobReader::~BlobReader()
{
    sqlite3_blob_close(m_blob);
}

std::int64_t BlobReader::open(std::int64_t rowid)
{
    // The first row opens the handle; the next ones move it, which costs less.
    const int rc =
        m_blob ? sqlite3_blob_reopen(m_blob, rowid)
               : sqlite3_blob_open(m_db.handle(), "main", m_table, m_column, rowid, 0, &m_blob);
    if (rc != SQLITE_OK) {
        // Why, taken before closing: closing sets the connection's message again.
        const std::string why = m_db.errorMessage();
        // A failed reopen leaves the handle aborted: it must still be closed.
        sqlite3_blob_close(m_blob);
        m_blob = nullptr;
        throw SqlError(why + " (reading " + m_table + "." + m_column + " of row " +
                       std::to_string(rowid) + ")");
    }
    return sqlite3_blob_bytes(m_blob);
}

void BlobReader::read(void *to, std::size_t size)
{
    const bool fits = size <= std::size_t(std::numeric_limits<int>::max());
    const int rc = m_blob && fits ? sqlite3_blob_read(m_blob, to, int(size), 0) : SQLITE_MISUSE;
    if (rc != SQLITE_OK)
        throw SqlError(std::string(sqlite3_errstr(rc)) + " (reading " + std::to_string(size) +
                       " bytes of " + m_table + "." + m_column + ")");
}

} // namespace chorus
