#pragma once

namespace chorus {

// How far below the thread that starts it a background thread runs (Linux nice values, added
// to its own, at most 19; the GUI thread stays where it is). On two cores, a window's thread that
// wakes among busy threads of its own priority waited up to 35 ms for a core (bench_ui_stall); the
// scheduler lets it in first when they are lower.
enum class BackgroundPriority {
    Reader = 5, // answers the user is waiting for: the posts table's pages and counts, a post
    Panel = 8,  // a panel's answers (timeline, clusters, graph, map): they yield to the table's
    Task = 10,  // a long job (an import, an analysis) and the threads it starts
    Idle = 19,  // work that only uses time nothing else wants
};

// Lowers the calling thread, and the threads it starts later, by `priority`. Any thread may do
// this without privileges; where it cannot (or off Linux) nothing changes, which is harmless.
void lowerThisThreadsPriority(BackgroundPriority priority);

} // namespace chorus
