#include "common/TextArena.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace chorus {

namespace {

// Large enough that blocks are few, small enough that the last one wastes little.
constexpr std::size_t BlockBytes = std::size_t(4) << 20;

} // namespace

TextArena::TextArena(TextArena &&other) noexcept
    : m_blocks(std::move(other.m_blocks)), m_free(std::exchange(other.m_free, nullptr)),
      m_left(std::exchange(other.m_left, 0)), m_capacity(std::exchange(other.m_capacity, 0))
{
    other.m_blocks.clear();
}

TextArena &TextArena::operator=(TextArena &&other) noexcept
{
    if (this != &other) {
        m_blocks = std::move(other.m_blocks);
        other.m_blocks.clear();
        m_free = std::exchange(other.m_free, nullptr);
        m_left = std::exchange(other.m_left, 0);
        m_capacity = std::exchange(other.m_capacity, 0);
    }
    return *this;
}

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
