#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace chorus {

// The kinds of co-action that link two accounts. Values are bits so that an edge can carry
// the set of networks it appears in.
enum class CoActionType : std::uint8_t {
    CoText = 1,     // posts in the same duplicate-text cluster
    CoRepost = 2,   // reposts of the same post
    CoReply = 4,    // replies to the same post
    CoLink = 8,     // the same normalized URL
    CoHashtag = 16, // the same set of hashtags in a post
};

inline constexpr CoActionType AllCoActionTypes[] = {CoActionType::CoText, CoActionType::CoRepost,
                                                    CoActionType::CoReply, CoActionType::CoLink,
                                                    CoActionType::CoHashtag};

// "co-text" etc.; parse returns nothing for an unknown name.
std::string coActionName(CoActionType type);
std::optional<CoActionType> parseCoActionType(const std::string &name);
// A bit set of types as "co-repost,co-link" (in the order of AllCoActionTypes), and back.
std::string coActionNames(std::uint8_t types);
std::optional<std::uint8_t> parseCoActionTypes(const std::string &commaSeparated);

// One action on one object: the account did something (reposted, used the URL, ...) to
// the object at a time. Compact on purpose: tens of millions are held at once.
struct CoEvent
{
    std::uint32_t object = 0;  // interned object key, per co-action type
    std::uint32_t account = 0; // accounts.id
    std::int64_t time = 0;     // epoch seconds
    std::int64_t post = 0;     // posts.id
};

// An undirected link between two accounts (source < target, by accounts.id).
struct CoEdge
{
    std::int64_t source = 0;
    std::int64_t target = 0;
    std::int64_t weight = 0;  // distinct objects co-acted on
    std::int64_t actions = 0; // co-actions (pairs of actions within the window)
    double meanGap = 0;       // mean |t_a - t_b| over the co-actions, seconds
    std::uint8_t types = 0;   // CoActionType bits
};

} // namespace chorus
