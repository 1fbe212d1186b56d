#include "CliSupport.h"

#include "render/ReportFile.h"
#include "render/ReportStrings.h"
#include "store/CaseStore.h"

#include <QCommandLineParser>
#include <QFileInfo>

namespace chorus::cli {

int runReport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Write the evidence report as a PDF: title page with the case fingerprint, summary of "
        "findings, methodology (every parameter of the runs used), data provenance (every "
        "source's SHA-256 and row counts), the top clusters with their accounts, timeline, map "
        "and co-text network, the coordination network, annotations, and the accounts and "
        "audit trail as appendices. The report's SHA-256 is printed and goes on the audit trail."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("case"), QStringLiteral("Case file (*.chorus)."));
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("The report: FILE.pdf."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption title(QStringLiteral("title"), QStringLiteral("The report's title."),
                                   QStringLiteral("T"));
    const QCommandLineOption analyst(
        QStringLiteral("analyst"),
        QStringLiteral("Who reports, on the title page and the audit trail (default: "
                       "$CHORUS_ANALYST or the login name)."),
        QStringLiteral("A"));
    const QCommandLineOption clusters(
        QStringLiteral("clusters"),
        QStringLiteral("How many top clusters get their own section (default 10)."),
        QStringLiteral("N"));
    const QCommandLineOption language(QStringLiteral("lang"),
                                      QStringLiteral("The report's language: en (default) or fr."),
                                      QStringLiteral("en|fr"));
    const QCommandLineOption manifest(
        QStringLiteral("manifest"),
        QStringLiteral("Also write FILE.pdf.SHA256SUMS (sha256sum format) with the report's and "
                       "every source's SHA-256."));
    parser.addOptions({output, title, analyst, clusters, language, manifest});
    if (const auto done = parseCaseCommand(parser, arguments, "report"))
        return *done;
    auto usage = [](const std::string &message) {
        printErr("chorus-cli report: " + message);
        return int(UsageError);
    };
    const std::string path = parser.value(output).toStdString();
    if (path.empty() ||
        QFileInfo(QString::fromStdString(path)).suffix().toLower() != QLatin1String("pdf"))
        return usage("-o FILE must end in .pdf");
    ReportOptions options;
    options.language = parser.isSet(language) ? parser.value(language).toStdString() : "en";
    if (!render::isReportLanguage(options.language))
        return usage("--lang takes en or fr");
    if (parser.isSet(clusters)) {
        bool ok = false;
        options.clusters = parser.value(clusters).toInt(&ok);
        if (!ok || options.clusters < 0 || options.clusters > 1000)
            return usage("--clusters takes a number from 0 to 1000");
    }
    options.title = parser.isSet(title)
                        ? parser.value(title).toStdString()
                        : render::ReportStrings(options.language)(render::ReportText::DefaultTitle)
                              .toStdString();
    options.analyst = parser.value(analyst).toStdString();

    const auto store = CaseStore::open(parser.positionalArguments().first().toStdString());
    if (!store) {
        printErr("chorus-cli: " + store.error().message);
        return Failure;
    }
    std::string warning;
    const auto recorded = [&] {
        TerminalProgress progress; // its line is cleared before the results are printed
        return render::makeReportFile(*store.value(), options, path, parser.isSet(manifest),
                                      progress, &warning);
    }();
    if (!warning.empty())
        printErr("chorus-cli report: " + warning);
    if (!recorded) {
        printErr("chorus-cli report: " + recorded.error().message);
        return Failure;
    }
    printOut("Wrote the report to " + recorded->file);
    if (!recorded->manifest.empty())
        printOut("Wrote the checksums to " + recorded->manifest);
    printOut("sha256 " + recorded->sha256);
    return Success;
}

} // namespace chorus::cli
