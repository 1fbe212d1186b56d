#include "CliSupport.h"

#include "store/CaseStore.h"
#include "text/TimeParser.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace chorus::cli {

namespace {

QJsonObject toJson(const SourceInfo &s)
{
    QJsonObject json{
        {QStringLiteral("file"), QString::fromStdString(s.fileName)},
        {QStringLiteral("sha256"), QString::fromStdString(s.sha256)},
        {QStringLiteral("format"), QString::fromStdString(s.format)},
        {QStringLiteral("read"), qint64(s.rowsRead)},
        {QStringLiteral("imported"), qint64(s.rowsImported)},
        {QStringLiteral("duplicates"), qint64(s.rowsDuplicate)},
        {QStringLiteral("rejected"), qint64(s.rowsRejected)},
        {QStringLiteral("compression"), QString::fromStdString(s.compression)},
    };
    if (!s.member.empty()) {
        json.insert(QStringLiteral("member"), QString::fromStdString(s.member));
        json.insert(QStringLiteral("archive_sha256"), QString::fromStdString(s.archiveSha256));
    }
    return json;
}

} // namespace

int runInfo(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Show what a case file holds."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    parser.addPositionalArgument(QStringLiteral("case"), QStringLiteral("Case file (*.chorus)."));
    if (const auto done = parseCaseCommand(parser, arguments, "info"))
        return *done;
    auto store = CaseStore::open(parser.positionalArguments().first().toStdString());
    if (!store) {
        printErr("chorus-cli: " + store.error().message);
        return Failure;
    }
    const auto summary = store.value()->summary();
    if (!summary) {
        printErr("chorus-cli: " + summary.error().message);
        return Failure;
    }
    const CaseSummary &s = summary.value();
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray sources;
        for (const SourceInfo &source : s.sources)
            sources.append(toJson(source));
        const QJsonObject root{
            {QStringLiteral("posts"), qint64(s.posts)},
            {QStringLiteral("context_posts"), qint64(s.contextPosts)},
            {QStringLiteral("text_index_pending"), qint64(s.textIndexPending)},
            {QStringLiteral("filter_indexes_pending"), qint64(s.filterIndexesPending)},
            {QStringLiteral("accounts"), qint64(s.accounts)},
            {QStringLiteral("sources"), sources},
            {QStringLiteral("issues"), qint64(s.issues)}};
        printOut(QJsonDocument(root).toJson(QJsonDocument::Indented).toStdString());
        return Success;
    }
    printOut("Posts:    " + std::to_string(s.posts) +
             (s.contextPosts > 0 ? " (" + std::to_string(s.posts - s.contextPosts) +
                                       " collected, " + std::to_string(s.contextPosts) +
                                       " context: originals that collected posts refer to)"
                                 : std::string()));
    printOut("Accounts: " + std::to_string(s.accounts));
    if (s.textIndexPending > 0)
        printOut("Text search index: " + std::to_string(s.textIndexPending) +
                 " posts not indexed yet (run 'chorus-cli index', or open the case in Chorus)");
    if (s.filterIndexesPending > 0)
        printOut("Kind and language filters: not indexed yet, slower until 'chorus-cli index' "
                 "(or Chorus, on opening the case) builds their indexes");
    if (s.posts > 0)
        printOut("Period:   " + formatTimestamp(s.firstPostAt) + " to " +
                 formatTimestamp(s.lastPostAt) +
                 (s.contextPosts > 0 && s.contextPosts < s.posts ? " (collected posts)" : ""));
    printOut("Sources:  " + std::to_string(s.sources.size()));
    for (const SourceInfo &source : s.sources)
        printOut("  " + source.fileName + " (" + source.format +
                 (source.compression != "none" ? ", " + source.compression : std::string()) +
                 ", sha256 " + source.sha256.substr(0, 16) + "...): read " +
                 std::to_string(source.rowsRead) + ", imported " +
                 std::to_string(source.rowsImported) + ", duplicate " +
                 std::to_string(source.rowsDuplicate) + ", rejected " +
                 std::to_string(source.rowsRejected));
    printOut("Import problems: " + std::to_string(s.issues));
    const auto issues = store.value()->issues(0, 50);
    if (issues)
        for (const ImportIssue &issue : issues.value())
            printOut("  " + issue.file + ":" + std::to_string(issue.line) + ": " + issue.field +
                     ": " + issue.severity + ": " + issue.reason);
    return Success;
}

} // namespace chorus::cli
