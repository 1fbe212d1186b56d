#include "CliSupport.h"

#include "import/ImportRunner.h"
#include "import/csv/GenericCsvImporter.h"
#include "store/CaseStore.h"
#include "store/TextIndex.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>

namespace chorus::cli {

namespace {

QString joinedNames(const std::vector<std::string> &names)
{
    QStringList list;
    for (const std::string &name : names)
        list << QString::fromStdString(name);
    return list.join(QStringLiteral(", "));
}

void removeCaseFile(const QString &path)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
}

// Brings the case's text search index up to date, with progress; prints what it did.
int indexText(const CaseStore &store)
{
    const auto indexed = [&] {
        TerminalProgress progress;
        return updateTextIndex(store.db(), progress);
    }();
    if (!indexed) {
        printErr("chorus-cli: " + indexed.error().message +
                 (indexed.error().cancelled ? std::string()
                                            : "; the posts imported are kept, and 'chorus-cli "
                                              "index' goes on from where it stopped"));
        return Failure;
    }
    printOut("text search index: " + std::to_string(indexed.value()) + " posts indexed");
    return Success;
}

} // namespace

int runIndex(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Build the text search index of the posts imported since it was last "
                       "built, and the kind and language filter indexes a first import leaves "
                       "pending (imports leave both for later unless given --index-text)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("case"), QStringLiteral("Case file (*.chorus)."));
    if (const auto done = parseCaseCommand(parser, arguments, "index"))
        return *done;
    auto store = CaseStore::open(parser.positionalArguments().first().toStdString());
    if (!store) {
        printErr("chorus-cli: " + store.error().message);
        return Failure;
    }
    return indexText(*store.value());
}

int runImport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Import post collections into a case file."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("format"),
                      QStringLiteral("Read the files as FORMAT instead of detecting it (%1).")
                          .arg(joinedNames(importerNames())),
                      QStringLiteral("FORMAT")});
    parser.addOption({QStringLiteral("map"),
                      QStringLiteral("With --format csv: take ROLE from COLUMN; author and time "
                                     "are required. Roles: %1.")
                          .arg(joinedNames(GenericCsvImporter::roles())),
                      QStringLiteral("ROLE=COLUMN")});
    parser.addOption(
        {QStringLiteral("strict"),
         QStringLiteral("Fail a file (importing nothing from it) if any row is rejected.")});
    parser.addOption(
        {QStringLiteral("index-text"),
         QStringLiteral("Also build the text search index now. Without it the import is "
                        "faster and the index is built later: by 'chorus-cli index', or by "
                        "Chorus when it opens the case.")});
    parser.addPositionalArgument(QStringLiteral("case"), QStringLiteral("Case file (*.chorus)."));
    parser.addPositionalArgument(
        QStringLiteral("files"),
        QStringLiteral("Files to import: exports as they are, or compressed "
                       "(gzip, zstd, bzip2, xz), or ZIP archives "
                       "(each member a source)."),
        QStringLiteral("FILE..."));
    if (!parser.parse(arguments)) {
        printErr("chorus-cli import: " + parser.errorText().toStdString());
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(commandHelp(parser, "import"));
        return Success;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2) {
        printErr("chorus-cli import: expected CASE and at least one FILE (see --help)");
        return UsageError;
    }

    ImportOptions options;
    options.onlyConnection = true; // this command's one connection to the case
    options.format = parser.value(QStringLiteral("format")).toStdString();
    options.strict = parser.isSet(QStringLiteral("strict"));
    for (const QString &mapping : parser.values(QStringLiteral("map"))) {
        const qsizetype equals = mapping.indexOf(QLatin1Char('='));
        if (equals <= 0 || equals == mapping.size() - 1) {
            printErr("chorus-cli import: --map takes ROLE=COLUMN, got '" + mapping.toStdString() +
                     "'");
            return UsageError;
        }
        options.mapping[mapping.left(equals).trimmed().toStdString()] =
            mapping.mid(equals + 1).trimmed().toStdString();
    }

    if (!options.mapping.empty() && options.format != "csv") {
        printErr("chorus-cli import: --map applies to generic CSV only: add --format csv");
        return UsageError;
    }

    const QString casePath = positional.first();
    const bool caseExisted = QFileInfo::exists(casePath);
    bool anyImported = false;
    int exitCode = Success;
    {
        auto store = CaseStore::open(casePath.toStdString(), CaseStore::OpenMode::OpenOrCreate);
        if (!store) {
            printErr("chorus-cli: " + store.error().message);
            return Failure;
        }
        std::vector<ImportUnit> units;
        for (qsizetype i = 1; i < positional.size(); ++i) {
            // A ZIP archive: each of its exports is imported as a source of its own.
            auto listed = unitsToImport(positional.at(i).toStdString(), options);
            if (!listed) {
                printErr("chorus-cli: " + listed.error().message);
                exitCode = Failure;
                continue;
            }
            if (!listed->skipped.empty())
                printOut(QFileInfo(positional.at(i)).fileName().toStdString() + ": passed over " +
                         std::to_string(listed->skipped.size()) +
                         " archive members that are not exports (first: " +
                         listed->skipped.front() + ")");
            units.insert(units.end(), listed->units.begin(), listed->units.end());
        }
        for (const ImportUnit &unit : units) {
            const auto report = [&] {
                TerminalProgress progress;
                return importUnit(*store.value(), unit, options, progress);
            }();
            if (!report) {
                printErr("chorus-cli: " + report.error().message);
                exitCode = Failure;
                continue;
            }
            anyImported = true;
            const ImportReport &r = report.value();
            const ImportCounts &n = r.counts;
            std::string line = r.file + ": " + r.format + ": read " + std::to_string(n.read) +
                               (n.context ? " (and " + std::to_string(n.context) + " context posts)"
                                          : std::string()) +
                               ", imported " + std::to_string(n.imported) + ", duplicate " +
                               std::to_string(n.duplicates) + ", rejected " +
                               std::to_string(n.rejected);
            if (n.warnings)
                line += ", warnings " + std::to_string(n.warnings);
            if (r.alreadyImported)
                line += " (already imported: nothing added)";
            printOut(line);
            for (const ImportIssue &issue : r.firstIssues)
                printOut("  " + r.file +
                         (issue.line > 0 ? ":" + std::to_string(issue.line) : std::string()) +
                         ": " + issue.field + ": " +
                         (issue.severity == "warning" ? "warning: " : "") + issue.reason);
            if (n.rejected + n.warnings > std::int64_t(r.firstIssues.size()))
                printOut("  ... see 'chorus-cli info' for all " +
                         std::to_string(n.rejected + n.warnings) + " problems");
        }
        if (anyImported && parser.isSet(QStringLiteral("index-text")) &&
            indexText(*store.value()) != Success)
            exitCode = Failure;
    }
    if (!caseExisted && !anyImported)
        removeCaseFile(casePath); // a failed first import leaves no empty case behind
    return exitCode;
}

} // namespace chorus::cli
