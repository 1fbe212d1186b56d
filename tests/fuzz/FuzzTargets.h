#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

// The bodies of the libFuzzer harnesses (tests/fuzz/fuzz_*.cpp), shared with
// tst_fuzz_regressions, which replays every input the fuzzers once found (tests/data/fuzz/).
// Each feeds untrusted bytes through one public entry point of the engine and checks what
// comes out: an invariant that does not hold aborts, as a crash does.
namespace chorus::fuzz {

// The importer named `format` reading `data` as a file: every record it hands on must hold
// valid UTF-8 without NUL bytes, and every problem must name a line >= 0.
void importBytes(const std::string &format, const std::uint8_t *data, std::size_t size);
// Every importer's detect() on `data` as the head of a file: scores within 0..100.
void detectBytes(const std::uint8_t *data, std::size_t size);
// `data` as a file given to import: listed, opened and decompressed to the end, as the
// import does before any importer sees it.
void decompressBytes(const std::uint8_t *data, std::size_t size);
// `data` as a profile location for the resolver.
void resolveLocationBytes(const std::uint8_t *data, std::size_t size);
// `data` through the text helpers importers use: cleaning, HTML to text, times, URLs.
void textBytes(const std::uint8_t *data, std::size_t size);

// The targets run.sh runs, "import-<format>" for each importer then the others.
std::vector<std::string> targetNames();
// Runs one target by name; false for an unknown name.
bool runTarget(const std::string &target, const std::uint8_t *data, std::size_t size);

} // namespace chorus::fuzz
