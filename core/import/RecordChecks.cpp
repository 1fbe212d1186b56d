#include "import/RecordChecks.h"

#include "text/TextCleaner.h"

#include <algorithm>
#include <utility>

namespace chorus {

namespace {

bool isPlainId(std::string_view id)
{
    const bool controls = std::any_of(id.begin(), id.end(), [](char c) {
        return static_cast<unsigned char>(c) < 0x20 || c == '\x7f';
    });
    return !controls && isValidUtf8(id);
}

std::optional<IdentityProblem> check(const char *field, const std::string &id, bool required)
{
    if (required && id.empty())
        return IdentityProblem{field, "missing", id};
    if (!isPlainId(id))
        return IdentityProblem{field, "holds bytes that are not text (a damaged file?)", id};
    return std::nullopt;
}

void clearIfNotCode(std::string &code)
{
    const bool isCode = code.size() <= 35 && std::all_of(code.begin(), code.end(), [](char c) {
                            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                   (c >= '0' && c <= '9') || c == '-' || c == '_';
                        });
    if (!isCode)
        code.clear();
}

} // namespace

void clearMalformedCodes(AccountRecord &account)
{
    clearIfNotCode(account.language);
}

void clearMalformedCodes(PostRecord &post)
{
    clearIfNotCode(post.language);
    clearIfNotCode(post.placeCountry);
    clearMalformedCodes(post.author);
}

std::optional<IdentityProblem> identityProblem(const AccountRecord &account)
{
    if (auto problem = check("platform", account.platform, true))
        return problem;
    return check("account id", account.platformId, true);
}

std::optional<IdentityProblem> identityProblem(const PostRecord &post)
{
    const std::pair<const char *, const std::string *> ids[] = {{"platform", &post.platform},
                                                                {"id", &post.platformId},
                                                                {"reply_to", &post.replyTo},
                                                                {"repost_of", &post.repostOf},
                                                                {"quote_of", &post.quoteOf}};
    for (const auto &[field, id] : ids)
        if (auto problem = check(field, *id, id == &post.platform || id == &post.platformId))
            return problem;
    if (auto problem = identityProblem(post.author)) {
        problem->field = problem->field == "platform" ? "author platform" : "author id";
        return problem;
    }
    return std::nullopt;
}

std::optional<IdentityProblem> admitRecord(PostRecord &post)
{
    auto problem = identityProblem(post);
    if (!problem)
        clearMalformedCodes(post);
    return problem;
}

std::optional<IdentityProblem> admitRecord(AccountRecord &account)
{
    auto problem = identityProblem(account);
    if (!problem)
        clearMalformedCodes(account);
    return problem;
}

} // namespace chorus
