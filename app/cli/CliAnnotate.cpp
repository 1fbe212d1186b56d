#include "CliSupport.h"

#include "evidence/Annotations.h"
#include "store/CaseStore.h"
#include "text/TimeParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace chorus::cli {

namespace {

QJsonObject toJson(const Annotation &a)
{
    QJsonArray tags;
    for (const std::string &tag : a.state.tags)
        tags.append(QString::fromStdString(tag));
    QJsonObject object{
        {QStringLiteral("id"), qint64(a.id)},
        {QStringLiteral("target"), QString::fromLatin1(Annotations::kindName(a.kind))},
        {QStringLiteral("label"), QString::fromStdString(a.label)},
        {QStringLiteral("tags"), tags},
        {QStringLiteral("note"), QString::fromStdString(a.state.note)},
        {QStringLiteral("grade"), a.state.grade().empty()
                                      ? QJsonValue(QJsonValue::Null)
                                      : QJsonValue(QString::fromStdString(a.state.grade()))},
        {QStringLiteral("analyst"), QString::fromStdString(a.analyst)},
        {QStringLiteral("created_at"), QString::fromStdString(formatTimestamp(a.createdAt))},
        {QStringLiteral("changed_at"), QString::fromStdString(formatTimestamp(a.changedAt))},
    };
    if (a.rowId)
        object.insert(QStringLiteral("platform_id"), QString::fromStdString(a.platformId));
    else {
        object.insert(QStringLiteral("members"), qint64(a.members));
        object.insert(
            QStringLiteral("now"),
            a.now ? QJsonValue(QJsonObject{{QStringLiteral("run"), qint64(a.now->runId)},
                                           {QStringLiteral("number"), qint64(a.now->number)},
                                           {QStringLiteral("overlap"), a.now->overlap}})
                  : QJsonValue(QJsonValue::Null));
    }
    return object;
}

std::string describe(const AnnotationState &state)
{
    if (state.empty())
        return "(no annotation)";
    std::string text;
    for (const std::string &tag : state.tags)
        text += (text.empty() ? "[" : ", ") + oneLine(tag, 40).toStdString();
    if (!state.tags.empty())
        text += "]";
    if (!state.grade().empty())
        text += (text.empty() ? "" : " ") + std::string("grade ") + state.grade();
    if (!state.note.empty())
        text += (text.empty() ? "" : " ") + std::string("note: ") +
                oneLine(state.note, 100).toStdString();
    return text;
}

std::string whereNow(const Annotation &a)
{
    if (a.rowId)
        return {};
    if (!a.now)
        return " (not found in the latest run)";
    const char *what = a.kind == AnnotationKind::Cluster    ? "cluster #"
                       : a.kind == AnnotationKind::Campaign ? "campaign "
                                                            : "community ";
    return " (now " + std::string(what) + std::to_string(a.now->number) + " of run " +
           std::to_string(a.now->runId) + ", " + formatNumber(a.now->overlap * 100, 0) +
           "% same members)";
}

Result<AnnotationTarget> targetOf(const Annotations &annotations, const QCommandLineParser &parser)
{
    const auto number = [&](const char *option) -> std::optional<std::int64_t> {
        bool ok = false;
        const qint64 value = parser.value(QLatin1String(option)).toLongLong(&ok);
        return ok ? std::optional<std::int64_t>(value) : std::nullopt;
    };
    for (const char *option : {"cluster", "campaign", "community"}) {
        if (!parser.isSet(QLatin1String(option)))
            continue;
        const auto value = number(option);
        if (!value)
            return Error{std::string("--") + option + " takes a number"};
        if (std::string(option) == "cluster")
            return annotations.cluster(*value);
        if (std::string(option) == "campaign")
            return annotations.campaign(*value);
        return annotations.community(*value);
    }
    if (parser.isSet(QStringLiteral("post")))
        return annotations.post(parser.value(QStringLiteral("post")).toStdString());
    return annotations.account(parser.value(QStringLiteral("account")).toStdString());
}

} // namespace

