// import/ReadAhead: an importer reading on a thread of its own while the caller stores. What
// reaches the sinks is what the importer said, in its order; Cancel, a failed write and a
// failing reader each end the import without leaving the other thread running.
#include "import/AccountKeys.h"
#include "import/ReadAhead.h"
#include "store/Database.h"

#include <QTest>

#include <stdexcept>
#include <thread>

using namespace chorus;

namespace {

// Writes down everything it is given, as text, on the thread it is called on.
class LoggingSink final : public RecordSink, public ProgressSink
{
public:
    std::vector<std::string> log;
    std::thread::id thread;
    std::int64_t throwAtPost = -1;  // a failed write at this post
    std::int64_t cancelAtTick = -1; // the user cancels at this progress tick
    std::int64_t posts = 0;
    std::int64_t ticks = 0;

    void post(PostRecord &&post) override
    {
        check();
        if (posts++ == throwAtPost)
            throw SqlError("disk I/O error");
        log.push_back("post " + post.platformId + " " + post.text);
    }
    void account(AccountRecord &&account) override
    {
        check();
        log.push_back("account " + account.platformId);
    }
    void reject(std::int64_t line, std::string_view field, std::string_view reason,
                std::string_view) override
    {
        check();
        log.push_back("reject " + std::to_string(line) + " " + std::string(field) + " " +
                      std::string(reason));
    }
    void warn(std::int64_t line, std::string_view field, std::string_view,
              std::string_view) override
    {
        check();
        log.push_back("warn " + std::to_string(line) + " " + std::string(field));
    }
    void progress(std::int64_t done, std::int64_t total) override
    {
        check();
        ++ticks;
        log.push_back("progress " + std::to_string(done) + "/" + std::to_string(total));
    }
    bool isCancelled() const override { return cancelAtTick >= 0 && ticks > cancelAtTick; }

protected:
    void onStage(const StageEvent &event) override
    {
        check();
        log.push_back(std::string("stage ") + stageId(event.stage) + " " + event.subject);
    }

private:
    void check()
    {
        if (std::this_thread::get_id() != thread)
            throw std::logic_error("a sink was called on the reader's thread");
    }
};

PostRecord makePost(std::int64_t n)
{
    PostRecord post;
    post.platform = "x";
    post.platformId = std::to_string(n);
    post.text = "text " + std::to_string(n);
    post.author.platform = "x";
    post.author.platformId = "a" + std::to_string(n % 7);
    return post;
}

// What a simple importer does: posts, an account, a bad row and a repaired one, progress and
// a stage, `records` times over. Stops when cancelled, as importers do.
Status reportEverything(RecordSink &records, ProgressSink &progress, std::int64_t rounds,
                        std::vector<std::string> *expected, std::int64_t *roundsRead = nullptr)
{
    progress.stage(Stage::ReadingFile, "file.jsonl", "test");
    if (expected)
        expected->push_back("stage reading-file file.jsonl");
    for (std::int64_t n = 0; n < rounds; ++n) {
        if (progress.isCancelled())
            return Error::cancel();
        if (roundsRead)
            *roundsRead = n + 1;
        records.post(makePost(n));
        AccountRecord account;
        account.platform = "x";
        account.platformId = "u" + std::to_string(n);
        records.account(std::move(account));
        records.reject(n, "created_at", "not a time", "yesterday");
        records.warn(n, "text", "bad UTF-8 replaced", "");
        progress.progress(n + 1, rounds);
        if (expected) {
            const std::string id = std::to_string(n);
            expected->insert(expected->end(),
                             {"post " + id + " text " + id, "account u" + id,
                              "reject " + id + " created_at not a time", "warn " + id + " text",
                              "progress " + std::to_string(n + 1) + "/" + std::to_string(rounds)});
        }
    }
    return {};
}

} // namespace

class TestReadAhead : public QObject
{
    Q_OBJECT
private slots:
    void everythingArrivesInOrderOnTheCallersThread();
    void accountsAreNumberedOnTheReadersThread();
    void readerErrorIsReturned();
    void cancelStopsTheReader();
    void failedWriteStopsTheReaderAndIsRethrown();
    void readerExceptionIsRethrown();
};

void TestReadAhead::everythingArrivesInOrderOnTheCallersThread()
{
    LoggingSink sink;
    sink.thread = std::this_thread::get_id();
    std::vector<std::string> expected;
    std::thread::id readerThread;
    // Enough rounds to fill the queue many times over, so that the reader waits for the writer.
    const Status status = readAhead(
        [&](RecordSink &records, ProgressSink &progress) {
            readerThread = std::this_thread::get_id();
            return reportEverything(records, progress, 20000, &expected);
        },
        sink, sink);
    QVERIFY(status.ok());
    QVERIFY(readerThread != sink.thread);
    QCOMPARE(sink.log.size(), expected.size());
    QVERIFY(sink.log == expected);
}

