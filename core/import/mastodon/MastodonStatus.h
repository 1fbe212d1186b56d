#pragma once

#include "import/Importer.h"
#include "import/JsonView.h"

#include <cstdint>

namespace chorus {

// Reads one Mastodon API Status (also as served by Pleroma, Akkoma, Misskey or Friendica
// through the Mastodon API) into the sink: the status itself, then the boosted original
// (`reblog`) and the quoted status (`quote`) as posts of their own, since they are the
// context of the boost or quote. A top-level status that cannot be used (no id,
// created_at or account) is rejected; a broken embedded one is skipped with a warning.
void readMastodonStatus(const JsonObject &status, std::int64_t line, RecordSink &sink);

} // namespace chorus
