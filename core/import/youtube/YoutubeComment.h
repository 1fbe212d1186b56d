#pragma once

#include "import/JsonSupport.h"
#include "import/Records.h"

#include <optional>
#include <string>

namespace chorus {

// What one YouTube Data API comment resource ({id, snippet: {...}}) became.
struct YoutubeCommentResult
{
    std::optional<PostRecord> post;
    std::string field;   // when `post` is empty: the field that made the comment unusable
    std::string problem; // ... and why
};

// Reads one comment as a post of platform "youtube" with the comment id as its platformId.
// A comment with a parent (snippet.parentId, else `threadParent`: the top-level comment of
// the thread it was listed in) is a Reply to it. A top-level comment answers a video, which
// is not a post of the case: it is a Post carrying the video's watch URL (from its videoId,
// else `videoId`), so that the comments on one video can be found and compared.
// The author is snippet.authorChannelId.value (required); authorDisplayName is the display
// name, and the handle when it is one ("@name"). Text is textOriginal, else the plain text
// of the HTML textDisplay; a trailing U+FEFF is dropped.
YoutubeCommentResult readYoutubeComment(const JsonObject &comment, const JsonFields &fields,
                                        RecordSink &sink, std::int64_t line,
                                        const std::string &threadParent,
                                        const std::string &videoId);

} // namespace chorus
