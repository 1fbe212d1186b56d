#include "import/Importer.h"

#include "import/CooRTweetImporter.h"
#include "import/XArchiveImporter.h"

namespace chorus {

std::vector<std::unique_ptr<Importer>> allImporters()
{
    std::vector<std::unique_ptr<Importer>> importers;
    importers.push_back(std::make_unique<XArchiveImporter>());
    importers.push_back(std::make_unique<CooRTweetImporter>());
    return importers;
}

std::unique_ptr<Importer> importerByName(std::string_view name)
{
    for (auto &importer : allImporters())
        if (importer->name() == name)
            return std::move(importer);
    return nullptr;
}

std::vector<std::string> importerNames()
{
    std::vector<std::string> names;
    for (const auto &importer : allImporters())
        names.push_back(importer->name());
    return names;
}

} // namespace chorus
