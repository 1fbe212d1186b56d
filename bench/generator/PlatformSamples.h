#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace chorus::bench {

// A seeded synthetic export of one platform's format, written record by record so that a
// million-record file costs no memory: what bench_platform_import feeds each importer.
struct PlatformSample
{
    const char *format;    // the importer's --format name
    const char *extension; // of the file written, e.g. ".ndjson"
    // Writes `records` records; false (with errno set) when the file cannot be written.
    bool (*write)(const std::string &path, std::int64_t records, std::uint64_t seed);
};

// Every platform with a sample writer, in the order bench_platform_import runs them.
const std::vector<PlatformSample> &platformSamples();

} // namespace chorus::bench
