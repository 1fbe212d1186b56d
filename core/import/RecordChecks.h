#pragma once

#include "import/Records.h"

#include <optional>
#include <string>
#include <string_view>

namespace chorus {

// What makes a record unusable whatever its format: an identity (platform, post id, account
// id, the ids it refers to) that is not plain text. Ids key the case (the same post twice, a
// reply's target, an account's posts); one with NUL, control or invalid UTF-8 bytes comes from a
// damaged file, never from a platform, and cannot be shown or matched. PostWriter rejects such
// records; the fuzz harness (tests/fuzz) skips them the same way.
struct IdentityProblem
{
    std::string field; // "id", "author id", "reply_to", ...
    std::string reason;
    std::string value; // the offending id, as found
};

std::optional<IdentityProblem> identityProblem(const PostRecord &post);
std::optional<IdentityProblem> identityProblem(const AccountRecord &account);

// Clears code fields that are not codes: a language tag ("en", "pt-BR", "und") or country code
// is ASCII letters, digits, '-' and '_' and short. Whatever else a damaged file put there is not
// kept (the record is). PostWriter does this to every record it stores.
void clearMalformedCodes(PostRecord &post);
void clearMalformedCodes(AccountRecord &account);

// Both, as a record is stored: why the record is refused, or nothing after its codes were
// tidied. PostWriter and the fuzz harness call this one function.
std::optional<IdentityProblem> admitRecord(PostRecord &post);
std::optional<IdentityProblem> admitRecord(AccountRecord &account);

} // namespace chorus
