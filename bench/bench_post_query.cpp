// bench_post_query CASE [--only FILTER] [--no-anchors | --anchored-only] [--no-keys]
//                  [--key-slice ROWS] [--near-row ROW] [--page-rows ROWS]: how long the posts
// table's queries take on an existing case: count and pages (first, middle, last) under typical
// filters, and the timeline aggregates. Make a 1M-post case with chorus-generate --posts 1000000
// --x-io posts.csv and chorus-cli import CASE posts.csv. --only runs the rows whose name contains
// FILTER;
// --no-anchors leaves out reading each view's anchors (130 s for 'the' at ten million posts),
// --anchored-only the middle and last pages read without them (by OFFSET, printed as -1);
// "a.near" is the page at ROW (10,000) after the anchors, a page a scroll or two down;
// --no-keys pages without the posts' order keys in memory (PostOrderKeys), as the workbench
// does until it has read them; --key-slice reads them in slices of ROWS posts (1,000,000);
// --page-rows reads pages of ROWS rows (256; the workbench's table reads 64 at a time).
#include "query/PostQueries.h"
#include "query/TimelineQueries.h"
#include "store/CaseStore.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <string>

using namespace chorus;

namespace {

double timeMs(const std::function<void()> &work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    std::string only;
    bool readAnchors = true, readKeys = true, anchoredOnly = false, usage = argc < 2;
    std::int64_t keySliceRows = 1000000;
    std::int64_t nearRow = 10000;
    int pageRows = 256;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--only" && i + 1 < argc)
            only = argv[++i];
        else if (arg == "--no-anchors")
            readAnchors = false;
        else if (arg == "--anchored-only")
            anchoredOnly = true;
        else if (arg == "--no-keys")
            readKeys = false;
        else if (arg == "--key-slice" && i + 1 < argc)
            keySliceRows = std::stoll(argv[++i]);
        else if (arg == "--near-row" && i + 1 < argc)
            nearRow = std::stoll(argv[++i]);
        else if (arg == "--page-rows" && i + 1 < argc)
            pageRows = std::max(1, std::stoi(argv[++i]));
        else
            usage = true;
    }
    if (usage) {
        std::fprintf(
            stderr, "usage: bench_post_query CASE [--only FILTER] [--no-anchors | --anchored-only] "
                    "[--no-keys] "
                    "[--key-slice ROWS] [--near-row ROW] [--page-rows ROWS]\n");
        return 2;
    }
    auto store = CaseStore::open(argv[1]);
    if (!store) {
        std::fprintf(stderr, "%s\n", store.error().message.c_str());
        return 1;
    }
    PostOrderKeys keys;
    if (readKeys) {
        // In slices as the posts table reads them; the longest is how long a page asked for
        // meanwhile may wait.
        double longestSliceMs = 0;
        const double keysMs = timeMs([&] {
            for (bool done = false; !done;)
                longestSliceMs = std::max(
                    longestSliceMs, timeMs([&] {
                        done =
                            PostQueries(*store.value()).extendOrderKeys(keys, keySliceRows).value();
                    }));
        });
        std::printf("order keys: %.1f ms in slices of %lld posts (longest %.1f ms), %.1f MB\n",
                    keysMs, static_cast<long long>(keySliceRows), longestSliceMs,
                    double(keys.time.capacity() * 8 + keys.account.capacity() * 4 +
                           keys.facets.capacity() + keys.language.capacity() * 2) /
                        1e6);
    }
    const PostQueries posts(*store.value(), readKeys ? &keys : nullptr);
    const TimelineQueries timeline(*store.value());
    struct Case
    {
        const char *name;
        PostFilter filter;
        PostSort sort;
    };
    PostFilter search;
    search.text = "rally";
    PostFilter rare;
    rare.text = "Kirkland";
    PostFilter common; // in about half the posts of a generated collection
    common.text = "the";
    PostFilter kind;
    kind.kind = "reply";
    PostFilter language;
    language.language = "fr";
    PostFilter account;
    account.accountId = 42;
    // Searches narrowed by a term the keys in memory answer.
    PostFilter searchFrench = search; // none: the campaign posts in English
    searchFrench.language = "fr";
    PostFilter searchReplies = search;
    searchReplies.kind = "reply";
    PostFilter commonReplies = common;
    commonReplies.kind = "reply";
    PostFilter range;
    const auto span = timeline.span({}).value();
    range.from = span.first + (span.second - span.first) / 2;
    range.to = *range.from + 86400;
    PostFilter commonDay = range;
    commonDay.text = common.text;
    const Case cases[] = {{"all, by time", {}, PostSort::Time},
                          {"all, by account", {}, PostSort::Account},
                          {"all, by cluster", {}, PostSort::Cluster},
                          {"search 'rally'", search, PostSort::Time},
                          {"search 'Kirkland'", rare, PostSort::Time},
                          {"search 'the'", common, PostSort::Time},
                          {"kind reply", kind, PostSort::Time},
                          {"language fr", language, PostSort::Time},
                          {"one account", account, PostSort::Time},
                          {"one day", range, PostSort::Time},
                          {"'rally' + fr", searchFrench, PostSort::Time},
                          {"'rally' + reply", searchReplies, PostSort::Time},
                          {"'the' + reply", commonReplies, PostSort::Time},
                          {"'the' + one day", commonDay, PostSort::Time},
                          {"kind reply, by cluster", kind, PostSort::Cluster},
                          {"'rally' + reply, by cluster", searchReplies, PostSort::Cluster},
                          {"'the' + reply, by cluster", commonReplies, PostSort::Cluster}};
    std::printf("%-20s %10s %8s %8s %9s %9s %10s %10s %10s %10s\n", "filter", "rows", "count",
                "page0", "middle", "last", "anchors", "a.middle", "a.last", "a.near");
    for (const Case &c : cases) {
        if (std::string(c.name).find(only) == std::string::npos)
            continue;
        std::int64_t n = 0;
        const double count = timeMs([&] { n = posts.count(c.filter).value(); });
        const std::int64_t middleRow = n / 2, lastRow = std::max<std::int64_t>(0, n - pageRows);
        const double first = timeMs([&] { posts.page(c.filter, c.sort, false, 0, pageRows); });
        // Without anchors the middle and last pages are read by OFFSET: minutes deep in a
        // ten-million-post view (the workbench does not, past AnchoredViewRows).
        const double middle = anchoredOnly ? -1 : timeMs([&] {
            posts.page(c.filter, c.sort, false, middleRow, pageRows);
        });
        const double last =
            anchoredOnly ? -1
                         : timeMs([&] { posts.page(c.filter, c.sort, false, lastRow, pageRows); });
        // The workbench reads the anchors of a long view in slices on its reader thread;
        // "anchors" is all the slices together.
        PageAnchors anchors;
        const double building = timeMs([&] {
            while (readAnchors && !anchors.complete)
                anchors = posts.extendAnchors(c.filter, c.sort, false, anchors, 100000).value();
        });
        const double anchoredMiddle =
            timeMs([&] { posts.page(c.filter, c.sort, false, middleRow, pageRows, &anchors); });
        const double anchoredLast =
            timeMs([&] { posts.page(c.filter, c.sort, false, lastRow, pageRows, &anchors); });
        const std::int64_t near = std::min(nearRow, lastRow);
        const double anchoredNear =
            timeMs([&] { posts.page(c.filter, c.sort, false, near, pageRows, &anchors); });
        std::printf("%-20s %10lld %8.1f %8.1f %9.1f %9.1f %10.1f %10.1f %10.1f %10.1f\n", c.name,
                    static_cast<long long>(n), count, first, middle, last, building, anchoredMiddle,
                    anchoredLast, anchoredNear);
    }
    if (!only.empty())
        return 0;
    // The timeline's whole-case view (collected posts: the per-minute counts) and the same
    // questions over every post (a scan).
    PostFilter collected;
    collected.collectedOnly = true;
    for (const auto &[name, filter] :
         {std::pair<const char *, PostFilter>{"whole case", collected}, {"scan", PostFilter{}}}) {
        std::pair<std::int64_t, std::int64_t> bounds;
        const double spanMs = timeMs([&] { bounds = timeline.span(filter).value(); });
        const std::int64_t bin = chooseBinSeconds(bounds.second - bounds.first);
        std::printf("timeline, %s: span %.1f ms, posts per bin (%lld s) %.1f ms, account "
                    "creation per day %.1f ms, hour x weekday %.1f ms\n",
                    name, spanMs, static_cast<long long>(bin),
                    timeMs([&] { timeline.postsPerBin(filter, bin); }),
                    timeMs([&] { timeline.accountCreation(filter, 86400); }),
                    timeMs([&] { timeline.hourWeekday(filter); }));
    }
    std::printf("languages: %.1f ms\n", timeMs([&] { posts.languages(); }));
    std::printf("case summary (opening): %.1f ms\n", timeMs([&] { store.value()->summary(); }));
    return 0;
}