int runAnnotate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Annotate a post, account, cluster, campaign or network community: add tags, set a "
        "note or an Admiralty grade. Each change is stored at once and recorded in the audit "
        "trail with what it was before. Preset tags: coordinated, likely automated, organic, "
        "needs review, false positive; any other tag is allowed."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("cluster"),
                      QStringLiteral("Cluster N of the latest clustering run."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("campaign"),
                      QStringLiteral("Campaign C of the latest clustering run."),
                      QStringLiteral("C")});
    parser.addOption({QStringLiteral("community"),
                      QStringLiteral("Community C of the latest network run."),
                      QStringLiteral("C")});
    parser.addOption({QStringLiteral("post"),
                      QStringLiteral("The post with this platform id (PLATFORM:ID if ambiguous)."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("account"),
                      QStringLiteral("The account with this platform id, or @HANDLE."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("tag"),
                      QStringLiteral("Add a tag (repeatable; with --remove: remove it)."),
                      QStringLiteral("T")});
    parser.addOption({QStringLiteral("note"),
                      QStringLiteral("Set the note (plain text; with --remove: clear it)."),
                      QStringLiteral("TEXT")});
    parser.addOption({QStringLiteral("grade"),
                      QStringLiteral("Admiralty grade: source reliability A-F and information "
                                     "credibility 1-6, e.g. B2 (with --remove: clear it)."),
                      QStringLiteral("GRADE")});
    parser.addOption(
        {QStringLiteral("analyst"),
         QStringLiteral("Who makes the change (default: $CHORUS_ANALYST or the login name)."),
         QStringLiteral("NAME")});
    parser.addOption(
        {QStringLiteral("remove"),
         QStringLiteral("Remove the given tags, note or grade; alone, the whole annotation.")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the annotation as JSON.")});
    parser.addPositionalArgument(QStringLiteral("case"), QStringLiteral("Case file (*.chorus)."));
    if (const auto done = parseCaseCommand(parser, arguments, "annotate"))
        return *done;
    int targets = 0;
    for (const char *option : {"cluster", "campaign", "community", "post", "account"})
        targets += parser.isSet(QLatin1String(option)) ? 1 : 0;
    if (targets != 1) {
        printErr("chorus-cli annotate: name one target: --cluster, --campaign, --community, "
                 "--post or --account");
        return UsageError;
    }
    const bool remove = parser.isSet(QStringLiteral("remove"));
    AnnotationChange change;
    for (const QString &tag : parser.values(QStringLiteral("tag")))
        (remove ? change.removeTags : change.addTags).push_back(tag.toStdString());
    if (parser.isSet(QStringLiteral("note")))
        change.note = remove ? std::string() : parser.value(QStringLiteral("note")).toStdString();
    if (parser.isSet(QStringLiteral("grade")))
        change.grade = remove ? std::string() : parser.value(QStringLiteral("grade")).toStdString();
    change.removeAll = remove;
    if (!remove && change.addTags.empty() && !change.note && !change.grade) {
        printErr("chorus-cli annotate: nothing to change: give --tag, --note, --grade or --remove");
        return UsageError;
    }

    const auto store = CaseStore::open(parser.positionalArguments().first().toStdString());
    if (!store) {
        printErr("chorus-cli: " + store.error().message);
        return Failure;
    }
    const Annotations annotations(*store.value());
    const auto target = targetOf(annotations, parser);
    if (!target) {
        printErr("chorus-cli annotate: " + target.error().message);
        return Failure;
    }
    const auto before = annotations.stateOf(target.value());
    const auto after =
        before ? change.applyTo(before.value()) : Result<AnnotationState>(before.error());
    if (!after) {
        printErr("chorus-cli annotate: " + after.error().message);
        return Failure;
    }
    const auto set = annotations.set(target.value(), after.value(),
                                     parser.value(QStringLiteral("analyst")).toStdString());
    if (!set) {
        printErr("chorus-cli annotate: " + set.error().message);
        return Failure;
    }
    if (parser.isSet(QStringLiteral("json"))) {
        const QJsonObject root{
            {QStringLiteral("target"), QString::fromStdString(target.value().label)},
            {QStringLiteral("changed"), !(set.value() == after.value())},
            {QStringLiteral("tags"), QJsonArray::fromStringList([&] {
                 QStringList tags;
                 for (const std::string &tag : after.value().tags)
                     tags << QString::fromStdString(tag);
                 return tags;
             }())},
            {QStringLiteral("note"), QString::fromStdString(after.value().note)},
            {QStringLiteral("grade"), QString::fromStdString(after.value().grade())}};
        printOut(QJsonDocument(root).toJson(QJsonDocument::Indented).toStdString());
        return Success;
    }
    printOut(oneLine(target.value().label, 120).toStdString() + ": " + describe(after.value()) +
             (set.value() == after.value() ? " (unchanged)" : ""));
    return Success;
}

int runAnnotations(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "List the annotations of a case, oldest first; a cluster, campaign or community with "
        "where it is in the latest run."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("tag"), QStringLiteral("Only annotations with this tag."),
                      QStringLiteral("T")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    parser.addPositionalArgument(QStringLiteral("case"), QStringLiteral("Case file (*.chorus)."));
    if (const auto done = parseCaseCommand(parser, arguments, "annotations"))
        return *done;
    const auto store = CaseStore::open(parser.positionalArguments().first().toStdString());
    if (!store) {
        printErr("chorus-cli: " + store.error().message);
        return Failure;
    }
    const auto list =
        Annotations(*store.value()).list(parser.value(QStringLiteral("tag")).toStdString());
    if (!list) {
        printErr("chorus-cli: " + list.error().message);
        return Failure;
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Annotation &a : list.value())
            array.append(toJson(a));
        printOut(QJsonDocument(QJsonObject{{QStringLiteral("annotations"), array}})
                     .toJson(QJsonDocument::Indented)
                     .toStdString());
        return Success;
    }
    if (list.value().empty())
        printOut("No annotations.");
    for (const Annotation &a : list.value())
        printOut(oneLine(a.label, 100).toStdString() + whereNow(a) + "\n    " + describe(a.state) +
                 "\n    by " + oneLine(a.analyst, 40).toStdString() + ", " +
                 formatTimestamp(a.changedAt));
    return Success;
}

} // namespace chorus::cli
