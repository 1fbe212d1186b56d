#include "common/ThreadPriority.h"

#ifdef __linux__
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace chorus {

void lowerThisThreadsPriority(BackgroundPriority priority)
{
#ifdef __linux__
    // Linux keeps a nice value per thread: PRIO_PROCESS with a thread id sets this one's.
    setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), static_cast<int>(priority));
#else
    (void)priority;
#endif
}

} // namespace chorus
