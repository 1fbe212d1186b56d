#pragma once

namespace chorus::schema {

// "CHRS": marks a SQLite file as a Chorus case so a foreign database is never touched.
constexpr int ApplicationId = 0x43485253;

// Forward migrations, applied in order; migration i takes user_version i to i + 1.
// Append new steps, never edit released ones.
int currentVersion();
const char *migration(int fromVersion);

} // namespace chorus::schema
