#include "common/TextArena.h"

#include <algorithm>
#include <cstring>

namespace chorus {

namespace {

// Large enough that blocks are few, small enough that the last one wastes little.
constexpr std::size_t BlockBytes = std::size_t(4) << 20;

} // namespace

std::string_view TextArena::copy(std::string_view text)
{
    if (text.empty())
        return {};
    if (text.size() > m_left) {
        // A text longer than a block gets a block of its own size.
        const std::size_t bytes = std::max(BlockBytes, text.size());
        m_blocks.push_back(std::make_unique_for_overwrite<char[]>(bytes));
        m_free = m_blocks.back().get();
        m_left = bytes;
        m_capacity += bytes;
    }
    char *const start = m_free;
    std::memcpy(start, text.data(), text.size());
    m_free += text.size();
    m_left -= text.size();
    return {start, text.size()};
}

} // namespace chorus
