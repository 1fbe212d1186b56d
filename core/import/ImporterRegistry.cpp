#include "import/Importer.h"

#include "import/bluesky/BlueskyImporter.h"
#include "import/coortweet/CooRTweetImporter.h"
#include "import/crowdtangle/CrowdTangleImporter.h"
#include "import/csv/GenericCsvImporter.h"
#include "import/fourcat/FourCatImporter.h"
#include "import/mastodon/MastodonImporter.h"
#include "import/reddit/RedditImporter.h"
#include "import/telegram/TelegramImporter.h"
#include "import/x/Twarc2Importer.h"
#include "import/x/TwarcCsvImporter.h"
#include "import/x/TwitterV1Importer.h"
#include "import/x/XArchiveImporter.h"
#include "import/youtube/YoutubeImporter.h"

namespace chorus {

std::vector<std::unique_ptr<Importer>> allImporters()
{
    std::vector<std::unique_ptr<Importer>> importers;
    importers.push_back(std::make_unique<XArchiveImporter>());
    importers.push_back(std::make_unique<CooRTweetImporter>());
    importers.push_back(std::make_unique<TwarcCsvImporter>());
    importers.push_back(std::make_unique<Twarc2Importer>());
    importers.push_back(std::make_unique<TwitterV1Importer>());
    importers.push_back(std::make_unique<TelegramImporter>());
    importers.push_back(std::make_unique<YoutubeImporter>());
    importers.push_back(std::make_unique<BlueskyImporter>());
    importers.push_back(std::make_unique<MastodonImporter>());
    importers.push_back(std::make_unique<RedditImporter>());
    importers.push_back(std::make_unique<FourCatImporter>());
    importers.push_back(std::make_unique<CrowdTangleImporter>());
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
