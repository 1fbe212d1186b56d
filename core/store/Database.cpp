#include "store/Database.h"

#include <sqlite3.h>

#include <utility>

namespace chorus {

namespace {
std::string describe(sqlite3 *db, int rc)
{
    std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    return message.empty() ? std::string(sqlite3_errstr(rc)) : message;
}
} // namespace

Statement::Statement(sqlite3 *db, std::string_view sql) : m_db(db)
{
    const int rc = sqlite3_prepare_v3(db, sql.data(), int(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                      &m_stmt, nullptr);
    if (rc != SQLITE_OK)
        throw SqlError(describe(db, rc) + " in: " + std::string(sql.substr(0, 120)));
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_stmt(std::exchange(other.m_stmt, nullptr))
{}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = std::exchange(other.m_db, nullptr);
        m_stmt = std::exchange(other.m_stmt, nullptr);
    }
    return *this;
}

void Statement::check(int rc) const
{
    if (rc != SQLITE_OK)
        throw SqlError(describe(m_db, rc));
}

Statement &Statement::bind(int index, std::int64_t value)
{
    check(sqlite3_bind_int64(m_stmt, index, value));
    return *this;
}

Statement &Statement::bind(int index, double value)
{
    check(sqlite3_bind_double(m_stmt, index, value));
    return *this;
}

Statement &Statement::bind(int index, std::string_view text)
{
    check(sqlite3_bind_text(m_stmt, index, text.data(), int(text.size()), SQLITE_TRANSIENT));
    return *this;
}

Statement &Statement::bindBorrowed(int index, std::string_view text)
{
    check(sqlite3_bind_text(m_stmt, index, text.data(), int(text.size()), SQLITE_STATIC));
    return *this;
}

Statement &Statement::bindBorrowedOrNull(int index, std::string_view text)
{
    return text.empty() ? bindNull(index) : bindBorrowed(index, text);
}

Statement &Statement::bind(int index, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    return bind(index, std::string_view(utf8.constData(), size_t(utf8.size())));
}

Statement &Statement::bindNull(int index)
{
    check(sqlite3_bind_null(m_stmt, index));
    return *this;
}

Statement &Statement::bindBlob(int index, const std::uint8_t *data, std::size_t size)
{
    check(sqlite3_bind_blob64(m_stmt, index, data, sqlite3_uint64(size), SQLITE_TRANSIENT));
    return *this;
}

Statement &Statement::bindTextOrNull(int index, std::string_view text)
{
    return text.empty() ? bindNull(index) : bind(index, text);
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    const std::string message = describe(m_db, rc);
    sqlite3_reset(m_stmt);
    throw SqlError(message);
}

void Statement::exec()
{
    while (step()) {
    }
    reset();
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::int64_t Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

std::string Statement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return data ? std::string(data, size_t(sqlite3_column_bytes(m_stmt, column))) : std::string();
}

std::string_view Statement::textView(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return data ? std::string_view(data, size_t(sqlite3_column_bytes(m_stmt, column)))
                : std::string_view();
}

std::vector<std::uint8_t> Statement::blob(int column) const
{
    const std::span<const std::uint8_t> bytes = blobView(column);
    return std::vector<std::uint8_t>(bytes.begin(), bytes.end());
}

std::span<const std::uint8_t> Statement::blobView(int column) const
{
    // The pointer first, then the size, as SQLite asks.
    const auto *data = static_cast<const std::uint8_t *>(sqlite3_column_blob(m_stmt, column));
    return data ? std::span<const std::uint8_t>(data,
                                                std::size_t(sqlite3_column_bytes(m_stmt, column)))
                : std::span<const std::uint8_t>();
}

QString Statement::qstring(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return data ? QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column)) : QString();
}

std::optional<std::int64_t> Statement::optionalInt64(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return int64(column);
}

std::optional<double> Statement::optionalReal(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return real(column);
}

Database::~Database()
{
    close();
}

