#include "import/Records.h"

namespace chorus {

const char *postKindName(PostKind kind)
{
    switch (kind) {
    case PostKind::Post:
        return "post";
    case PostKind::Reply:
        return "reply";
    case PostKind::Repost:
        return "repost";
    case PostKind::Quote:
        return "quote";
    }
    return "post";
}

} // namespace chorus
