#include "evidence/Annotations.h"

#include "store/AnalysisRuns.h"
#include "store/AuditTrail.h"
#include "store/CaseStore.h"
#include "store/SqlGuard.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <algorithm>
#include <array>

namespace chorus {

namespace {

constexpr std::array KindNames = {"post", "account", "cluster", "campaign", "community"};

AnnotationKind kindFromName(const std::string &name)
{
    for (std::size_t i = 0; i < KindNames.size(); ++i)
        if (name == KindNames[i])
            return AnnotationKind(i);
    return AnnotationKind::Post;
}

std::string tagsJson(const std::vector<std::string> &tags)
{
    QJsonArray array;
    for (const std::string &tag : tags)
        array.append(QString::fromStdString(tag));
    return QJsonDocument(array).toJson(QJsonDocument::Compact).toStdString();
}

std::vector<std::string> tagsFromJson(const std::string &json)
{
    std::vector<std::string> tags;
    for (const QJsonValue &value : QJsonDocument::fromJson(QByteArray::fromStdString(json)).array())
        tags.push_back(value.toString().toStdString());
    return tags;
}

std::string membersJson(const std::vector<std::int64_t> &members)
{
    QJsonArray array;
    for (std::int64_t id : members)
        array.append(qint64(id));
    return QJsonDocument(array).toJson(QJsonDocument::Compact).toStdString();
}

QJsonValue stateJson(const AnnotationState &state)
{
    if (state.empty())
        return QJsonValue::Null;
    QJsonArray tags;
    for (const std::string &tag : state.tags)
        tags.append(QString::fromStdString(tag));
    return QJsonObject{{QStringLiteral("tags"), tags},
                       {QStringLiteral("note"), QString::fromStdString(state.note)},
                       {QStringLiteral("grade"), QString::fromStdString(state.grade())}};
}

// A tag as stored: trimmed, inner white space folded to one space, no control characters.
std::string cleanTag(const std::string &tag)
{
    QString text = QString::fromStdString(tag);
    for (QChar &c : text)
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char(' ');
    return text.simplified().toStdString();
}

} // namespace

std::string AnnotationState::grade() const
{
    return reliability + (credibility ? std::to_string(credibility) : std::string());
}

Result<AnnotationState> AnnotationChange::applyTo(AnnotationState state) const
{
    if (removeAll && addTags.empty() && removeTags.empty() && !note && !grade)
        return AnnotationState{};
    for (const std::string &tag : addTags) {
        const std::string clean = cleanTag(tag);
        if (clean.empty())
            return Error{"a tag cannot be empty"};
        if (std::find(state.tags.begin(), state.tags.end(), clean) == state.tags.end())
            state.tags.push_back(clean);
    }
    for (const std::string &tag : removeTags)
        std::erase(state.tags, cleanTag(tag));
    std::sort(state.tags.begin(), state.tags.end());
    if (note)
        state.note = *note;
    if (grade) {
        if (grade->empty()) {
            state.reliability.clear();
            state.credibility = 0;
        } else {
            auto parsed = Annotations::parseGrade(*grade);
            if (!parsed)
                return parsed.error();
            state.reliability = parsed.value().first;
            state.credibility = parsed.value().second;
        }
    }
    return state;
}

const std::vector<std::string> &Annotations::presetTags()
{
    static const std::vector<std::string> tags = {"coordinated", "likely automated", "organic",
                                                  "needs review", "false positive"};
    return tags;
}

const char *Annotations::kindName(AnnotationKind kind)
{
    return KindNames.at(std::size_t(kind));
}

Result<std::pair<std::string, int>> Annotations::parseGrade(const std::string &grade)
{
    const QString text = QString::fromStdString(grade).trimmed().toUpper();
    std::string reliability;
    int credibility = 0;
    for (const QChar c : text) {
        if (c >= QLatin1Char('A') && c <= QLatin1Char('F') && reliability.empty() && !credibility)
            reliability = char(c.toLatin1());
        else if (c >= QLatin1Char('1') && c <= QLatin1Char('6') && !credibility)
            credibility = c.digitValue();
        else
            return Error{"grade '" + grade.substr(0, 16) +
                         "' is not on the Admiralty scale: a source reliability A-F and an "
                         "information credibility 1-6, as in B2"};
    }
    if (reliability.empty() && !credibility)
        return Error{"the grade is empty (give e.g. B2)"};
    return std::pair{reliability, credibility};
}

namespace {

// The stored annotation of a target: by row for posts and accounts; for member sets, the one
// of the same kind sharing the most members, when they share at least half of their union.
std::optional<std::int64_t> existingId(const Database &db, const AnnotationTarget &target)
{
    const char *kind = Annotations::kindName(target.kind);
    if (target.rowId) {
        Statement query =
            db.prepare("SELECT id FROM annotations WHERE target_kind = ?1 AND target_id = ?2");
        query.bind(1, kind).bind(2, *target.rowId);
        return query.step() ? std::optional(query.int64(0)) : std::nullopt;
    }
    Statement query = db.prepare(
        "SELECT m.annotation_id, count(*), (SELECT count(*) FROM annotation_members x "
        "WHERE x.annotation_id = m.annotation_id) FROM annotation_members m JOIN annotations a "
        "ON a.id = m.annotation_id WHERE a.target_kind = ?1 AND m.member_id IN "
        "(SELECT value FROM json_each(?2)) GROUP BY m.annotation_id");
    query.bind(1, kind).bind(2, membersJson(target.members));
    std::optional<std::int64_t> best;
    double bestOverlap = 0.5;
    while (query.step()) {
        const double shared = double(query.int64(1));
        const double overlap =
            shared / (double(target.members.size()) + double(query.int64(2)) - shared);
        if (overlap >= bestOverlap) {
            bestOverlap = overlap;
            best = query.int64(0);
        }
    }
    return best;
}

AnnotationState readState(const Database &db, std::int64_t id)
{
    Statement query = db.prepare("SELECT tags, note, coalesce(reliability, ''), "
                                 "coalesce(credibility, 0) FROM annotations WHERE id = ?1");
    query.bind(1, id);
    if (!query.step())
        return {};
    return AnnotationState{tagsFromJson(query.text(0)), query.text(1), query.text(2),
                           int(query.int64(3))};
}

} // namespace

Result<AnnotationState> Annotations::stateOf(const AnnotationTarget &target) const
{
    return guardSql(m_store.path(), [&]() -> Result<AnnotationState> {
        const auto id = existingId(m_store.db(), target);
        return id ? readState(m_store.db(), *id) : AnnotationState{};
    });
}

Result<AnnotationState> Annotations::set(const AnnotationTarget &target,
                                         const AnnotationState &state,
                                         const std::string &analyst) const
{
    return guardSql(m_store.path(), [&]() -> Result<AnnotationState> {
        const Database &db = m_store.db();
        Transaction transaction(db);
        const std::optional<std::int64_t> id = existingId(db, target);
        const AnnotationState before = id ? readState(db, *id) : AnnotationState{};
        if (before == state)
            return before;
        const std::string who = analyst.empty() ? AuditTrail::defaultAnalyst() : analyst;
        const std::int64_t now = QDateTime::currentSecsSinceEpoch();
        if (state.empty()) {
            db.prepare("DELETE FROM annotation_members WHERE annotation_id = ?1")
                .bind(1, *id)
                .exec();
            db.prepare("DELETE FROM annotations WHERE id = ?1").bind(1, *id).exec();
        } else {
            std::optional<std::int64_t> row = id;
            if (!row) {
                db.prepare("INSERT INTO annotations (target_kind, target_id, label, analyst, "
                           "created_at, changed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)")
                    .bind(1, kindName(target.kind))
                    .bind(2, target.rowId)
                    .bind(3, target.label)
                    .bind(4, who)
                    .bind(5, now)
                    .exec();
                row = db.lastInsertRowId();
                db.prepare("INSERT INTO annotation_members (annotation_id, member_id) "
                           "SELECT ?1, value FROM json_each(?2)")
                    .bind(1, *row)
                    .bind(2, membersJson(target.members))
                    .exec();
            }
            db.prepare("UPDATE annotations SET tags = ?1, note = ?2, reliability = ?3, "
                       "credibility = ?4, analyst = ?5, changed_at = ?6 WHERE id = ?7")
                .bind(1, tagsJson(state.tags))
                .bind(2, state.note)
                .bindTextOrNull(3, state.reliability)
                .bind(4, state.credibility ? std::optional<std::int64_t>(state.credibility)
                                           : std::nullopt)
                .bind(5, who)
                .bind(6, now)
                .bind(7, *row)
                .exec();
        }
        const QJsonObject details{
            {QStringLiteral("target"), QString::fromLatin1(kindName(target.kind))},
            {QStringLiteral("members"), qint64(target.members.size())},
            {QStringLiteral("before"), stateJson(before)},
            {QStringLiteral("after"), stateJson(state)}};
        AuditTrail(db).append("annotation", target.label,
                              QJsonDocument(details).toJson(QJsonDocument::Compact).toStdString(),
                              who);
        transaction.commit();
        return before;
    });
}

namespace {

// Where an annotated member set is in the latest run of its kind.
// The latest run of each kind, looked up once per listing.
struct LatestRuns
{
    std::optional<std::int64_t> clusters, network;
};

std::optional<AnnotationWhereNow> whereNow(const Database &db, const LatestRuns &latest,
                                           const Annotation &annotation)
{
    const auto run =
        annotation.kind == AnnotationKind::Community ? latest.network : latest.clusters;
    if (!run)
        return std::nullopt;
    const char *sql = nullptr;
    switch (annotation.kind) {
    case AnnotationKind::Cluster:
        sql = "SELECT c.number, count(*), c.size, c.id FROM annotation_members m JOIN "
              "cluster_members cm "
              "ON cm.post_id = m.member_id JOIN clusters c ON c.id = cm.cluster_id WHERE "
              "m.annotation_id = ?1 AND c.run_id = ?2 GROUP BY c.id ORDER BY 2 DESC, 1 LIMIT 1";
        break;
    case AnnotationKind::Campaign:
        sql = "SELECT c.campaign, count(*), (SELECT sum(size) FROM clusters x WHERE x.run_id = ?2 "
              "AND x.campaign = c.campaign) FROM annotation_members m JOIN cluster_members cm ON "
              "cm.post_id = m.member_id JOIN clusters c ON c.id = cm.cluster_id WHERE "
              "m.annotation_id = ?1 AND c.run_id = ?2 AND c.campaign IS NOT NULL "
              "GROUP BY c.campaign ORDER BY 2 DESC, 1 LIMIT 1";
        break;
    case AnnotationKind::Community:
        sql = "SELECT am.community, count(*), (SELECT count(*) FROM account_metrics x WHERE "
              "x.run_id = ?2 AND x.community = am.community) FROM annotation_members m JOIN "
              "account_metrics am ON am.account_id = m.member_id WHERE m.annotation_id = ?1 AND "
              "am.run_id = ?2 AND am.community IS NOT NULL GROUP BY am.community "
              "ORDER BY 2 DESC, 1 LIMIT 1";
        break;
    default:
        return std::nullopt;
    }
    Statement query = db.prepare(sql);
    query.bind(1, annotation.id).bind(2, *run);
    if (!query.step())
        return std::nullopt;
    const double shared = double(query.int64(1));
    const double overlap = shared / (double(annotation.members) + double(query.int64(2)) - shared);
    if (overlap < 0.5)
        return std::nullopt;
    return AnnotationWhereNow{*run, query.int64(0), overlap,
                              annotation.kind == AnnotationKind::Cluster ? query.int64(3) : 0};
}

} // namespace

Result<std::vector<Annotation>> Annotations::list(const std::string &tag) const
{
    return guardSql(m_store.path(), [&]() -> Result<std::vector<Annotation>> {
        const Database &db = m_store.db();
        Statement query = db.prepare(
            "SELECT a.id, a.target_kind, a.target_id, a.label, a.tags, a.note, "
            "coalesce(a.reliability, ''), coalesce(a.credibility, 0), a.analyst, a.created_at, "
            "a.changed_at, (SELECT count(*) FROM annotation_members m WHERE m.annotation_id = "
            "a.id), "
            "coalesce(p.platform || ':' || p.platform_id, ac.platform || ':' || ac.platform_id, "
            "'') "
            "FROM annotations a "
            "LEFT JOIN posts p ON a.target_kind = 'post' AND p.id = a.target_id "
            "LEFT JOIN accounts ac ON a.target_kind = 'account' AND ac.id = a.target_id "
            "ORDER BY a.created_at, a.id");
        std::vector<Annotation> result;
        const AnalysisRuns runs(db);
        const LatestRuns latest{runs.latest(RunKind::TextClusters), runs.latest(RunKind::Network)};
        const std::string wanted = cleanTag(tag);
        while (query.step()) {
            Annotation a;
            a.id = query.int64(0);
            a.kind = kindFromName(query.text(1));
            a.rowId = query.optionalInt64(2);
            a.label = query.text(3);
            a.state = AnnotationState{tagsFromJson(query.text(4)), query.text(5), query.text(6),
                                      int(query.int64(7))};
            a.analyst = query.text(8);
            a.createdAt = query.int64(9);
            a.changedAt = query.int64(10);
            a.members = query.int64(11);
            a.platformId = query.text(12);
            if (!wanted.empty() &&
                std::find(a.state.tags.begin(), a.state.tags.end(), wanted) == a.state.tags.end())
                continue;
            a.now = whereNow(db, latest, a);
            result.push_back(std::move(a));
        }
        return result;
    });
}

} // namespace chorus
