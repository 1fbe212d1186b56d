#pragma once

#include "common/Error.h"
#include "store/Database.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace chorus {

// The one place where a SqlError thrown by the store becomes an Error for core's public
// API: "<what>: <SQLite's message>". `body` returns a Result or Status (or anything an
// Error converts to); exceptions other than SqlError pass through.
template <typename Body> auto guardSql(std::string_view what, Body &&body) -> decltype(body())
{
    try {
        return body();
    } catch (const SqlError &e) {
        return Error{std::string(what) + ": " + e.what()};
    }
}

// The same, for messages that need SQLite's words elsewhere than at the end: the Error is
// describe(SQLite's message).
template <typename Describe, typename Body>
auto guardSqlWith(Describe &&describe, Body &&body) -> decltype(body())
{
    try {
        return body();
    } catch (const SqlError &e) {
        return Error{describe(std::string(e.what()))};
    }
}

// Runs one query whose parameters are set by `bind`, turning every row into a value with
// `read`, under guardSql(what).
template <typename Bind, typename Read>
auto queryRows(const Database &db, std::string_view sql, std::string_view what, Bind &&bind,
               Read &&read)
    -> Result<std::vector<decltype(read(std::declval<const Statement &>()))>>
{
    using Row = decltype(read(std::declval<const Statement &>()));
    return guardSql(what, [&]() -> Result<std::vector<Row>> {
        Statement s = db.prepare(sql);
        bind(s);
        std::vector<Row> rows;
        while (s.step())
            rows.push_back(read(s));
        return rows;
    });
}

} // namespace chorus
