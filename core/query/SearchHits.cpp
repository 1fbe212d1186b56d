#include "query/SearchHits.h"

namespace chorus::detail {

namespace {

// Tables kept per connection: each holds one search's matches, 8-16 bytes a match.
constexpr int KeptTables = 4;

std::string tableName(std::int64_t id)
{
    return "temp.search_hits_" + std::to_string(id);
}

// The registry of the tables made on this connection; temporary like them.
void ensureRegistry(const Database &db)
{
    db.execScript("CREATE TEMP TABLE IF NOT EXISTS search_hits (id INTEGER PRIMARY KEY, "
                  "match TEXT NOT NULL, sort TEXT NOT NULL, indexed_through INTEGER NOT NULL, "
                  "rows INTEGER NOT NULL, used INTEGER NOT NULL)");
}

void dropOldTables(const Database &db)
{
    Statement old = db.prepare("SELECT id FROM temp.search_hits ORDER BY used DESC LIMIT -1 "
                               "OFFSET ?");
    old.bind(1, KeptTables);
    std::vector<std::int64_t> ids;
    while (old.step())
        ids.push_back(old.int64(0));
    old.reset();
    for (const std::int64_t id : ids) {
        db.execScript(("DROP TABLE IF EXISTS " + tableName(id)).c_str());
        Statement forget = db.prepare("DELETE FROM temp.search_hits WHERE id = ?");
        forget.bind(1, id).exec();
    }
}

} // namespace

SearchHits searchHits(const Database &db, const std::string &match, const std::string &order)
{
    ensureRegistry(db);
    const std::int64_t through =
        db.queryInt64("SELECT indexed_through FROM text_index WHERE id = 1");
    const std::int64_t used =
        db.queryInt64("SELECT coalesce(max(used), 0) + 1 FROM temp.search_hits");
    Statement known = db.prepare("SELECT id, rows FROM temp.search_hits WHERE match = ? AND "
                                 "sort = ? AND indexed_through = ?");
    known.bind(1, match).bind(2, order).bind(3, through);
    if (known.step()) {
        SearchHits hits{tableName(known.int64(0)), known.int64(1)};
        const std::int64_t id = known.int64(0);
        known.reset();
        Statement touch = db.prepare("UPDATE temp.search_hits SET used = ? WHERE id = ?");
        touch.bind(1, used).bind(2, id).exec();
        return hits;
    }
    known.reset();

    // Registered only once filled: a build that fails (or is interrupted) is never reused,
    // and its half-filled table is dropped by the next build of the same number.
    const std::int64_t id = db.queryInt64("SELECT coalesce(max(id), 0) + 1 FROM temp.search_hits");
    const std::string table = tableName(id);
    db.execScript(("DROP TABLE IF EXISTS " + table + "; CREATE TABLE " + table +
                   " (pos INTEGER PRIMARY KEY, post INTEGER NOT NULL)")
                      .c_str());
    // Rows take their numbers in the order the SELECT gives them.
    Statement fill = db.prepare("INSERT INTO " + table +
                                " (post) SELECT p.id FROM posts p WHERE p.id IN (SELECT rowid "
                                "FROM posts_fts WHERE posts_fts MATCH ?) ORDER BY " +
                                order);
    fill.bind(1, match).exec();
    const std::int64_t rows = db.queryInt64(("SELECT count(*) FROM " + table).c_str());
    Statement remember = db.prepare("INSERT INTO temp.search_hits (id, match, sort, "
                                    "indexed_through, rows, used) VALUES (?, ?, ?, ?, ?, ?)");
    remember.bind(1, id).bind(2, match).bind(3, order).bind(4, through).bind(5, rows).bind(6, used);
    remember.exec();
    dropOldTables(db);
    return {table, rows};
}

} // namespace chorus::detail
