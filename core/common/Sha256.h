#pragma once

#include <QCryptographicHash>

#include <cstddef>
#include <cstdint>
#include <string>

namespace chorus {

// Incremental SHA-256 (FIPS 180-4) for checksumming imported files. On x86-64 CPUs with
// the SHA extensions it hashes with them (several times faster than Qt 6.4's
// QCryptographicHash, which costs about as much CPU as parsing a CSV); elsewhere it
// hands the bytes to QCryptographicHash. One thread per object.
class Sha256
{
public:
    Sha256();
    void addData(const char *data, std::size_t size);
    // Lower-case hex digest; call once, after the last addData().
    std::string hexDigest();

    // True when this CPU takes the SHA-extension path.
    static bool hardwareAccelerated();

private:
    bool m_hardware;
    QCryptographicHash m_fallback{QCryptographicHash::Sha256};
    std::uint32_t m_state[8];
    unsigned char m_block[64];
    std::size_t m_blockUsed = 0;
    std::uint64_t m_length = 0;
};

} // namespace chorus
