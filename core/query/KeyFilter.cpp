#include "query/KeyFilter.h"

#include <algorithm>
#include <limits>

namespace chorus::detail {

namespace {

// A value in the signature: its length first, so that no value can pass for another term.
void addTerm(std::string &signature, char term, const std::string &value)
{
    signature += term;
    signature += std::to_string(value.size()) + ':' + value;
}

} // namespace

std::optional<KeyFilter> KeyFilter::of(const PostFilter &filter)
{
    if (filter.clusterId != 0 || !filter.tag.empty())
        return std::nullopt;
    KeyFilter keyed;
    keyed.m_terms = filter;
    keyed.m_terms.text.clear();
    const PostFilter &t = keyed.m_terms;
    std::string &s = keyed.m_signature;
    if (t.accountId != 0)
        addTerm(s, 'a', std::to_string(t.accountId));
    if (!t.accountIds.empty()) {
        std::vector<std::int64_t> ids = t.accountIds;
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        std::string list;
        for (const std::int64_t id : ids)
            list += std::to_string(id) + ',';
        addTerm(s, 'g', list);
    }
    if (t.from)
        addTerm(s, 'f', std::to_string(*t.from));
    if (t.to)
        addTerm(s, 't', std::to_string(*t.to));
    if (!t.language.empty())
        addTerm(s, 'l', t.language);
    if (!t.kind.empty())
        addTerm(s, 'k', t.kind);
    if (t.collectedOnly)
        addTerm(s, 'c', "1");
    return keyed;
}

KeyFilter::Bound KeyFilter::bind(const PostOrderKeys &keys) const
{
    Bound bound(keys);
    const auto accountKey = [&](std::int64_t id) -> std::optional<std::uint32_t> {
        if (id < 0 || id > std::numeric_limits<std::uint32_t>::max())
            return std::nullopt;
        return std::uint32_t(id);
    };
    if (m_terms.accountId != 0) {
        bound.m_account = accountKey(m_terms.accountId);
        bound.m_none = bound.m_none || !bound.m_account;
    }
    if (!m_terms.accountIds.empty()) {
        for (const std::int64_t id : m_terms.accountIds)
            if (const auto key = accountKey(id))
                bound.m_accounts.push_back(*key);
        std::sort(bound.m_accounts.begin(), bound.m_accounts.end());
        bound.m_none = bound.m_none || bound.m_accounts.empty();
    }
    bound.m_from = m_terms.from;
    bound.m_to = m_terms.to;
    if (!m_terms.kind.empty()) {
        bound.m_kind = PostOrderKeys::kindCode(m_terms.kind);
        bound.m_none = bound.m_none || bound.m_kind < 0;
    }
    if (!m_terms.language.empty()) {
        bound.m_language = keys.languageCode(m_terms.language);
        bound.m_none = bound.m_none || bound.m_language < 0;
    }
    bound.m_collectedOnly = m_terms.collectedOnly;
    return bound;
}

bool KeyFilter::Bound::operator()(std::size_t id) const
{
    // Only the keys a term needs are read: a search narrowed by a kind walked the times and
    // accounts of millions of matches as well (120 MB at ten million posts) for nothing.
    if (m_none)
        return false;
    if (m_from || m_to) {
        const std::int64_t time = m_keys.time[id];
        if ((m_from && time < *m_from) || (m_to && time >= *m_to))
            return false;
    }
    if (m_account && m_keys.account[id] != *m_account)
        return false;
    if (!m_accounts.empty() &&
        !std::binary_search(m_accounts.begin(), m_accounts.end(), m_keys.account[id]))
        return false;
    if (m_kind >= 0 || m_collectedOnly) {
        const std::uint8_t facets = m_keys.facets[id];
        if (m_kind >= 0 && (facets & PostOrderKeys::KindBits) != m_kind)
            return false;
        if (m_collectedOnly && (facets & PostOrderKeys::ContextBit) != 0)
            return false;
    }
    return m_language < 0 || m_keys.language[id] == m_language;
}

bool isNarrowedSearch(const PostFilter &filter)
{
    if (ftsMatchExpression(filter.text).empty())
        return false;
    const auto terms = KeyFilter::of(filter);
    return terms && !terms->empty();
}

} // namespace chorus::detail
