#pragma once

#include "common/Progress.h"

#include <QStringList>

#include <cstdio>
#include <string>

namespace chorus::cli {

// Exit codes are part of the chorus-cli contract that scripts rely on.
enum ExitCode { Success = 0, Failure = 1, UsageError = 2 };

void printOut(const std::string &text);
void printErr(const std::string &text);
bool stderrIsTerminal();

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
};

// Each subcommand takes its own arguments (argv[0] is the subcommand name).
using Command = int (*)(const QStringList &arguments);

int runImport(const QStringList &arguments);
int runInfo(const QStringList &arguments);
int runAnalyze(const QStringList &arguments);
int runClusters(const QStringList &arguments);
int runNetwork(const QStringList &arguments);
int runAccounts(const QStringList &arguments);
int runEdge(const QStringList &arguments);

} // namespace chorus::cli
