#include "CliSupport.h"

#include "geo/AccountLocations.h"
#include "geo/LocationResolver.h"
#include "store/CaseStore.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <optional>

namespace chorus::cli {

namespace {

QJsonValue orNull(const std::string &text)
{
    return text.empty() ? QJsonValue(QJsonValue::Null) : QJsonValue(QString::fromStdString(text));
}

QJsonObject toJson(const std::string &input, const ResolvedLocation &r)
{
    QJsonArray candidates;
    for (const PlaceCandidate &c : r.candidates)
        candidates.append(QJsonObject{
            {QStringLiteral("name"), QString::fromStdString(c.name)},
            {QStringLiteral("country"), orNull(c.country)},
            {QStringLiteral("admin1"), orNull(c.admin1)},
            {QStringLiteral("population"), qint64(c.population)},
            {QStringLiteral("granularity"), QString::fromLatin1(granularityName(c.granularity))}});
    return QJsonObject{
        {QStringLiteral("input"), QString::fromStdString(input)},
        {QStringLiteral("country"), orNull(r.country)},
        {QStringLiteral("admin1"), orNull(r.admin1)},
        {QStringLiteral("city"), orNull(r.city)},
        {QStringLiteral("lat"), r.lat ? QJsonValue(*r.lat) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("lon"), r.lon ? QJsonValue(*r.lon) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("granularity"), QString::fromLatin1(granularityName(r.granularity))},
        {QStringLiteral("confidence"), r.confidence},
        {QStringLiteral("matched"), orNull(r.matched)},
        {QStringLiteral("candidates"), candidates}};
}

std::string describe(const ResolvedLocation &r)
{
    if (r.granularity == Granularity::None) {
        std::string text = "unresolved";
        for (std::size_t i = 0; i < r.candidates.size(); ++i)
            text +=
                (i == 0 ? " (could be " : ", ") + r.candidates[i].name +
                (r.candidates[i].country.empty() || r.candidates[i].country == r.candidates[i].name
                     ? ""
                     : " " + r.candidates[i].country);
        return r.candidates.empty() ? text : text + ")";
    }
    std::string text = granularityName(r.granularity) + std::string(": ");
    for (const std::string *part : {&r.city, &r.admin1, &r.country})
        if (!part->empty())
            text += (text.back() == ' ' ? "" : ", ") + *part;
    return text + " (confidence " + formatNumber(r.confidence, 2) + ")";
}

// The resolver on the installed gazetteer, or nothing after saying why there is none.
std::optional<LocationResolver> standardResolver()
{
    auto gazetteer = Gazetteer::standard();
    if (!gazetteer) {
        printErr("chorus-cli geocode: " + gazetteer.error().message);
        return std::nullopt;
    }
    return LocationResolver(gazetteer.value());
}

// chorus-cli geocode CASE --accounts: resolves (and caches) every account location of a case.
int geocodeAccounts(const std::string &casePath, const LocationResolver &resolver, bool json)
{
    auto store = CaseStore::open(casePath);
    if (!store) {
        printErr("chorus-cli: " + store.error().message);
        return Failure;
    }
    const AccountLocations locations(store.value()->db(), resolver);
    TerminalProgress progress;
    const auto summary = locations.resolveAll(progress);
    if (!summary) {
        printErr("chorus-cli geocode: " + summary.error().message);
        return Failure;
    }
    if (json) {
        const auto accounts = locations.accounts();
        if (!accounts) {
            printErr("chorus-cli geocode: " + accounts.error().message);
            return Failure;
        }
        QJsonArray array;
        for (const AccountLocation &a : accounts.value()) {
            QJsonObject o = toJson(a.location, a.resolved);
            o.insert(QStringLiteral("account"), qint64(a.accountId));
            o.insert(QStringLiteral("handle"), QString::fromStdString(a.handle));
            array.append(o);
        }
        printOut(QJsonDocument(array).toJson(QJsonDocument::Indented).toStdString());
        return Success;
    }
    const AccountLocationSummary &s = summary.value();
    auto by = [&](Granularity g) {
        const auto it = s.accountsBy.find(g);
        return std::to_string(it == s.accountsBy.end() ? 0 : it->second);
    };
    printOut(std::to_string(s.accounts) + " accounts, " + std::to_string(s.withLocation) +
             " with a location (" + std::to_string(s.distinctStrings) + " distinct, " +
             std::to_string(s.resolvedNow) + " resolved now, the rest cached)");
    printOut("  city " + by(Granularity::City) + ", region " + by(Granularity::Region) +
             ", country " + by(Granularity::Country) + ", unresolved " + by(Granularity::None));
    return Success;
}

} // namespace

int runGeocode(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Resolve free-text locations (as written in profiles) to country, region and city with "
        "the offline gazetteer. Nothing is looked up on the network."));
    parser.addHelpOption();
    parser.addOption(
        {QStringLiteral("json"), QStringLiteral("Print a JSON array, in input order.")});
    parser.addOption({QStringLiteral("file"),
                      QStringLiteral("Read the strings from FILE, one per line, exactly as given."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("accounts"),
                      QStringLiteral("Resolve the locations of every account of the case CASE "
                                     "(the only argument) and keep them in the case.")});
    parser.addPositionalArgument(QStringLiteral("string"), QStringLiteral("Locations to resolve."),
                                 QStringLiteral("[STRING...]"));
    if (!parser.parse(arguments)) {
        printErr("chorus-cli geocode: " + parser.errorText().toStdString());
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(commandHelp(parser, "geocode"));
        return Success;
    }
    const bool json = parser.isSet(QStringLiteral("json"));
    if (parser.isSet(QStringLiteral("accounts"))) {
        if (parser.positionalArguments().size() != 1 || parser.isSet(QStringLiteral("file"))) {
            printErr("chorus-cli geocode: --accounts takes one CASE and nothing else");
            return UsageError;
        }
        const auto resolver = standardResolver();
        if (!resolver)
            return Failure;
        return geocodeAccounts(parser.positionalArguments().first().toStdString(), *resolver, json);
    }
    std::vector<std::string> inputs;
    for (const QString &s : parser.positionalArguments())
        inputs.push_back(s.toStdString());
    if (parser.isSet(QStringLiteral("file"))) {
        QFile file(parser.value(QStringLiteral("file")));
        if (!file.open(QIODevice::ReadOnly)) {
            printErr("chorus-cli geocode: cannot read " + file.fileName().toStdString() + ": " +
                     file.errorString().toStdString());
            return Failure;
        }
        // Lines exactly as given: only the line break goes (and a CR before it).
        QByteArray all = file.readAll();
        if (all.endsWith('\n'))
            all.chop(1);
        for (QByteArray line : all.split('\n')) {
            if (line.endsWith('\r'))
                line.chop(1);
            inputs.emplace_back(line.constData(), std::size_t(line.size()));
        }
    }
    if (inputs.empty()) {
        printErr("chorus-cli geocode: give STRINGs or --file FILE (see --help)");
        return UsageError;
    }
    const auto resolver = standardResolver();
    if (!resolver)
        return Failure;
    QJsonArray array;
    for (const std::string &input : inputs) {
        const ResolvedLocation r = resolver->resolve(input);
        if (json)
            array.append(toJson(input, r));
        else
            printOut(oneLine(input, 60).toStdString() + "\t" + describe(r));
    }
    if (json)
        printOut(QJsonDocument(array).toJson(QJsonDocument::Indented).toStdString());
    return Success;
}

} // namespace chorus::cli
