#pragma once

#include "common/Error.h"
#include "common/Progress.h"
#include "import/Importer.h"

class QIODevice;

namespace chorus {

// A 4CAT CSV: the custom-import layout (`id, thread_id, author, body, timestamp`) or a 4CAT
// dataset export, which adds columns such as `author_fullname`, `unix_timestamp`,
// `hashtags`, `urls`. Choices:
// - Platform: a `platform` or `source_platform` column when there is one (twitter.com and
//   x.com become "x", tiktok.com "tiktok", ...: the names of Chorus's other importers),
//   else "4cat": a custom import does not say where its posts come from.
// - Time: `unix_timestamp` when it is readable (4CAT writes `timestamp` in the 4CAT
//   server's local time, and the epoch is exact), else `timestamp` (read as UTC).
// - Replies: a row whose `parent_id` (when the column is there), or else `thread_id`,
//   differs from its `id` replies to that post. 4CAT's thread is the conversation, so for
//   deep threads this links a reply to the thread's first post, not its direct parent.
// - Author: `author_id` when present and filled, else `author`, is the account id; `author`
//   is the handle, `author_fullname` (or `author_full`, `author_name`) the display name.
// - Hashtags, mentions, urls: the comma-separated `hashtags`, `mentions`/`mentioned` and
//   `urls` columns when there; hashtags and mentions are otherwise scanned from `body`.
// - `subject` (a thread title) and the other columns are not read.
Status readFourCatCsv(QIODevice &in, RecordSink &sink, ProgressSink &progress);

} // namespace chorus
