#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace chorus {

// Thrown by the SQLite wrapper; caught at core's public API and turned into an Error.
class SqlError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// A prepared statement. Values are always bound, never pasted into SQL text: imported
// text is untrusted. Columns and parameters are 0-based and 1-based as in the C API.
class Statement
{
public:
    Statement(sqlite3 *db, std::string_view sql);
    ~Statement();
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    Statement &bind(int index, std::int64_t value);
    Statement &bind(int index, int value) { return bind(index, std::int64_t(value)); }
    Statement &bind(int index, double value);
    Statement &bind(int index, std::string_view text);
    Statement &bind(int index, const char *text) { return bind(index, std::string_view(text)); }
    Statement &bind(int index, const std::string &text)
    {
        return bind(index, std::string_view(text));
    }
    Statement &bind(int index, const QString &text);
    Statement &bindNull(int index);
    // Bytes, not text: SQLite copies them.
    Statement &bindBlob(int index, const std::uint8_t *data, std::size_t size);
    template <typename T> Statement &bind(int index, const std::optional<T> &value)
    {
        return value ? bind(index, *value) : bindNull(index);
    }
    // Binds NULL for an empty string: optional text fields are stored as NULL.
    Statement &bindTextOrNull(int index, std::string_view text);
    // Like bind / bindTextOrNull, but SQLite reads the caller's bytes instead of copying
    // them: `text` must stay alive and unchanged until the statement is reset (exec()
    // resets). Saves a malloc and a copy per value on bulk-insert paths.
    Statement &bindBorrowed(int index, std::string_view text);
    Statement &bindBorrowedOrNull(int index, std::string_view text);

    // Advances to the next row; false when done. Throws SqlError on failure.
    bool step();
    // Runs a statement that returns no rows, then resets it for reuse.
    void exec();
    void reset();

    bool isNull(int column) const;
    std::int64_t int64(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    // The column's text without a copy: valid until the next step(), reset() or the
    // statement's end.
    std::string_view textView(int column) const;
    // The column's bytes (a blob; empty for NULL).
    std::vector<std::uint8_t> blob(int column) const;
    // The same without a copy: valid until the next step(), reset() or the statement's end.
    std::span<const std::uint8_t> blobView(int column) const;
    QString qstring(int column) const;
    std::optional<std::int64_t> optionalInt64(int column) const;
    std::optional<double> optionalReal(int column) const;

private:
    void check(int rc) const;
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
};

// How long a statement waits for another connection's lock before it fails as busy.
constexpr int DefaultBusyTimeoutMs = 5000;

// Owns one sqlite3 connection. Not thread-safe: one thread uses a Database at a time;
// workers open their own connection to the same file (WAL lets readers and one writer
// coexist).
class Database
{
public:
    enum class Mode { ReadOnly, ReadWrite, Create };

    Database() = default;
    ~Database();
    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Throws SqlError when the file cannot be opened.
    void open(const std::string &path, Mode mode);
    void close();
    bool isOpen() const { return m_db != nullptr; }
    const std::string &path() const { return m_path; }

    Statement prepare(std::string_view sql) const;
    // Runs SQL without parameters (schema, pragmas). Never with imported values.
    void execScript(const char *sql) const;
    std::int64_t queryInt64(std::string_view sql, std::int64_t fallback = 0) const;
    std::int64_t lastInsertRowId() const;
    // True inside BEGIN ... COMMIT (SQLite is not in autocommit mode).
    bool inTransaction() const;
    int changes() const;
    std::string errorMessage() const;
    // Makes a long-running statement on another thread stop at the next step, and marks the
    // connection interrupted until clearInterrupt(), for our own loops over its results
    // (InterruptWatch) and for the statements that start meanwhile (a progress handler stops
    // them): SQLite forgets an interrupt that comes while none of its statements runs, and a
    // stale job's next statement ran whole (a page of a search read in 0.6 s at ten million
    // posts after its keys' reading had been interrupted).
    void interrupt() const;
    // A new job starts on the connection: the interrupt was for the one before (CaseReader
    // calls this before each job it runs).
    // Sequentially consistent, as interrupt()'s store: a caller that counts its interrupts
    // (CaseReader::runCurrent) reads its count after this, and must see the interrupt whose
    // flag this clears.
    void clearInterrupt() const { m_interrupted.store(false); }
    bool interrupted() const { return m_interrupted.load(std::memory_order_relaxed); }
    // Puts back the progress handler that stops statements while interrupted (after another
    // was set for a while: CancelWatch).
    void watchInterrupts() const;
    // How long a statement waits for another connection's lock (DefaultBusyTimeoutMs unless
    // changed); 0 fails at once.
    void setBusyTimeout(int milliseconds) const;

    sqlite3 *handle() const { return m_db; }

private:
    sqlite3 *m_db = nullptr;
    std::string m_path;
    mutable std::atomic<bool> m_interrupted{false};
};

// A loop of our own over millions of items (putting a search's matches in order, reading the
// posts' keys slice after slice) stops as SQLite's statements do when the connection is
// interrupted (Database::interrupt) during the job it runs in: check() then throws the SqlError
// of an interrupted statement, which the job reports as its failure. SQLite only stops
// statements, so without it a view's next query waited for such a loop to end.
class InterruptWatch
{
public:
    explicit InterruptWatch(const Database &db) : m_db(db) {}
    void check() const
    {
        if (m_db.interrupted())
            throw SqlError("interrupted");
    }

private:
    const Database &m_db;
};

// BEGIN IMMEDIATE on construction; ROLLBACK unless commit() was called. An import or an
// analysis run is one transaction, so a failure leaves the case as it was.
class Transaction
{
public:
    explicit Transaction(const Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    void commit();
    void rollback();

private:
    const Database &m_db;
    bool m_open = true;
};

// A read transaction (BEGIN DEFERRED) while it lives, unless one is open already: the reads of
// a query that takes several statements (a page and the anchors it seeks to, say) see the case
// as it was at the first, whatever a job on another connection commits meanwhile (WAL).
// Writes to temporary tables are kept at the end.
class ReadSnapshot
{
public:
    explicit ReadSnapshot(const Database &db);
    ~ReadSnapshot();
    ReadSnapshot(const ReadSnapshot &) = delete;
    ReadSnapshot &operator=(const ReadSnapshot &) = delete;

private:
    const Database &m_db;
    bool m_open = false;
};

// While it lives, the connection's page cache holds at most `kib` KiB (PRAGMA cache_size),
// then what it was set to before (the pages let go stay let go). For work that passes through
// many pages once: reading the posts' kept keys (150 MB of blob pages at ten million posts,
// where each page a cache not yet full takes is fresh memory from the system: the workbench's
// 64 MB cache grew to its size on them, a fifth of the keys' reading), building an index.
class PageCacheLimit
{
public:
    PageCacheLimit(const Database &db, std::int64_t kib);
    ~PageCacheLimit();
    PageCacheLimit(const PageCacheLimit &) = delete;
    PageCacheLimit &operator=(const PageCacheLimit &) = delete;

private:
    const Database &m_db;
    std::int64_t m_before = 0;
};

} // namespace chorus
