#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace chorus {

// Owns copies of many short texts in a few large blocks. Ten million posts read for an
// analysis are then a few hundred allocations instead of ten million, and freeing them (when
// the run ends or is cancelled) takes milliseconds instead of most of a second.
//
// The views it returns stay valid, unchanged, as long as the arena lives, also after it is
// moved. Not thread-safe: one writer.
class TextArena
{
public:
    TextArena() = default;
    // A moved-from arena is empty: its next copy starts a block of its own.
    TextArena(TextArena &&other) noexcept;
    TextArena &operator=(TextArena &&other) noexcept;
    TextArena(const TextArena &) = delete;
    TextArena &operator=(const TextArena &) = delete;

    // A copy of `text` that lives as long as the arena.
    std::string_view copy(std::string_view text);

    // Bytes held in blocks (what the copies cost in memory).
    std::size_t capacity() const { return m_capacity; }

private:
    std::vector<std::unique_ptr<char[]>> m_blocks;
    char *m_free = nullptr;
    std::size_t m_left = 0;
    std::size_t m_capacity = 0;
};

} // namespace chorus
