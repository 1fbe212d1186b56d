#pragma once

#include <cstdint>
#include <cstdlib>
#include <map>
#include <vector>

namespace chorus::ui {

// Rows of a large table held in fixed-size chunks, at most maxChunks of them: a view asks
// for a row, gets nullptr while its chunk is not loaded, and the model loads that chunk in
// the background. When full, the chunk farthest from the one inserted is dropped, so the
// rows around where the user is looking stay. Plain value class, one thread.
template <typename Row> class RowCache
{
public:
    explicit RowCache(int chunkSize = 256, int maxChunks = 64)
        : m_chunkSize(chunkSize), m_maxChunks(maxChunks)
    {}

    int chunkSize() const { return m_chunkSize; }
    std::int64_t chunkOf(std::int64_t row) const { return row / m_chunkSize; }
    std::int64_t firstRowOf(std::int64_t chunk) const { return chunk * m_chunkSize; }
    int chunkCount() const { return int(m_chunks.size()); }
    bool hasChunk(std::int64_t chunk) const { return m_chunks.count(chunk) != 0; }

    // nullptr when the row's chunk is not loaded or the row lies past its end.
    const Row *row(std::int64_t row) const
    {
        const auto it = m_chunks.find(chunkOf(row));
        if (it == m_chunks.end())
            return nullptr;
        const auto index = std::size_t(row - firstRowOf(it->first));
        return index < it->second.size() ? &it->second[index] : nullptr;
    }

    void insertChunk(std::int64_t chunk, std::vector<Row> rows)
    {
        m_chunks[chunk] = std::move(rows);
        while (int(m_chunks.size()) > m_maxChunks) {
            auto farthest = m_chunks.begin();
            if (std::llabs(std::prev(m_chunks.end())->first - chunk) >
                std::llabs(farthest->first - chunk))
                farthest = std::prev(m_chunks.end());
            m_chunks.erase(farthest);
        }
    }

    void clear() { m_chunks.clear(); }

private:
    int m_chunkSize;
    int m_maxChunks;
    std::map<std::int64_t, std::vector<Row>> m_chunks;
};

} // namespace chorus::ui
