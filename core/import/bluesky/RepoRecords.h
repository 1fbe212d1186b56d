#pragma once

#include "common/Error.h"
#include "common/Progress.h"
#include "import/Importer.h"

class QIODevice;

namespace chorus {

// Reads repository records wrapped in JSON: com.atproto.repo.listRecords pages ({records:
// [{uri, cid, value}], cursor}; one page, one page per line, or an array of pages) and
// repository captures ({capturedAt, accountMeta: {Identity, Profile, FollowersCount, ...},
// postRecords: [{uri, cid, value}]}), element by element. A capture's accountMeta, when it
// comes before postRecords, gives the account its handle, profile and counts. Records of
// other collections (a listRecords of likes) are counted into one summary warning.
Status readRepoRecords(QIODevice &in, RecordSink &sink, ProgressSink &progress);

} // namespace chorus
