#pragma once

#include "import/JsonView.h"
#include "text/TimeParser.h"

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace chorus::bench {

// The platform sample writers build records as text (no JSON library in the loop, so
// writing a million records stays cheap), quoting strings as the importers' side does.
using chorus::appendJsonString;

// Appends `value` as a CSV field, quoted only when it must be.
inline void csvField(std::string &out, std::string_view value)
{
    if (value.find_first_of(",\"\n\r") == std::string_view::npos) {
        out += value;
        return;
    }
    out += '"';
    for (const char c : value) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

// "2023-03-01T12:00:00.000Z"
inline std::string isoMillis(std::int64_t t)
{
    const CivilTime c = civilFromEpoch(t);
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.000Z", c.year, c.month,
                  c.day, c.hour, c.minute, c.second);
    return buffer;
}

// A file written through stdio with a large buffer, closed on destruction.
class SampleFile
{
public:
    explicit SampleFile(const std::string &path) : m_file(std::fopen(path.c_str(), "wb"))
    {
        if (m_file)
            std::setvbuf(m_file, nullptr, _IOFBF, 1 << 20);
    }
    ~SampleFile()
    {
        if (m_file)
            std::fclose(m_file);
    }
    SampleFile(const SampleFile &) = delete;
    SampleFile &operator=(const SampleFile &) = delete;

    bool isOpen() const { return m_file != nullptr; }
    bool write(const std::string &bytes)
    {
        return std::fwrite(bytes.data(), 1, bytes.size(), m_file) == bytes.size();
    }
    // Flushes and closes; false when anything failed to reach the file.
    bool close()
    {
        const bool ok = std::ferror(m_file) == 0 && std::fclose(m_file) == 0;
        m_file = nullptr;
        return ok;
    }

private:
    std::FILE *m_file;
};

} // namespace chorus::bench
