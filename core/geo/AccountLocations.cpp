#include "geo/AccountLocations.h"

#include "common/ParallelSlices.h"
#include "store/CancelWatch.h"
#include "store/SqlGuard.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>
#include <thread>

namespace chorus {

namespace {

std::string candidatesJson(const std::vector<PlaceCandidate> &candidates)
{
    QJsonArray array;
    for (const PlaceCandidate &c : candidates)
        array.append(QJsonObject{
            {QStringLiteral("name"), QString::fromStdString(c.name)},
            {QStringLiteral("country"), QString::fromStdString(c.country)},
            {QStringLiteral("admin1"), QString::fromStdString(c.admin1)},
            {QStringLiteral("population"), qint64(c.population)},
            {QStringLiteral("granularity"), QString::fromLatin1(granularityName(c.granularity))}});
    return QJsonDocument(array).toJson(QJsonDocument::Compact).toStdString();
}

std::vector<PlaceCandidate> candidatesFrom(const std::string &json)
{
    std::vector<PlaceCandidate> candidates;
    const QJsonArray array = QJsonDocument::fromJson(QByteArray::fromStdString(json)).array();
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        candidates.push_back(
            {o.value(QStringLiteral("name")).toString().toStdString(),
             o.value(QStringLiteral("country")).toString().toStdString(),
             o.value(QStringLiteral("admin1")).toString().toStdString(),
             o.value(QStringLiteral("population")).toInteger(),
             granularityFromName(o.value(QStringLiteral("granularity")).toString().toStdString())});
    }
    return candidates;
}

} // namespace

Result<AccountLocationSummary> AccountLocations::resolveAll(ProgressSink &progress) const
{
    auto summarised =
        guardSql("resolving account locations", [&]() -> Result<AccountLocationSummary> {
            const std::string version = m_resolver.gazetteer().version();
            AccountLocationSummary summary;
            // Cancel stops the reads (a grouping of every account's location: about a second at
            // half a million accounts).
            std::optional<CancelWatch> watch(std::in_place, m_db, progress);
            summary.accounts = m_db.queryInt64("SELECT count(*) FROM accounts");
            std::vector<std::string> pending;
            Statement distinct = m_db.prepare(
                "SELECT a.location, count(*), r.gazetteer_version IS ?1 FROM accounts a "
                "LEFT JOIN location_resolutions r ON r.text = a.location "
                "WHERE a.location IS NOT NULL AND a.location <> '' GROUP BY a.location");
            distinct.bind(1, version);
            while (distinct.step()) {
                ++summary.distinctStrings;
                summary.withLocation += distinct.int64(1);
                if (distinct.int64(2) == 0)
                    pending.push_back(distinct.text(0));
            }
            progress.stage(Stage::ResolvingLocations);
            std::vector<ResolvedLocation> resolved(pending.size());
            const int threads = int(std::max(1u, std::thread::hardware_concurrency()));
            const bool finished = runSlices(
                pending.size(), threads, progress,
                [&](std::size_t, std::size_t begin, std::size_t end, SliceControl &control) {
                    for (std::size_t i = begin; i < end && !control.stop; ++i) {
                        resolved[i] = m_resolver.resolve(pending[i]);
                        if ((i - begin) % 256 == 255)
                            control.done += 256;
                    }
                });
            if (!finished)
                return Error::cancel();
            watch.reset(); // the writes poll Cancel themselves: no rollback runs under a watch
            Transaction transaction(m_db);
            Statement store = m_db.prepare(
                "INSERT OR REPLACE INTO location_resolutions (text, gazetteer_version, country, "
                "admin1, city, lat, lon, granularity, confidence, matched, candidates) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
            for (std::size_t i = 0; i < pending.size(); ++i) {
                if ((i & 4095) == 4095 && progress.isCancelled())
                    return Error::cancel(); // the transaction rolls back
                const ResolvedLocation &r = resolved[i];
                store.bind(1, pending[i]).bind(2, version);
                for (int column : {3, 4, 5}) {
                    const std::string &value = column == 3   ? r.country
                                               : column == 4 ? r.admin1
                                                             : r.city;
                    if (value.empty())
                        store.bindNull(column);
                    else
                        store.bind(column, value);
                }
                if (r.lat && r.lon)
                    store.bind(6, *r.lat).bind(7, *r.lon);
                else
                    store.bindNull(6).bindNull(7);
                store.bind(8, std::string(granularityName(r.granularity)))
                    .bind(9, r.confidence)
                    .bind(10, r.matched)
                    .bind(11, candidatesJson(r.candidates))
                    .exec();
            }
            transaction.commit();
            summary.resolvedNow = std::int64_t(pending.size());
            Statement counts = m_db.prepare(
                "SELECT r.granularity, count(*) FROM accounts a JOIN location_resolutions r "
                "ON r.text = a.location GROUP BY r.granularity");
            while (counts.step())
                summary.accountsBy[granularityFromName(counts.text(0))] = counts.int64(1);
            return summary;
        });
    return interruptedByCancel(std::move(summarised), progress);
}

Result<std::vector<AccountLocation>> AccountLocations::accounts() const
{
    return queryRows(
        m_db,
        "SELECT a.id, coalesce(a.handle, a.platform_id), a.location, r.country, r.admin1, "
        "r.city, r.lat, r.lon, r.granularity, r.confidence, r.matched, r.candidates "
        "FROM accounts a JOIN location_resolutions r ON r.text = a.location ORDER BY a.id",
        "reading account locations", [](Statement &) {},
        [](const Statement &s) {
            AccountLocation a;
            a.accountId = s.int64(0);
            a.handle = s.text(1);
            a.location = s.text(2);
            a.resolved.country = s.text(3);
            a.resolved.admin1 = s.text(4);
            a.resolved.city = s.text(5);
            a.resolved.lat = s.optionalReal(6);
            a.resolved.lon = s.optionalReal(7);
            a.resolved.granularity = granularityFromName(s.text(8));
            a.resolved.confidence = s.real(9);
            a.resolved.matched = s.text(10);
            a.resolved.candidates = candidatesFrom(s.text(11));
            return a;
        });
}

} // namespace chorus
