#include "store/IndexBuild.h"

namespace chorus {

void createIndexes(const Database &db, const std::vector<std::string> &definitions)
{
    if (definitions.empty())
        return;
    // An index build sorts through every row once: a small cache is enough.
    const PageCacheLimit passingThrough(db, 2048);
    for (const std::string &definition : definitions)
        db.execScript(definition.c_str());
}

} // namespace chorus
