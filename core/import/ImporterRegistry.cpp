#include "import/Importer.h"

#include "import/CooRTweetImporter.h"
#include "import/GenericCsvImporter.h"
#include "import/Twarc2Importer.h"
#include "import/TwarcCsvImporter.h"
#include "import/TwitterV1Importer.h"
#include "import/XArchiveImporter.h"

namespace chorus {

std::vector<std::unique_ptr<Importer>> allImporters()
{
    std::vector<std::unique_ptr<Importer>> importers;
    importers.push_back(std::make_unique<XArchiveImporter>());
    importers.push_back(std::make_unique<CooRTweetImporter>());
    importers.push_back(std::make_unique<TwarcCsvImporter>());
    importers.push_back(std::make_unique<Twarc2Importer>());
    importers.push_back(std::make_unique<TwitterV1Importer>());
    importers.push_back(std::make_unique<GenericCsvImporter>()); // never detected: --format csv
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
