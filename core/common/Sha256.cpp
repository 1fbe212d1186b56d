#include "common/Sha256.h"

#include <cstring>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define CHORUS_SHA_NI 1
#include <cpuid.h>
#include <immintrin.h>
#endif

namespace chorus {

namespace {

constexpr std::uint32_t Initial[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                      0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};

#ifdef CHORUS_SHA_NI
alignas(16) constexpr std::uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

bool cpuHasShaExtensions()
{
    unsigned a = 0, b = 0, c = 0, d = 0;
    if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & bit_SSE4_1) || !(c & bit_SSSE3))
        return false;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d))
        return false;
    return (b >> 29) & 1; // CPUID.(EAX=7,ECX=0):EBX.SHA
}

// The SHA-256 compression function on whole 64-byte blocks with the SHA extensions
// (the round structure of Intel's reference code for these instructions).
__attribute__((target("sha,sse4.1,ssse3"))) void
compressBlocks(std::uint32_t state[8], const unsigned char *data, std::size_t blocks)
{
    const __m128i byteSwap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i tmp = _mm_loadu_si128(reinterpret_cast<const __m128i *>(&state[0]));
    __m128i state1 = _mm_loadu_si128(reinterpret_cast<const __m128i *>(&state[4]));
    tmp = _mm_shuffle_epi32(tmp, 0xB1);               // CDAB
    state1 = _mm_shuffle_epi32(state1, 0x1B);         // EFGH
    __m128i state0 = _mm_alignr_epi8(tmp, state1, 8); // ABEF
    state1 = _mm_blend_epi16(state1, tmp, 0xF0);      // CDGH

    for (; blocks > 0; --blocks, data += 64) {
        const __m128i abefSaved = state0;
        const __m128i cdghSaved = state1;
        __m128i w[4];
        for (int g = 0; g < 16; ++g) {
            if (g < 4)
                w[g] = _mm_shuffle_epi8(
                    _mm_loadu_si128(reinterpret_cast<const __m128i *>(data + 16 * g)), byteSwap);
            __m128i message = _mm_add_epi32(
                w[g % 4], _mm_load_si128(reinterpret_cast<const __m128i *>(&K[4 * g])));
            state1 = _mm_sha256rnds2_epu32(state1, state0, message);
            if (g >= 3 && g <= 14) {
                const __m128i carried = _mm_alignr_epi8(w[g % 4], w[(g + 3) % 4], 4);
                w[(g + 1) % 4] = _mm_add_epi32(w[(g + 1) % 4], carried);
                w[(g + 1) % 4] = _mm_sha256msg2_epu32(w[(g + 1) % 4], w[g % 4]);
            }
            message = _mm_shuffle_epi32(message, 0x0E);
            state0 = _mm_sha256rnds2_epu32(state0, state1, message);
            if (g >= 1 && g <= 12)
                w[(g + 3) % 4] = _mm_sha256msg1_epu32(w[(g + 3) % 4], w[g % 4]);
        }
        state0 = _mm_add_epi32(state0, abefSaved);
        state1 = _mm_add_epi32(state1, cdghSaved);
    }

    tmp = _mm_shuffle_epi32(state0, 0x1B);       // FEBA
    state1 = _mm_shuffle_epi32(state1, 0xB1);    // DCHG
    state0 = _mm_blend_epi16(tmp, state1, 0xF0); // DCBA
    state1 = _mm_alignr_epi8(state1, tmp, 8);    // ABEF
    _mm_storeu_si128(reinterpret_cast<__m128i *>(&state[0]), state0);
    _mm_storeu_si128(reinterpret_cast<__m128i *>(&state[4]), state1);
}
#else
bool cpuHasShaExtensions()
{
    return false;
}
void compressBlocks(std::uint32_t *, const unsigned char *, std::size_t) {}
#endif

} // namespace

bool Sha256::hardwareAccelerated()
{
    static const bool has = cpuHasShaExtensions();
    return has;
}

Sha256::Sha256() : m_hardware(hardwareAccelerated())
{
    std::memcpy(m_state, Initial, sizeof m_state);
}

void Sha256::addData(const char *data, std::size_t size)
{
    if (!m_hardware) {
        m_fallback.addData(QByteArrayView(data, qsizetype(size)));
        return;
    }
    const auto *bytes = reinterpret_cast<const unsigned char *>(data);
    m_length += size;
    if (m_blockUsed > 0) {
        const std::size_t take = std::min(size, sizeof m_block - m_blockUsed);
        std::memcpy(m_block + m_blockUsed, bytes, take);
        m_blockUsed += take;
        bytes += take;
        size -= take;
        if (m_blockUsed < sizeof m_block)
            return;
        compressBlocks(m_state, m_block, 1);
        m_blockUsed = 0;
    }
    compressBlocks(m_state, bytes, size / 64);
    bytes += size / 64 * 64;
    m_blockUsed = size % 64;
    std::memcpy(m_block, bytes, m_blockUsed);
}

std::string Sha256::hexDigest()
{
    unsigned char digest[32];
    if (!m_hardware) {
        const QByteArray result = m_fallback.result();
        std::memcpy(digest, result.constData(), sizeof digest);
    } else {
        // Padding: 0x80, zeros, then the message length in bits, big-endian.
        const std::uint64_t bits = m_length * 8;
        unsigned char tail[128] = {};
        std::memcpy(tail, m_block, m_blockUsed);
        tail[m_blockUsed] = 0x80;
        const std::size_t total = m_blockUsed + 9 <= 64 ? 64 : 128;
        for (int i = 0; i < 8; ++i)
            tail[total - 1 - i] = static_cast<unsigned char>(bits >> (8 * i));
        compressBlocks(m_state, tail, total / 64);
        for (int i = 0; i < 8; ++i)
            for (int j = 0; j < 4; ++j)
                digest[4 * i + j] = static_cast<unsigned char>(m_state[i] >> (24 - 8 * j));
    }
    static const char Hex[] = "0123456789abcdef";
    std::string hex;
    for (const unsigned char byte : digest) {
        hex += Hex[byte >> 4];
        hex += Hex[byte & 15];
    }
    return hex;
}

} // namespace chorus
