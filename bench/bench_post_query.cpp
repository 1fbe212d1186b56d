// bench_post_query CASE: how long the posts table's queries take on an existing case:
// count and pages (first, middle, last) under typical filters, and the timeline aggregates.
// Make a 1M-post case with chorus-generate --posts 1000000 --x-io posts.csv and
// chorus-cli import CASE posts.csv.
#include "query/PostQueries.h"
#include "query/TimelineQueries.h"
#include "store/CaseStore.h"

#include <QElapsedTimer>

#include <cstdio>
#include <functional>

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
    if (argc != 2) {
        std::fprintf(stderr, "usage: bench_post_query CASE\n");
        return 2;
    }
    auto store = CaseStore::open(argv[1]);
    if (!store) {
        std::fprintf(stderr, "%s\n", store.error().message.c_str());
        return 1;
    }
    const PostQueries posts(*store.value());
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
    PostFilter kind;
    kind.kind = "reply";
    PostFilter language;
    language.language = "fr";
    PostFilter account;
    account.accountId = 42;
    PostFilter range;
    const auto span = timeline.span({}).value();
    range.from = span.first + (span.second - span.first) / 2;
    range.to = *range.from + 86400;
    const Case cases[] = {
        {"all, by time", {}, PostSort::Time},        {"all, by account", {}, PostSort::Account},
        {"all, by cluster", {}, PostSort::Cluster},  {"search 'rally'", search, PostSort::Time},
        {"search 'Kirkland'", rare, PostSort::Time}, {"kind reply", kind, PostSort::Time},
        {"language fr", language, PostSort::Time},   {"one account", account, PostSort::Time},
        {"one day", range, PostSort::Time}};
    std::printf("%-20s %10s %10s %12s %12s %12s\n", "filter", "rows", "count ms", "page0 ms",
                "middle ms", "last ms");
    for (const Case &c : cases) {
        std::int64_t n = 0;
        const double count = timeMs([&] { n = posts.count(c.filter).value(); });
        const double first = timeMs([&] { posts.page(c.filter, c.sort, false, 0, 256); });
        const double middle = timeMs([&] { posts.page(c.filter, c.sort, false, n / 2, 256); });
        const double last = timeMs(
            [&] { posts.page(c.filter, c.sort, false, std::max<std::int64_t>(0, n - 256), 256); });
        std::printf("%-20s %10lld %10.1f %12.1f %12.1f %12.1f\n", c.name, static_cast<long long>(n),
                    count, first, middle, last);
    }
    const std::int64_t bin = chooseBinSeconds(span.second - span.first);
    std::printf("timeline posts per bin (%lld s): %.1f ms\n", static_cast<long long>(bin),
                timeMs([&] { timeline.postsPerBin({}, bin); }));
    std::printf("account creation per day: %.1f ms\n",
                timeMs([&] { timeline.accountCreation({}, 86400); }));
    std::printf("hour x weekday: %.1f ms\n", timeMs([&] { timeline.hourWeekday({}); }));
    std::printf("languages: %.1f ms\n", timeMs([&] { posts.languages(); }));
    return 0;
}
