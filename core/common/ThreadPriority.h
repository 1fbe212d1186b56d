#pragma once

namespace chorus {

// How far below the thread that starts it a background thread runs (Linux nice values, added
// to its own, at most 19; the GUI thread stays where it is). On two cores, a window's thread that
// wakes among busy threads of its own priority waited up to 35 ms for a core (bench_ui_stall); the
// scheduler lets it in first when they are lower. Each step of nice weighs a fifth less: as a
// ten-million-post case opens, with every panel reading, a search narrowed in the posts table
// waited up to 162 ms for its first rows with the panels at nice 8 (the table's reader had
// twice their weight), up to 94 ms at 12 (five times a panel's, but several panels read at
// once), up to 75 ms at 17 (fifteen times; docs/performance.md). Tasks stay below the panels:
// against a busy program at nice 0 a task gets about a fiftieth of a core (a twentieth at 14),
// so an import or an analysis runs on what the machine leaves. The values are capped at 19: in
// a workbench started under nice 2 or more, panels, tasks and idle work share it.
enum class BackgroundPriority {
    Reader = 5, // answers the user is waiting for: the posts table's pages and counts, a post
    Panel = 17, // a panel's answers (timeline, clusters, graph, map): they yield to the table's
    Task = 18,  // a long job (an import, an analysis) and the threads it starts
    Idle = 19,  // work that only uses time nothing else wants
};
static_assert(int(BackgroundPriority::Reader) < int(BackgroundPriority::Panel) &&
              int(BackgroundPriority::Panel) < int(BackgroundPriority::Task) &&
              int(BackgroundPriority::Task) < int(BackgroundPriority::Idle));

// Lowers the calling thread, and the threads it starts later, by `priority`. Any thread may do
// this without privileges; where it cannot (or off Linux) nothing changes, which is harmless.
void lowerThisThreadsPriority(BackgroundPriority priority);

} // namespace chorus
