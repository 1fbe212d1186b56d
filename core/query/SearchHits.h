#pragma once

#include "store/Database.h"

#include <cstdint>
#include <string>

namespace chorus::detail {

// A text search's matches in one order of the posts table, numbered 1, 2, ... in that order in
// a temporary table of the reading connection: a page is then a range of those numbers, read
// in a few milliseconds, where SQLite's own plan reads and sorts every match again for every
// page (0.1-0.5 s for tens of thousands of matches at ten million posts). Made on first use
// for (search, order, posts indexed so far): posts indexed later make a new table, so a table
// never misses a match. The last few tables are kept (a user going back and forth between
// searches and orders), older ones dropped.
struct SearchHits
{
    std::string table; // "temp.search_hits_N", with columns pos and post
    std::int64_t rows = 0;
};

// `match` is the text index's match expression, bound as a value; `order` the posts' order,
// ascending, as fixed SQL over `posts p` (never built from user input).
SearchHits searchHits(const Database &db, const std::string &match, const std::string &order);

} // namespace chorus::detail
