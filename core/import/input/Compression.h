#pragma once

#include <string_view>

namespace chorus {

// How a file given to import is packed, told by its first bytes (never by its name: a
// `.json` that is really gzip is read as gzip, a `.gz` that is plain text as plain text).
enum class Compression { None, Gzip, Bzip2, Xz, Zstd, Zip };

Compression detectCompression(std::string_view head);
// A stable lower-case name: "none", "gzip", "bzip2", "xz", "zstd", "zip" (kept in the case).
const char *compressionName(Compression compression);

} // namespace chorus
