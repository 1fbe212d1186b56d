#pragma once

#include "common/Error.h"

#include <string>

namespace chorus {

// The lower-case hex SHA-256 of a file's bytes as they are on disk now (what a reader of the
// written file will check it against).
Result<std::string> sha256OfFile(const std::string &path);

} // namespace chorus
