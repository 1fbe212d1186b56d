#include "import/bluesky/BlueskyImporter.h"

#include "import/JsonSupport.h"
#include "import/bluesky/JetstreamEvents.h"
#include "import/bluesky/RepoRecords.h"

#include <QIODevice>

namespace chorus {

namespace {

constexpr qint64 HeadSize = 64 * 1024;

bool isJetstream(const JsonHead &json)
{
    return json.hasKey("did") && json.hasKey("time_us") &&
           (json.hasKey("kind") || json.hasKey("commit") || json.hasKey("type"));
}

bool isCapture(const JsonHead &json)
{
    return json.hasKey("postRecords") || json.hasKey("accountMeta");
}

// A listRecords page: "records" alone is too common a word, its elements' at:// URIs are not.
bool isListRecords(const JsonHead &json)
{
    return json.hasKey("records") && json.raw.find("\"at://") != std::string_view::npos;
}

} // namespace

int BlueskyImporter::detect(std::string_view head) const
{
    const JsonHead json = readJsonHead(head);
    if (!json.isJson)
        return 0;
    if (isJetstream(json) || isCapture(json))
        return 95;
    return isListRecords(json) ? 90 : 0;
}

Status BlueskyImporter::read(QIODevice &in, const std::string &, const ImportOptions &,
                             RecordSink &sink, ProgressSink &progress)
{
    // The same test as detect(), so that --format bluesky reads a file the way it is detected;
    // anything else is taken for Jetstream lines, whose problems are reported line by line.
    const QByteArray head = in.peek(HeadSize);
    const JsonHead json = readJsonHead(std::string_view(head.constData(), size_t(head.size())));
    if (!isJetstream(json) && (isCapture(json) || json.hasKey("records")))
        return readRepoRecords(in, sink, progress);
    return readJetstreamEvents(in, sink, progress);
}

} // namespace chorus
