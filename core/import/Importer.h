#pragma once

#include "common/Error.h"
#include "common/Progress.h"
#include "import/Records.h"

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

class QIODevice;

namespace chorus {

// What an importer hands on, record by record, while it streams through a file.
class RecordSink
{
public:
    virtual ~RecordSink() = default;
    virtual void post(PostRecord &&post) = 0;
    // An account known from the file without a post (a users table, twarc2 includes).
    virtual void account(AccountRecord &&account) = 0;
    // A row that could not be used: it is counted as rejected and skipped.
    virtual void reject(std::int64_t line, std::string_view field, std::string_view reason,
                        std::string_view excerpt) = 0;
    // A row that was kept with a repaired value (bad UTF-8, out-of-range coordinate, ...).
    virtual void warn(std::int64_t line, std::string_view field, std::string_view reason,
                      std::string_view excerpt) = 0;
};

struct ImportOptions
{
    std::string format;                         // empty: detect
    std::map<std::string, std::string> mapping; // generic CSV: role -> column name
    bool strict = false;                        // any rejected row fails the whole import
    // Nothing else in this program has the case open (chorus-cli): into a case without
    // posts, the import may write through a rollback journal (store/FreshCaseJournal). The
    // workbench leaves it off: its panels open their connections on threads of their own,
    // and one that came while the journal was in use would find the case locked.
    bool onlyConnection = false;
};

// One file format. detect() looks at the first bytes of a file; read() streams the whole
// file and never holds it in memory. A fatal problem (the file is not what it claims,
// truncated JSON, a missing required column) is returned as an Error; a bad row is
// reported to the sink and reading goes on.
class Importer
{
public:
    virtual ~Importer() = default;
    virtual std::string name() const = 0;
    virtual std::string description() const = 0;
    // 0 = not this format, 100 = certainly this format.
    virtual int detect(std::string_view head) const = 0;
    virtual Status read(QIODevice &in, const std::string &fileName, const ImportOptions &options,
                        RecordSink &sink, ProgressSink &progress) = 0;
};

// All importers Chorus knows, in detection order.
std::vector<std::unique_ptr<Importer>> allImporters();
std::unique_ptr<Importer> importerByName(std::string_view name);
std::vector<std::string> importerNames();

} // namespace chorus
