#include "CliSupport.h"

#include "report/EvidenceExport.h"
#include "store/CaseStore.h"

namespace chorus::cli {

int runExport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Export the posts, accounts, clusters or campaigns of a case with their tags, notes and "
        "grades, as CSV (cells that would start a spreadsheet formula are neutralised) or JSON. "
        "The export and its SHA-256 go on the audit trail; the hash is printed."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("posts"), QStringLiteral("One row per post.")});
    parser.addOption({QStringLiteral("accounts"), QStringLiteral("One row per account.")});
    parser.addOption({QStringLiteral("clusters"),
                      QStringLiteral("One row per cluster of the latest clustering run.")});
    parser.addOption({QStringLiteral("campaigns"),
                      QStringLiteral("One row per campaign of the latest clustering run.")});
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                      QStringLiteral("Write to FILE (.csv or .json)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("tag"), QStringLiteral("Only rows annotated with this tag."),
                      QStringLiteral("T")});
    parser.addOption({QStringLiteral("cluster"),
                      QStringLiteral("Only cluster N of the latest run: its posts, its accounts, "
                                     "itself or its campaign."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("analyst"),
                      QStringLiteral("Who exports, for the audit trail (default: "
                                     "$CHORUS_ANALYST or the login name)."),
                      QStringLiteral("NAME")});
    parser.addPositionalArgument(QStringLiteral("case"), QStringLiteral("Case file (*.chorus)."));
    if (const auto done = parseCaseCommand(parser, arguments, "export"))
        return *done;

    EvidenceExportOptions options;
    int subjects = 0;
    for (const ExportSubject subject : {ExportSubject::Posts, ExportSubject::Accounts,
                                        ExportSubject::Clusters, ExportSubject::Campaigns})
        if (parser.isSet(QLatin1String(exportSubjectName(subject)))) {
            options.subject = subject;
            ++subjects;
        }
    if (subjects != 1 || !parser.isSet(QStringLiteral("output"))) {
        printErr("chorus-cli export: give one of --posts, --accounts, --clusters, --campaigns "
                 "and -o FILE");
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("cluster"))) {
        bool ok = false;
        options.cluster = parser.value(QStringLiteral("cluster")).toLongLong(&ok);
        if (!ok) {
            printErr("chorus-cli export: --cluster takes a number");
            return UsageError;
        }
    }
    options.tag = parser.value(QStringLiteral("tag")).toStdString();
    options.analyst = parser.value(QStringLiteral("analyst")).toStdString();

    const auto store = CaseStore::open(parser.positionalArguments().first().toStdString());
    if (!store) {
        printErr("chorus-cli: " + store.error().message);
        return Failure;
    }
    const auto result = exportEvidence(
        *store.value(), parser.value(QStringLiteral("output")).toStdString(), options);
    if (!result) {
        printErr("chorus-cli export: " + result.error().message);
        return Failure;
    }
    printOut("Wrote " + std::to_string(result.value().rows) + " " +
             exportSubjectName(options.subject) + " to " + result.value().file);
    printOut("sha256 " + result.value().sha256);
    return Success;
}

} // namespace chorus::cli