// The writer's preparer numbers accounts on the reader's thread, before records reach the sink:
// the same account gets the same number on every record, a new one the next number.
void TestReadAhead::accountsAreNumberedOnTheReadersThread()
{
    struct KeyingPreparer final : RecordPreparer
    {
        AccountKeys keys;
        std::thread::id thread;
        void prepare(PostRecord &post) override
        {
            thread = std::this_thread::get_id();
            keys.assign(post.author);
        }
        void prepare(AccountRecord &account) override { keys.assign(account); }
    };
    struct KeySink final : RecordSink, ProgressSink
    {
        std::vector<std::int64_t> keys;
        void post(PostRecord &&post) override { keys.push_back(post.author.importKey); }
        void account(AccountRecord &&account) override { keys.push_back(account.importKey); }
        void reject(std::int64_t, std::string_view, std::string_view, std::string_view) override {}
        void warn(std::int64_t, std::string_view, std::string_view, std::string_view) override {}
        void progress(std::int64_t, std::int64_t) override {}
    };
    const auto by = [](const char *platform, const char *id) {
        PostRecord post;
        post.platform = platform;
        post.author.platform = platform;
        post.author.platformId = id;
        return post;
    };
    KeyingPreparer preparer;
    KeySink sink;
    const Status status = readAhead(
        [&](RecordSink &records, ProgressSink &) -> Status {
            records.post(by("x", "alice"));
            records.post(by("x", "bob"));
            records.post(by("reddit", "alice")); // another platform: another account
            records.post(by("x", "alice"));
            AccountRecord bob;
            bob.platform = "x";
            bob.platformId = "bob";
            records.account(std::move(bob));
            return {};
        },
        sink, sink, &preparer);
    QVERIFY(status.ok());
    QVERIFY(preparer.thread != std::this_thread::get_id());
    QCOMPARE(sink.keys, (std::vector<std::int64_t>{0, 1, 2, 0, 1}));
}

void TestReadAhead::readerErrorIsReturned()
{
    LoggingSink sink;
    sink.thread = std::this_thread::get_id();
    const Status status = readAhead(
        [](RecordSink &records, ProgressSink &) -> Status {
            records.post(makePost(1));
            return Error{"file.json:3: the JSON ends inside a record"};
        },
        sink, sink);
    QVERIFY(!status.ok());
    QCOMPARE(status.error().message, std::string("file.json:3: the JSON ends inside a record"));
    // What was read before the error still reached the writer (the caller decides to keep it).
    QCOMPARE(sink.log, std::vector<std::string>{"post 1 text 1"});
}

void TestReadAhead::cancelStopsTheReader()
{
    LoggingSink sink;
    sink.thread = std::this_thread::get_id();
    sink.cancelAtTick = 1000;
    std::int64_t roundsRead = 0;
    const std::int64_t rounds = 100'000'000; // would take minutes if the reader went on
    const Status status = readAhead(
        [&](RecordSink &records, ProgressSink &progress) {
            return reportEverything(records, progress, rounds, nullptr, &roundsRead);
        },
        sink, sink);
    QVERIFY(!status.ok());
    QVERIFY(status.error().cancelled);
    QVERIFY(roundsRead < rounds);
    // The writer took nothing after the cancel was seen (at the end of a batch).
    QVERIFY(sink.posts < 1000 + 256);
}

void TestReadAhead::failedWriteStopsTheReaderAndIsRethrown()
{
    LoggingSink sink;
    sink.thread = std::this_thread::get_id();
    sink.throwAtPost = 500;
    std::int64_t roundsRead = 0;
    const std::int64_t rounds = 100'000'000;
    bool thrown = false;
    try {
        readAhead(
            [&](RecordSink &records, ProgressSink &progress) {
                return reportEverything(records, progress, rounds, nullptr, &roundsRead);
            },
            sink, sink);
    } catch (const SqlError &error) {
        thrown = std::string(error.what()).find("disk I/O error") != std::string::npos;
    }
    QVERIFY(thrown);
    QVERIFY(roundsRead < rounds); // the reader was stopped and joined before the rethrow
    QCOMPARE(sink.posts, 501);
}

void TestReadAhead::readerExceptionIsRethrown()
{
    LoggingSink sink;
    sink.thread = std::this_thread::get_id();
    bool thrown = false;
    try {
        readAhead([](RecordSink &, ProgressSink &) -> Status { throw std::bad_alloc(); }, sink,
                  sink);
    } catch (const std::bad_alloc &) {
        thrown = true;
    }
    QVERIFY(thrown);
}

QTEST_GUILESS_MAIN(TestReadAhead)
#include "tst_read_ahead.moc"
