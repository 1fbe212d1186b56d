#pragma once

#include "import/Importer.h"

namespace chorus {

// CSV exports of CrowdTangle (Meta's former monitoring tool) for Facebook pages and groups or
// for Instagram accounts: one post per row, a UTF-8 byte-order mark, `Post Created` in the
// dashboard's time zone with its abbreviation ("2021-07-05 18:02:45 BRT"), counts in the
// exporter's locale ("407.137"), page ids too large for a double.
//
// Choices, so that an analyst can check them:
// - Post id: a `Post Id` column when there is one, else the id in `URL` (posts/<id>,
//   permalink/<id>, p/<shortcode>, ?story_fbid=, or the last path segment), else the URL
//   itself. Instagram ids are shortcodes, as in Zeeschuimer imports (format 4cat).
// - Facebook text: `Message`; when it is empty (a shared link without comment), the link's
//   `Link Text` and `Description`, one per line.
// - Facebook account: id `Facebook Id` (else `User Name`), handle `User Name`, name
//   `Page Name` or `Group Name`, bio `Page Description`, location `Page Admin Top Country`
//   (ISO alpha-2: where the page's admins mostly are, as Meta reported it, not where the
//   page claims to be), created `Page Created`, followers `Followers at Posting`.
// - Instagram account: `User Name` is id and handle (the export has no numeric id), name
//   `Account`; text `Description` (the caption), else `Title`.
// - Urls: `Link` and `Final Link`, without a link to the post itself.
// - Hashtags and mentions are scanned from the text (TextEntities).
// - An unknown zone abbreviation is warned about and the time read as UTC; a fractional or
//   unreadable follower count is warned about and left empty. `Type`, interaction counts,
//   sponsors and scores have no place in a post record and are not read.
class CrowdTangleImporter final : public Importer
{
public:
    std::string name() const override { return "crowdtangle"; }
    std::string description() const override
    {
        return "CrowdTangle Facebook or Instagram post export (CSV)";
    }
    int detect(std::string_view head) const override;
    Status read(QIODevice &in, const std::string &fileName, const ImportOptions &options,
                RecordSink &sink, ProgressSink &progress) override;
};

} // namespace chorus
