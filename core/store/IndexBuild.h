#pragma once

#include "store/Database.h"

#include <string>
#include <vector>

namespace chorus {

// Runs CREATE INDEX statements over a large table the fast way. SQLite's sorter makes runs as
// large as the page cache: runs of 2 MB built the posts indexes twice as fast as runs of the
// case's 64 MB, so the cache is made small for the builds and restored after them, also when
// one fails (a Cancel interrupts a CREATE INDEX). Without helper threads: a helper (PRAGMA
// threads = 1) doubled the CPU time and lost 0.1-0.4 s of wall time on three 1M-post cases
// (docs/performance.md). `definitions` come from the schema, never from imported data.
void createIndexes(const Database &db, const std::vector<std::string> &definitions);

} // namespace chorus
