#pragma once

#include "common/Progress.h"
#include "import/ImportRunner.h"
#include "query/PostQueries.h"
#include "store/CaseStore.h"

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <array>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace chorus::test {

// Path of a fixture under tests/data/.
QString dataPath(const QString &name);
// Line `line` (from 0) of a fixture; empty when it has none.
QString lineOf(const QString &fixture, int line);

// Writes `content` to `dir/name` byte for byte and returns the path.
QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content);
// reposts.csv in the CooRTweet form: `rows` reposts, row i of object i % objects by account
// i % accounts, one second apart.
QString writeRepostsCsv(const QTemporaryDir &dir, int rows, int objects, int accounts);

// A CSV of one account a place (user0, user1, ...) posting the same text a minute apart from
// 2024-10-14 23:10 UTC, each claiming its place as its location, and the options to import it.
struct LocatedCopies
{
    QString path;
    ImportOptions options;
};
LocatedCopies writeLocatedCopies(const QTemporaryDir &dir, const QString &name,
                                 const QStringList &places);

// Opens (creating) a case in `dir`; fails the test on error.
std::unique_ptr<CaseStore> makeCase(const QTemporaryDir &dir,
                                    const QString &name = QStringLiteral("case.chorus"));

// SQL that takes a current case back to schema `version` (7 or later): it undoes what the
// later migrations added and sets user_version, as a case of that version would be.
std::string olderSchemaScript(int version);

// Takes a case back to schema `version` (olderSchemaScript), then opens it again as this
// version opens a user's older case; fails the test unless it opens upgraded to the current
// version.
std::unique_ptr<CaseStore> reopenUpgraded(std::unique_ptr<CaseStore> store, int version);

// Imports with default options and no progress.
Result<ImportReport> importPath(const CaseStore &store, const QString &path,
                                const ImportOptions &options = {});

// Imports line `line` (from 0) of a fixture alone, from a file of its own in `dir`: a retweet,
// say, then its original collected by a later file.
Result<ImportReport> importLineOf(const CaseStore &store, const QTemporaryDir &dir,
                                  const QString &fixture, int line);

// Generic CSV options mapping every role to its column in tests/data/generic_posts.csv.
ImportOptions genericPostsMapping();

// Runs a single-value query for assertions (tests may read the case directly).
std::int64_t count(const CaseStore &store, const char *sql);
std::string text(const CaseStore &store, const char *sql);

// A post's hashtags, mentions or urls ("tag", "mention", "url"), sorted and joined with '|'.
std::string postList(const CaseStore &store, const std::string &what,
                     const std::string &platformId);

// The format detected for each fixture in tests/data, or "error: ..." when none claims it.
std::map<QString, std::string> detectedFormats();
// The fixtures whose detection breaks the naming rule "a fixture named <prefix>... is detected
// as `format`, and no other fixture is": each as "name: detected format". Empty when none.
QStringList misdetectedFixtures(const QString &prefix, const std::string &format);

struct CliResult
{
    int exitCode = -1;
    QString out;
    QString err;
};
// Runs chorus-cli with the given arguments.
CliResult runCli(const QStringList &arguments);

// A ProgressSink that cancels as soon as the named stage starts: for "cancel leaves the case
// unchanged" tests of long operations.
class CancelAtStage final : public ProgressSink
{
public:
    explicit CancelAtStage(Stage stage) : m_target(stage) {}
    void progress(std::int64_t, std::int64_t) override {}
    bool isCancelled() const override { return m_cancelled; }

protected:
    void onStage(const StageEvent &event) override
    {
        if (event.stage == m_target)
            m_cancelled = true;
    }

private:
    Stage m_target;
    bool m_cancelled = false;
};

// A ProgressSink that cancels at the given poll of isCancelled() within a stage (the first
// poll is 1), and not outside it: a job's loop checks once before a long statement, then
// store/CancelWatch polls from inside the statement, so poll 2 stops it in the middle.
class CancelAtPoll final : public ProgressSink
{
public:
    CancelAtPoll(Stage stage, int poll) : m_target(stage), m_poll(poll) {}
    void progress(std::int64_t, std::int64_t) override {}
    bool isCancelled() const override { return m_inStage && ++m_polls >= m_poll; }
    int polls() const { return m_polls; }

protected:
    void onStage(const StageEvent &event) override { m_inStage = event.stage == m_target; }

private:
    Stage m_target;
    int m_poll;
    bool m_inStage = false;
    mutable int m_polls = 0;
};

// Cancels after `steps` committed steps of the stage given (the text index's by default): the
// step's progress report with done > 0 counts one.
class CancelAfterSteps final : public ProgressSink
{
public:
    explicit CancelAfterSteps(int steps, Stage stage = Stage::IndexingText)
        : m_steps(steps), m_counted(stage)
    {}
    void onStage(const StageEvent &event) override { m_stage = event.stage; }
    void progress(std::int64_t done, std::int64_t) override
    {
        if (done > 0 && m_stage == m_counted)
            ++m_seen;
    }
    bool isCancelled() const override { return m_seen >= m_steps; }

private:
    int m_steps;
    Stage m_counted;
    Stage m_stage = Stage::ReadingFile;
    int m_seen = 0;
};

// A small deterministic generator for planted test data: tests must not depend on the
// platform's rand().
class Lcg
{
public:
    explicit Lcg(std::uint64_t seed) : m_state(seed) {}
    // A number in [0, bound).
    std::uint64_t next(std::uint64_t bound)
    {
        m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
        return (m_state >> 33) % bound;
    }

private:
    std::uint64_t m_state;
};

// Forty letters in no order, in words of seven: no two such texts are near copies.
std::string randomText(Lcg &random);

// The post ids of a page, in its order.
std::vector<std::int64_t> idsOf(const std::vector<PostRow> &rows);

// The ids of posts with sort keys (account or 0, time, id), in a view's order: the keys
// ascending, or descending.
std::vector<std::int64_t> idsInOrder(std::vector<std::array<std::int64_t, 3>> keys,
                                     bool descending);

// SHA-256 of a file's bytes, to prove a file was not modified.
QByteArray fileHash(const QString &path);

} // namespace chorus::test