Database::Database(Database &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_path(std::move(other.m_path)),
      m_interrupted(other.interrupted())
{
    watchInterrupts();
}

Database &Database::operator=(Database &&other) noexcept
{
    if (this != &other) {
        close();
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
        m_interrupted.store(other.interrupted(), std::memory_order_relaxed);
        watchInterrupts();
    }
    return *this;
}

void Database::watchInterrupts() const
{
    // Asked every thousand steps of a statement (short ones, a COMMIT or a PRAGMA, never are):
    // a non-zero answer stops it as sqlite3_interrupt() does. Of this object's flag, set again
    // after a move.
    if (m_db)
        sqlite3_progress_handler(
            m_db, 1000,
            [](void *flag) -> int {
                return static_cast<const std::atomic<bool> *>(flag)->load(
                    std::memory_order_relaxed);
            },
            const_cast<std::atomic<bool> *>(&m_interrupted));
}

namespace {
// Process-wide settings, applied once before SQLite first initialises. SQLite's memory
// statistics take a global mutex around every allocation (several per row written), which
// every connection's thread then shares; Chorus never reads those statistics.
void configureSqliteOnce()
{
    static const bool configured = [] {
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); // SQLITE_MISUSE once initialised: harmless
        return true;
    }();
    (void)configured;
}
} // namespace

void Database::open(const std::string &path, Mode mode)
{
    configureSqliteOnce();
    close();
    int flags = SQLITE_OPEN_NOMUTEX;
    switch (mode) {
    case Mode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    case Mode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case Mode::Create:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    }
    sqlite3 *db = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = describe(db, rc);
        sqlite3_close(db);
        throw SqlError(message);
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, DefaultBusyTimeoutMs);
    m_db = db;
    m_path = path;
    watchInterrupts();
}

void Database::close()
{
    if (m_db) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

Statement Database::prepare(std::string_view sql) const
{
    if (!m_db)
        throw SqlError("database is not open");
    return Statement(m_db, sql);
}

void Database::execScript(const char *sql) const
{
    char *error = nullptr;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        std::string message = error ? error : describe(m_db, rc);
        sqlite3_free(error);
        throw SqlError(message);
    }
}

std::int64_t Database::queryInt64(std::string_view sql, std::int64_t fallback) const
{
    Statement statement = prepare(sql);
    return statement.step() && !statement.isNull(0) ? statement.int64(0) : fallback;
}

bool Database::inTransaction() const
{
    return m_db && sqlite3_get_autocommit(m_db) == 0;
}

std::int64_t Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

std::string Database::errorMessage() const
{
    return m_db ? sqlite3_errmsg(m_db) : std::string("database is not open");
}

void Database::setBusyTimeout(int milliseconds) const
{
    sqlite3_busy_timeout(m_db, milliseconds);
}

void Database::interrupt() const
{
    m_interrupted.store(true); // sequentially consistent: see clearInterrupt()
    if (m_db)
        sqlite3_interrupt(m_db);
}

Transaction::Transaction(const Database &db) : m_db(db)
{
    m_db.execScript("BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
    if (m_open) {
        try {
            m_db.execScript("ROLLBACK");
        } catch (const SqlError &) {
            // The connection already rolled back (e.g. after an I/O error); nothing left to undo.
        }
    }
}

ReadSnapshot::ReadSnapshot(const Database &db) : m_db(db)
{
    if (!m_db.inTransaction()) {
        m_db.execScript("BEGIN DEFERRED");
        m_open = true;
    }
}

ReadSnapshot::~ReadSnapshot()
{
    if (!m_open)
        return;
    try {
        m_db.execScript("COMMIT"); // nothing to write but temporary tables
    } catch (const SqlError &) {
        try {
            m_db.execScript("ROLLBACK");
        } catch (const SqlError &) {
            // The connection already ended it (e.g. after an I/O error).
        }
    }
}

PageCacheLimit::PageCacheLimit(const Database &db, std::int64_t kib)
    : m_db(db), m_before(db.queryInt64("PRAGMA cache_size"))
{
    // Negative sizes are KiB, positive ones pages; a number, never imported text.
    m_db.execScript(("PRAGMA cache_size = " + std::to_string(-kib)).c_str());
}

PageCacheLimit::~PageCacheLimit()
{
    const std::string restore = "PRAGMA cache_size = " + std::to_string(m_before);
    // Twice: an interrupt (Database::interrupt) that lands on the first only stops that one,
    // and the connection would go on with the small cache for good.
    for (int attempt = 0; attempt < 2; ++attempt) {
        try {
            m_db.execScript(restore.c_str());
            return;
        } catch (const SqlError &) {
            // Interrupted, or the connection is failing (its next statement says so).
        }
    }
}

void Transaction::commit()
{
    m_db.execScript("COMMIT");
    m_open = false;
}

void Transaction::rollback()
{
    if (m_open) {
        m_open = false;
        m_db.execScript("ROLLBACK");
    }
}

} // namespace chorus
