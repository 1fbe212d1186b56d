#pragma once

#include "common/Error.h"
#include "common/Progress.h"
#include "import/Importer.h"
#include "import/JsonView.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

class QIODevice;

namespace chorus {

// One element of a wrapped array, handed over on its own.
struct JsonArrayElement
{
    const std::string &path;   // the matched path, e.g. "chats.list.messages"
    const JsonObject &object;  // the element, valid during the handler's call
    const JsonObject &context; // the enclosing object's other members read so far
    std::int64_t line;         // where the element starts
};
using JsonArrayElementHandler = std::function<void(const JsonArrayElement &element)>;

// Streams the elements of the arrays found at `paths` inside a JSON document that wraps its
// records: Telegram's result.json ({name, messages: [...]}, or chats.list[].messages in a full
// export), a Bluesky repository capture ({accountMeta, postRecords: [...]}), a saved API page
// ({items: [...]}). A path names object keys joined by '.'; arrays on the way are walked
// element by element ("chats.list.messages" reaches every chat's messages); the empty path
// names the top level: each element of a top-level array, and each top-level object (JSON
// Lines of records), is then a record itself. Each element is
// parsed alone, so memory is bounded by the largest element, not by the file; several
// documents in a row (one page per line) are read in turn.
//
// `context` holds the members of the array's enclosing object that come before the array
// (the chat's name and id, the capture's accountMeta); members above 1 MiB are left out.
// An element that is not a valid object is rejected (field "(record)") and reading goes on, and
// so is a top-level object in which none of the paths is found (another kind of record). A
// file cut off inside an element keeps every complete element and rejects the cut-off one. A
// file that is not JSON at all, or whose structure breaks outside the elements, is an Error.
Status readJsonArraysAt(QIODevice &in, const std::vector<std::string> &paths, RecordSink &sink,
                        ProgressSink &progress, const JsonArrayElementHandler &handle);

} // namespace chorus
