#pragma once

#include "query/PostOrderKeys.h"
#include "query/PostQueries.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace chorus::detail {

// The terms of a posts filter besides its text that the posts' keys in memory (PostOrderKeys)
// answer: an account or a group of accounts, a time range, a kind, a language, collected posts
// only. A search narrowed by them is answered from its text index matches and those keys,
// without reading the matches' rows. A cluster or a tag is not among them.
class KeyFilter
{
public:
    // Nothing when the filter has a term the keys do not answer.
    static std::optional<KeyFilter> of(const PostFilter &filter);

    // No term at all: every post passes.
    bool empty() const { return m_signature.empty(); }
    // The terms as a text, equal for equal terms: what a kept count or table is known by.
    const std::string &signature() const { return m_signature; }
    // Whether a term tests the posts' times or accounts: the kept keys' third pass (PostKeys);
    // kinds and collected posts only need the first, languages the second.
    bool needsOrderKeys() const
    {
        return m_terms.accountId != 0 || !m_terms.accountIds.empty() || m_terms.from || m_terms.to;
    }
    // Whether a term tests the posts' languages: the keys' second pass.
    bool needsLanguages() const { return !m_terms.language.empty(); }

    // The terms over one case's keys: which posts pass.
    class Bound
    {
    public:
        // Bit i: whether the post with id 64 * word + i passes (0 past the keys' last post).
        // A word at a time, each term over its own column without a branch a post: testing
        // the 4.9 million matches of `the` one by one for a kind took 25-33 ms at ten million
        // posts.
        std::uint64_t passes(std::size_t word) const;

    private:
        friend class KeyFilter;
        explicit Bound(const PostOrderKeys &keys) : m_keys(keys) {}
        const PostOrderKeys &m_keys;
        bool m_none = false; // a term no post can pass (an unknown kind or language)
        std::optional<std::uint32_t> m_account;
        std::vector<std::uint32_t> m_accounts;    // sorted; empty: any account
        std::optional<std::int64_t> m_from, m_to; // created_at in [from, to)
        int m_kind = -1, m_language = -1;         // -1: any
        bool m_collectedOnly = false;
    };
    Bound bind(const PostOrderKeys &keys) const;

private:
    PostFilter m_terms; // the filter without its text
    std::string m_signature;
};

// Whether the filter is a search (words to find) narrowed by terms the keys answer.
bool isNarrowedSearch(const PostFilter &filter);

} // namespace chorus::detail
