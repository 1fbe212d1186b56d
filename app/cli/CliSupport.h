#pragma once

#include "common/Progress.h"
#include "common/TimeLeft.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <cstdio>
#include <optional>
#include <string>

namespace chorus {
class CaseStore;
}

namespace chorus::cli {

// Exit codes are part of the chorus-cli contract that scripts rely on.
enum ExitCode { Success = 0, Failure = 1, UsageError = 2 };

void printOut(const std::string &text);
void printErr(const std::string &text);
bool stderrIsTerminal();

// Parses a command that takes exactly one CASE: prints help or what is wrong. Returns the
// exit code when the command is done (help shown, or a usage error), nothing when it goes on.
std::optional<int> parseCaseCommand(QCommandLineParser &parser, const QStringList &arguments,
                                    const char *command);

// The help of one command, its usage line naming "chorus-cli COMMAND" rather than the path the
// program was started from (the manual pages are made from this text).
std::string commandHelp(const QCommandLineParser &parser, const char *command);

// The latest text-clustering run of a case, or nothing after saying why there is none.
std::optional<std::int64_t> latestClusterRunOrExplain(const CaseStore &store);

// Imported text on one line of at most `width` characters (newlines and controls folded).
QString oneLine(const std::string &text, int width);
// A number with a fixed count of decimals ("3.14").
std::string formatNumber(double value, int decimals);

// Stage and percentage on one stderr line, only when a person is watching (stderr is a
// terminal); silent in scripts and tests. The line is cleared when done.
class TerminalProgress final : public ProgressSink
{
public:
    TerminalProgress();
    ~TerminalProgress() override;
    void progress(std::int64_t done, std::int64_t total) override;

protected:
    void onStage(const StageEvent &event) override;

private:
    bool m_enabled;
    std::string m_stage;
    TimeLeft m_timeLeft;
};

// Each subcommand takes its own arguments (argv[0] is the subcommand name).
using Command = int (*)(const QStringList &arguments);

int runImport(const QStringList &arguments);
int runIndex(const QStringList &arguments);
int runAudit(const QStringList &arguments);
int runAnnotate(const QStringList &arguments);
int runAnnotations(const QStringList &arguments);
int runExport(const QStringList &arguments);
int runInfo(const QStringList &arguments);
int runAnalyze(const QStringList &arguments);
int runClusters(const QStringList &arguments);
int runNetwork(const QStringList &arguments);
int runAccounts(const QStringList &arguments);
int runEdge(const QStringList &arguments);
int runCampaigns(const QStringList &arguments);
int runGraph(const QStringList &arguments);
int runGeocode(const QStringList &arguments);
int runMap(const QStringList &arguments);
int runReport(const QStringList &arguments);

} // namespace chorus::cli
