#include "import/AccountKeys.h"

namespace chorus {

std::int64_t AccountKeys::keyOf(std::string_view platform, std::string_view platformId)
{
    if (!m_lastKeys || platform != m_lastPlatform) {
        auto known = m_platforms.find(platform);
        if (known == m_platforms.end())
            known = m_platforms.emplace(std::string(platform), Keys()).first;
        m_lastKeys = &known->second;
        m_lastPlatform.assign(platform);
    }
    const auto [at, added] = m_lastKeys->try_emplace(std::string(platformId), m_next);
    m_next += added;
    return at->second;
}

} // namespace chorus
