#pragma once

#include "common/Error.h"
#include "common/Progress.h"
#include "import/Importer.h"

class QIODevice;

namespace chorus {

// Streams a Zeeschuimer export (NDJSON, one captured item per line: {nav_index, item_id,
// timestamp_collected, source_platform, source_platform_url, source_url, user_agent, data})
// or a 4CAT NDJSON download of such a dataset (the platform's object with the envelope under
// `__import_meta`). Items are mapped by `source_platform`; one from a platform without a
// mapper is rejected naming it. Each line stands alone, so a cut-off last line (an
// interrupted save) is rejected as that one item and the items before it are kept.
Status readZeeschuimer(QIODevice &in, RecordSink &sink, ProgressSink &progress);

} // namespace chorus
