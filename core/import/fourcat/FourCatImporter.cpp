#include "import/fourcat/FourCatImporter.h"

#include "import/ImportSupport.h"
#include "import/JsonSupport.h"
#include "import/fourcat/FourCatCsv.h"
#include "import/fourcat/ZeeschuimerReader.h"

#include <QIODevice>

namespace chorus {

int FourCatImporter::detect(std::string_view head) const
{
    const JsonHead json = readJsonHead(head);
    if (json.isJson) {
        // Zeeschuimer's envelope keys come before `data`, so they are in any head; the score
        // beats twarc2's `data` + `meta` guess, which a captured object may trip.
        if (json.hasKey("source_platform") && json.hasKey("data") &&
            (json.hasKey("item_id") || json.hasKey("nav_index")))
            return 99;
        if (json.hasKey("__import_meta")) {
            const bool named =
                json.complete
                    ? json.first.value("__import_meta").toObject().contains("source_platform")
                    : json.hasKey("source_platform");
            return named ? 97 : 0;
        }
        return 0;
    }
    return headerHasColumns(head, {"id", "thread_id", "author", "body", "timestamp"}) ? 90 : 0;
}

Status FourCatImporter::read(QIODevice &in, const std::string &, const ImportOptions &,
                             RecordSink &sink, ProgressSink &progress)
{
    QByteArray start = in.peek(4096);
    if (start.startsWith("\xEF\xBB\xBF"))
        start.remove(0, 3);
    const QByteArray first = start.trimmed().left(1);
    if (first == "{" || first == "[")
        return readZeeschuimer(in, sink, progress);
    return readFourCatCsv(in, sink, progress);
}

} // namespace chorus
