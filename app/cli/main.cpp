// chorus-cli: the same engine as the workbench, for batch work and scripts.
#include "CliSupport.h"
#include "common/HugePageMalloc.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>

namespace {

const char *Usage = R"(Usage: chorus-cli COMMAND [OPTIONS]

Commands:
  import CASE FILE... [--format F] [--map ROLE=COLUMN]... [--strict] [--index-text]
                      Import post collections into a case file (created if missing).
  index CASE          Build the text search index of posts imported since it was built.
  info CASE [--json]  Show what a case holds: posts, accounts, sources, import problems.
  analyze CASE [--threshold T] [--shingle K] [--min-cluster N] [--include-reposts]
               [--memory-budget MB] [--json]
                      Cluster posts whose texts are copies or near copies.
  clusters CASE [--top N] [--members] [--run ID] [--json]
                      List the clusters of the latest run, highest score first.
  campaigns CASE [--json]
                      List the campaigns: clusters linked by the accounts they share.
  network CASE [--type co-text,co-repost,co-reply,co-link,co-hashtag] [--window S]
               [--min-weight W] [--memory-budget MB] [-o FILE]
                      Build and store the coordination network; write .csv/.graphml/.gexf.
  graph CASE -o FILE.svg|.pdf|.png [--cluster N] [--campaign C] [--community C]
             [--min-weight W] [--type T,...] [--labels N] [--width PX] [--colour BY]
                      Draw the network (or a cluster's co-text network), without a display.
  accounts CASE [--top N] [--json]
                      List accounts of the latest network run with their signals.
  edge CASE ACCOUNT ACCOUNT [--json]
                      The posts that link two accounts in the latest network run.
  map CASE -o FILE.svg|.pdf|.png [--cluster N | --campaign C | --signals] [--width PX]
                      Draw where the accounts say they are on a world map.
  geocode [--json] [--file FILE] [STRING...]
  geocode CASE --accounts [--json]
                      Resolve free-text locations with the offline gazetteer.
  annotate CASE (--cluster N | --post ID | --account ID|@HANDLE | --campaign C
                | --community C) [--tag T]... [--note TEXT] [--grade B2] [--analyst NAME]
                [--remove] [--json]
                      Tag, note or grade a target; every change goes on the audit trail.
  annotations CASE [--tag T] [--json]
                      List the annotations.
  export CASE --posts|--accounts|--clusters|--campaigns -o FILE.csv|FILE.json [--tag T]
             [--cluster N]
                      Export with tags and notes; the file's SHA-256 goes on the audit trail.
  audit CASE [--json] [--verify]
                      The case's append-only audit trail; --verify checks its hash chain.
  report CASE -o FILE.pdf [--title T] [--analyst A] [--clusters N] [--lang en|fr]
                [--manifest]
                      Write the evidence report (PDF); its SHA-256 goes on the audit trail.

Run 'chorus-cli COMMAND --help' for the options of a command.

Options:
  --version           Print the version and exit.
  --help              Print this help and exit.

Exit status:
  0                   Success (also for --help and --version).
  1                   The command failed; standard error says why (a case or file that
                      cannot be read, an import rolled back, no analysis run yet).
  2                   Usage error: an unknown command or option, a missing argument.)";

// The exit code, once everything written to standard output is out: stdio keeps what it could
// not write, and `--json > out.json` on a full disk exited 0 with the JSON cut short.
int withOutputWritten(int code)
{
    const bool flushed = std::fflush(stdout) == 0;
    const int why = errno;
    if (flushed && !std::ferror(stdout))
        return code;
    chorus::cli::printErr(std::string("chorus-cli: cannot write the output (") +
                          (flushed ? "a write failed" : std::strerror(why)) + ")");
    return code == chorus::cli::Success ? chorus::cli::Failure : code;
}

} // namespace

int main(int argc, char *argv[])
{
    // An analysis of ten million posts took 4-17% less time with it, at the same peak memory.
    // Only the commands that allocate gigabytes start themselves again for it: the re-start
    // costs every call about 9 ms.
    const auto isCommand = [&](const char *name) {
        return argc > 1 && std::strcmp(argv[1], name) == 0;
    };
    if (isCommand("import") || isCommand("index") || isCommand("analyze") || isCommand("network"))
        chorus::useHugePagesForMalloc(argv);
    // Drawing needs fonts, hence a QGuiApplication; offscreen, so that it runs without a
    // display. The other commands stay free of the GUI stack.
    const bool draws = isCommand("graph") || isCommand("map") || isCommand("report");
    if (draws && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> application =
        draws ? std::make_unique<QGuiApplication>(argc, argv)
              : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("chorus-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CHORUS_VERSION));
    using namespace chorus::cli;

    const std::map<std::string, Command> commands = {
        {"import", runImport},     {"index", runIndex},       {"info", runInfo},
        {"analyze", runAnalyze},   {"clusters", runClusters}, {"network", runNetwork},
        {"accounts", runAccounts}, {"edge", runEdge},         {"campaigns", runCampaigns},
        {"graph", runGraph},       {"geocode", runGeocode},   {"map", runMap},
        {"audit", runAudit},       {"annotate", runAnnotate}, {"annotations", runAnnotations},
        {"export", runExport},     {"report", runReport},
    };

    QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2) {
        printErr(Usage);
        return UsageError;
    }
    const QString command = arguments.at(1);
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        printOut("chorus-cli " CHORUS_VERSION);
        return withOutputWritten(Success);
    }
    if (command == QLatin1String("--help") || command == QLatin1String("-h") ||
        command == QLatin1String("help")) {
        printOut(Usage);
        return withOutputWritten(Success);
    }
    const auto it = commands.find(command.toStdString());
    if (it == commands.end()) {
        printErr("chorus-cli: unknown command '" + command.toStdString() + "'\n\n" + Usage);
        return UsageError;
    }
    arguments.removeFirst(); // the program; the subcommand becomes argv[0]
    return withOutputWritten(it->second(arguments));
}
