#pragma once

#include <cstdint>
#include <string>

namespace chorus::bench {

// A seeded CrowdTangle Facebook CSV export (format crowdtangle): a UTF-8 BOM, the 40 columns
// of the dashboard's export, about 100,000 pages, `Post Created` in several zone
// abbreviations, counts in dot- and comma-grouped locales, 18-digit page ids, shared links
// (the page posts of CrowdTangle have no replies or reposts). Streams with stdio.
bool writeCrowdTangleSample(const std::string &path, std::int64_t records, std::uint64_t seed);

} // namespace chorus::bench
