#pragma once

#include "common/Error.h"
#include "import/Importer.h"

#include <functional>

namespace chorus {

// Runs an importer's read() (given as `read`, called with the sinks it is to report to) on a
// thread of its own while the calling thread stores what it
// reads: parsing and the SQLite writes then take a core each instead of taking turns (on two
// cores an import costs the slower of the two, not their sum).
//
// Everything the importer reports (records, rejected rows, warnings, progress, stages) reaches
// `sink` and `progress` on the calling thread, in the order it was reported, in batches through
// a bounded queue (memory stays flat whatever the file). Cancel from `progress`, and an
// exception thrown by `sink` (a failed write), stop the reader before this returns or
// rethrows; an exception on the reader's thread is rethrown here. What `read` reads belongs
// to the reader until this returns.
using ReadFunction = std::function<Status(RecordSink &records, ProgressSink &progress)>;

// Work on a record that needs no case (numbering its accounts): done by the reader's thread,
// record by record before it is handed on, to take it off the writer's.
class RecordPreparer
{
public:
    virtual ~RecordPreparer() = default;
    virtual void prepare(PostRecord &post) = 0;
    virtual void prepare(AccountRecord &account) = 0;
};

Status readAhead(const ReadFunction &read, RecordSink &sink, ProgressSink &progress,
                 RecordPreparer *preparer = nullptr);

} // namespace chorus
