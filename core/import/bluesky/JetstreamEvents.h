#pragma once

#include "common/Error.h"
#include "common/Progress.h"
#include "import/Importer.h"

class QIODevice;

namespace chorus {

// Reads Jetstream event lines (JSON Lines as the Jetstream websocket sends them): current
// events {did, time_us, kind: commit|identity|account, commit: {operation, collection, rkey,
// record}} and the older generation {type: com|id|acc, commit: {type: c|u|d, ...}}.
//
// Posts and reposts become posts; identity events with a handle fill the account; all other
// events (likes, follows, profiles, account status, deletions of other records) are counted
// into one summary warning. A deletion of a post that is in the same file keeps the post (it
// is evidence) and warns that it was deleted, and when; an update whose text differs from the
// post's first version in the file keeps the first and warns on the update's line. A cut-off
// last line (an interrupted capture) is rejected and every complete line kept.
Status readJetstreamEvents(QIODevice &in, RecordSink &sink, ProgressSink &progress);

} // namespace chorus
