#pragma once

#include "store/Database.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

namespace chorus {

// The posts of a case counted by kind, language and collected or context (schema v10, table
// post_facets), so that the posts table's count under a kind or language filter reads a few
// rows instead of millions of index entries (0.1-0.2 s for one language at ten million
// posts). Kept by the import in its own transaction like post_minutes (import/PostWriter):
// posts are never deleted, only added or promoted from context to collected.

// Counts gathered while writing and added to the table in one go.
class PostFacetCounts
{
public:
    // `language` empty when unknown (stored as NULL in posts, as '' here).
    void add(std::string_view kind, std::string_view language, bool context,
             std::int64_t delta = 1);
    // Adds the counts to post_facets (inside the caller's transaction) and clears them.
    void flush(const Database &db);

private:
    using Key = std::tuple<std::string, std::string, bool>;
    using KeyView = std::tuple<std::string_view, std::string_view, bool>;
    // Looks keys up by views, without making strings. Both sides are compared as views:
    // comparing a tuple of strings with a tuple of views directly does not compile with clang.
    struct KeyLess
    {
        using is_transparent = void;
        static KeyView view(const Key &key)
        {
            return {std::get<0>(key), std::get<1>(key), std::get<2>(key)};
        }
        static KeyView view(const KeyView &key) { return key; }
        template <typename A, typename B> bool operator()(const A &a, const B &b) const
        {
            return view(a) < view(b);
        }
    };
    std::map<Key, std::int64_t, KeyLess> m_counts; // a few dozen kinds x languages
};

// The posts of the given kind and language ("" for any), collected only or all; read from
// post_facets.
std::int64_t facetCount(const Database &db, std::string_view kind, std::string_view language,
                        bool collectedOnly);

// What the case's posts are, for what is made from them and kept (page anchors, accounts by
// creation day): their number and the largest post id. Posts are never deleted and never
// change time, account, kind or language, so equal states hold the same posts in the same
// orders. Two lookups.
struct PostsState
{
    std::int64_t posts = 0;
    std::int64_t lastPost = 0;
    bool operator==(const PostsState &) const = default;
};
PostsState postsState(const Database &db);

} // namespace chorus
