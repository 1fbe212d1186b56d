#pragma once

#include "query/PostQueries.h"
#include "store/Database.h"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace chorus::detail {

// Ids as one JSON array ("[1,2,3]"), bound as a single value and read back with
// "IN (SELECT value FROM json_each(?))": no SQL text grows with the number of ids.
std::string idArrayJson(const std::vector<std::int64_t> &ids);

// A WHERE clause for a PostFilter over `posts p`, built only from fixed SQL fragments, with
// its values kept aside for binding: user input never becomes SQL text.
struct SqlFilter
{
    std::string where;     // "" or " WHERE ..."
    std::string andClause; // "" or " AND ...": for appending to another condition
    std::vector<std::variant<std::int64_t, std::string>> values;

    // How a text search is asked: the text index lists its matches once (List), or is asked
    // about each row the query reaches (PerRow: for a walk of an index when the matches are
    // millions, query/PostPaging.cpp).
    enum class TextMatch { List, PerRow };
    explicit SqlFilter(const PostFilter &filter, TextMatch text = TextMatch::List);
    // Binds the values as parameters first..; returns the next free parameter index.
    int bind(Statement &statement, int first = 1) const;
};

// The matches of a search of the text alone (no other filter term), counted by the text index
// without reading the posts (every indexed row is a post); nothing for any other filter.
std::optional<std::int64_t> textOnlyMatchCount(const Database &db, const PostFilter &filter);

} // namespace chorus::detail
