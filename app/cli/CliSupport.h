#pragma once

#include <QStringList>

#include <cstdio>
#include <string>

namespace chorus::cli {

// Exit codes are part of the chorus-cli contract that scripts rely on.
enum ExitCode { Success = 0, Failure = 1, UsageError = 2 };

void printOut(const std::string &text);
void printErr(const std::string &text);
bool stderrIsTerminal();

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
