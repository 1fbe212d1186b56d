#pragma once

#include "import/Records.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace chorus {

// Numbers the accounts of one import densely, 0, 1, 2, ... in the order they are first seen,
// by (platform, platform id): the writer then finds an account's row in an array instead of
// hashing its id. Filled on the reader's thread during an import (ReadAhead's
// RecordPreparer), so that the hashing costs the writer nothing. Used by one thread at a time.
class AccountKeys
{
public:
    std::int64_t keyOf(std::string_view platform, std::string_view platformId);
    // Sets account.importKey when it has none.
    void assign(AccountRecord &account)
    {
        if (account.importKey < 0)
            account.importKey = keyOf(account.platform, account.platformId);
    }

private:
    // Looked up by string_view: no key string is built for the accounts already seen.
    struct TextHash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const
        {
            return std::hash<std::string_view>{}(text);
        }
    };
    using Keys = std::unordered_map<std::string, std::int64_t, TextHash, std::equal_to<>>;
    std::unordered_map<std::string, Keys, TextHash, std::equal_to<>> m_platforms;
    Keys *m_lastKeys = nullptr; // an import is nearly always of one platform
    std::string m_lastPlatform;
    std::int64_t m_next = 0;
};

} // namespace chorus
