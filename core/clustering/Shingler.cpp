#include "clustering/Shingler.h"

#include <algorithm>

namespace chorus {

namespace {

std::uint64_t hashRun(const char32_t *begin, std::size_t length)
{
    // FNV-style multiply per code point, one strong mix at the end: cheap and well spread.
    std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ length;
    for (std::size_t i = 0; i < length; ++i)
        h = (h ^ begin[i]) * 0x100000001B3ULL;
    return mix64(h);
}

} // namespace

std::vector<std::uint64_t> shingleHashesUnsorted(std::u32string_view text, int k)
{
    const std::size_t width = std::size_t(std::max(k, 1));
    std::vector<std::uint64_t> hashes;
    if (text.empty())
        return hashes;
    if (text.size() <= width) {
        hashes.push_back(hashRun(text.data(), text.size()));
        return hashes;
    }
    hashes.reserve(text.size() - width + 1);
    for (std::size_t i = 0; i + width <= text.size(); ++i)
        hashes.push_back(hashRun(text.data() + i, width));
    return hashes;
}

std::vector<std::uint64_t> shingleHashes(std::u32string_view text, int k)
{
    std::vector<std::uint64_t> hashes = shingleHashesUnsorted(text, k);
    std::sort(hashes.begin(), hashes.end());
    hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
    return hashes;
}

std::uint64_t textHash(std::u32string_view text)
{
    return hashRun(text.data(), text.size());
}

} // namespace chorus
