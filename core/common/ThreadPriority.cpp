#include "common/ThreadPriority.h"

#include <algorithm>
#include <cerrno>

#ifdef __linux__
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace chorus {

void lowerThisThreadsPriority(BackgroundPriority priority)
{
#ifdef __linux__
    // Linux keeps a nice value per thread: PRIO_PROCESS with a thread id reads and sets this
    // one's. Relative to where it is, so that a workbench started under `nice` keeps its order
    // (as far as 19 allows).
    const auto thread = static_cast<id_t>(gettid());
    errno = 0;
    const int now = getpriority(PRIO_PROCESS, thread);
    if (errno == 0)
        setpriority(PRIO_PROCESS, thread, std::min(19, now + static_cast<int>(priority)));
#else
    (void)priority;
#endif
}

} // namespace chorus
