#include "network/NetworkTypes.h"

namespace chorus {

std::string coActionName(CoActionType type)
{
    switch (type) {
    case CoActionType::CoText:
        return "co-text";
    case CoActionType::CoRepost:
        return "co-repost";
    case CoActionType::CoReply:
        return "co-reply";
    case CoActionType::CoLink:
        return "co-link";
    case CoActionType::CoHashtag:
        return "co-hashtag";
    }
    return {};
}

std::optional<CoActionType> parseCoActionType(const std::string &name)
{
    for (CoActionType type : AllCoActionTypes)
        if (coActionName(type) == name)
            return type;
    return std::nullopt;
}

std::string coActionNames(std::uint8_t types)
{
    std::string names;
    for (CoActionType type : AllCoActionTypes) {
        if (!(types & std::uint8_t(type)))
            continue;
        if (!names.empty())
            names += ',';
        names += coActionName(type);
    }
    return names;
}

std::optional<std::uint8_t> parseCoActionTypes(const std::string &commaSeparated)
{
    std::uint8_t types = 0;
    std::size_t start = 0;
    while (start <= commaSeparated.size()) {
        std::size_t end = commaSeparated.find(',', start);
        if (end == std::string::npos)
            end = commaSeparated.size();
        const std::string name = commaSeparated.substr(start, end - start);
        if (!name.empty()) {
            const auto type = parseCoActionType(name);
            if (!type)
                return std::nullopt;
            types |= std::uint8_t(*type);
        }
        start = end + 1;
    }
    if (types == 0)
        return std::nullopt;
    return types;
}

} // namespace chorus
