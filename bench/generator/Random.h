#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace chorus::bench {

// xoshiro256** seeded through splitmix64, with hand-written distributions: the standard
// library's distributions are implementation-defined, and the generator must write the same
// bytes for the same seed on every platform. Not thread-safe; one per generating pass.
class Random
{
public:
    explicit Random(std::uint64_t seed)
    {
        for (std::uint64_t &s : m_state)
            s = splitMix(seed);
    }

    static std::uint64_t splitMix(std::uint64_t &x)
    {
        std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    // A seed for an independent stream derived from (seed, key), e.g. one per account.
    static std::uint64_t derive(std::uint64_t seed, std::uint64_t key)
    {
        std::uint64_t x = seed ^ (key * 0xD1B54A32D192ED03ull);
        return splitMix(x);
    }

    std::uint64_t next()
    {
        const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
        const std::uint64_t t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }

    // Uniform in [0, n); n > 0. Lemire's multiply-shift (bias below 2^-32 for our sizes).
    std::uint64_t below(std::uint64_t n)
    {
        return std::uint64_t((static_cast<unsigned __int128>(next()) * n) >> 64);
    }
    // Uniform in [lo, hi] inclusive.
    std::int64_t between(std::int64_t lo, std::int64_t hi)
    {
        return lo + std::int64_t(below(std::uint64_t(hi - lo) + 1));
    }
    // Uniform in [0, 1).
    double real() { return double(next() >> 11) * 0x1.0p-53; }
    bool chance(double p) { return real() < p; }
    // Exponential with the given mean.
    double exponential(double mean) { return -mean * std::log1p(-real()); }

    template <typename T> const T &pick(const std::vector<T> &items)
    {
        return items[below(items.size())];
    }
    template <typename T, std::size_t N> const T &pick(const T (&items)[N])
    {
        return items[below(N)];
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t m_state[4];
};

} // namespace chorus::bench
