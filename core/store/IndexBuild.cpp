#include "store/IndexBuild.h"

namespace chorus {

void createIndexes(const Database &db, const std::vector<std::string> &definitions)
{
    if (definitions.empty())
        return;
    const std::string restore =
        "PRAGMA cache_size = " + std::to_string(db.queryInt64("PRAGMA cache_size")) + ";";
    db.execScript("PRAGMA cache_size = -2048;");
    try {
        for (const std::string &definition : definitions)
            db.execScript(definition.c_str());
    } catch (const SqlError &) {
        db.execScript(restore.c_str());
        throw;
    }
    db.execScript(restore.c_str());
}

} // namespace chorus
