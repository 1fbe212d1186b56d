#include "TestSupport.h"

#include <QFile>
#include <QTest>

#include <random>

using namespace chorus;
using namespace chorus::test;

// Chorus's rule for untrusted files: bad input never crashes and never loses data. Each
// fixture is damaged in seeded, reproducible ways (truncated, bytes flipped, lines duplicated
// or dropped, a 100 KB field, invalid UTF-8) and imported into a case that already holds
// data. Every import either succeeds and adds exactly what its report says, or fails with a
// message and leaves the case exactly as it was; the case file always stays sound.
class TestImportMutations : public QObject
{
    Q_OBJECT
private slots:
    void mutatedFilesNeverCorruptTheCase_data();
    void mutatedFilesNeverCorruptTheCase();
};

static constexpr int MutantsPerFixture = 150;

// Everything an import may add to; a failed import must leave all of it unchanged.
struct CaseCounts
{
    std::int64_t posts, accounts, sources, issues, urls, hashtags, mentions;
    bool operator==(const CaseCounts &) const = default;
};

static CaseCounts caseCounts(const CaseStore &store)
{
    return {count(store, "SELECT count(*) FROM posts"),
            count(store, "SELECT count(*) FROM accounts"),
            count(store, "SELECT count(*) FROM sources"),
            count(store, "SELECT count(*) FROM import_issues"),
            count(store, "SELECT count(*) FROM post_urls"),
            count(store, "SELECT count(*) FROM post_hashtags"),
            count(store, "SELECT count(*) FROM post_mentions")};
}

static QString describe(const CaseCounts &c)
{
    return QStringLiteral("posts %1 accounts %2 sources %3 issues %4 urls %5 tags %6 mentions %7")
        .arg(c.posts)
        .arg(c.accounts)
        .arg(c.sources)
        .arg(c.issues)
        .arg(c.urls)
        .arg(c.hashtags)
        .arg(c.mentions);
}

// Applies one seeded damage to `bytes` and says what it did, so a failure can be replayed.
class Mutator
{
public:
    explicit Mutator(std::uint32_t seed) : m_random(seed) {}

    QString mutate(QByteArray &bytes)
    {
        switch (below(6)) {
        case 0: {
            const qsizetype at = below(bytes.size());
            bytes.truncate(at);
            return QStringLiteral("truncated at %1").arg(at);
        }
        case 1: {
            QStringList changes;
            for (int n = 1 + below(8); n > 0 && !bytes.isEmpty(); --n) {
                static const char Special[] = {'\0', '\xFF', '"', ',', '\n', '\r',
                                               '{',  '}',    '[', ']', ':',  '\\'};
                const qsizetype at = below(bytes.size());
                const char value = below(2) ? Special[below(sizeof Special)] : char(below(256));
                bytes[at] = value;
                changes << QStringLiteral("%1=0x%2").arg(at).arg(quint8(value), 2, 16, QChar('0'));
            }
            return QStringLiteral("bytes replaced: ") + changes.join(' ');
        }
        case 2: {
            const auto [start, end] = randomLine(bytes);
            bytes.insert(end, bytes.mid(start, end - start));
            return QStringLiteral("line at %1 duplicated").arg(start);
        }
        case 3: {
            const auto [start, end] = randomLine(bytes);
            bytes.remove(start, end - start);
            return QStringLiteral("line at %1 deleted").arg(start);
        }
        case 4: {
            // Now and then longer than the readers' 1 MB chunk, so a field spans two reads;
            // a run of quotes opens and closes quoted fields and JSON strings.
            const qsizetype at = below(bytes.size() + 1);
            const int kilobytes = below(4) == 0 ? 1100 : 100;
            const char filler = below(4) == 0 ? '"' : 'x';
            bytes.insert(at, QByteArray(kilobytes * 1024, filler));
            return QStringLiteral("%1 KB of '%2' inserted at %3")
                .arg(kilobytes)
                .arg(filler)
                .arg(at);
        }
        default: {
            static const QByteArray Invalid[] = {"\xC3\x28", "\xFF\xFE", "\xED\xA0\x80",
                                                 "\xF8\x88\x80\x80\x80", "\xE2\x82"};
            const qsizetype at = below(bytes.size() + 1);
            bytes.insert(at, Invalid[below(std::size(Invalid))]);
            return QStringLiteral("invalid UTF-8 inserted at %1").arg(at);
        }
        }
    }

    std::uint32_t below(std::size_t bound)
    {
        return bound == 0 ? 0 : std::uint32_t(m_random() % bound);
    }

private:
    // [start, end) of a random line, its newline included.
    std::pair<qsizetype, qsizetype> randomLine(const QByteArray &bytes)
    {
        const qsizetype at = below(bytes.size());
        const qsizetype start = at == 0 ? 0 : bytes.lastIndexOf('\n', at - 1) + 1;
        const qsizetype newline = bytes.indexOf('\n', at);
        return {start, newline < 0 ? bytes.size() : newline + 1};
    }

    std::mt19937 m_random;
};

void TestImportMutations::mutatedFilesNeverCorruptTheCase_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("format");
    QTest::newRow("x-io tweets") << "x_io_tweets.csv"
                                 << "x-io";
    QTest::newRow("twarc2 pages") << "twarc2_pages.jsonl"
                                  << "twarc2";
    QTest::newRow("twarc2 flat") << "twarc2_flat.jsonl"
                                 << "twarc2";
    QTest::newRow("twarc csv") << "twarc_csv.csv"
                               << "twarc-csv";
    QTest::newRow("x-v1 tweets") << "x_v1_tweets.jsonl"
                                 << "x-v1";
    QTest::newRow("generic csv") << "generic_posts.csv"
                                 << "csv";
    QTest::newRow("bluesky jetstream") << "bluesky_jetstream.jsonl"
                                       << "bluesky";
    QTest::newRow("bluesky capture") << "bluesky_capture_atproto.json"
                                     << "bluesky";
    QTest::newRow("bluesky listRecords") << "bluesky_listrecords.json"
                                         << "bluesky";
    QTest::newRow("mastodon timeline") << "mastodon_public_timeline.json"
                                       << "mastodon";
    QTest::newRow("mastodon statuses") << "mastodon_statuses.jsonl"
                                       << "mastodon";
    QTest::newRow("reddit comments") << "reddit_comments.ndjson"
                                     << "reddit";
    QTest::newRow("reddit mixed") << "reddit_mixed.ndjson"
                                  << "reddit";
}

void TestImportMutations::mutatedFilesNeverCorruptTheCase()
{
    QFETCH(QString, fixture);
    QFETCH(QString, format);
    QFile file(dataPath(fixture));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray original = file.readAll();

    QTemporaryDir dir;
    auto store = makeCase(dir);
    QVERIFY(importPath(*store, dataPath(QStringLiteral("x_io_users.csv"))).ok());

    std::uint32_t seed = 20261123u; // fixed: the same mutants on every run
    for (const QChar c : fixture)
        seed = seed * 31u + c.unicode();
    Mutator mutator(seed);
    int succeeded = 0, failed = 0;
    for (int m = 0; m < MutantsPerFixture; ++m) {
        QByteArray bytes = original;
        QString what = mutator.mutate(bytes);
        if (mutator.below(4) == 0)
            what += QStringLiteral("; ") + mutator.mutate(bytes);
        ImportOptions options =
            format == QStringLiteral("csv") ? genericPostsMapping() : ImportOptions{};
        // Most mutants are forced through their importer; some must get past detection too.
        const bool forced = m % 4 != 3;
        options.format = forced ? format.toStdString() : std::string();
        // Strict imports fail whole on the first bad row, after writing the good ones before it.
        options.strict = m % 5 == 4;
        const QString label =
            QStringLiteral("%1 mutant %2 (%3, %4)")
                .arg(fixture)
                .arg(m)
                .arg(what, forced ? QStringLiteral("forced") : QStringLiteral("detected"))
                .append(options.strict ? QStringLiteral(" strict") : QString());
        const QString path = writeFile(dir, QStringLiteral("mutant%1.dat").arg(m), bytes);

        const CaseCounts before = caseCounts(*store);
        const auto report = importPath(*store, path, options);
        const CaseCounts after = caseCounts(*store);
        if (report.ok()) {
            ++succeeded;
            QVERIFY2(after.posts == before.posts + report->counts.imported, qPrintable(label));
            QVERIFY2(after.accounts == before.accounts + report->counts.newAccounts,
                     qPrintable(label));
            QVERIFY2(after.sources == before.sources + (report->alreadyImported ? 0 : 1),
                     qPrintable(label));
        } else {
            ++failed;
            QVERIFY2(!report.error().message.empty(), qPrintable(label));
            QVERIFY2(after == before, qPrintable(label + QStringLiteral(": ") + describe(before) +
                                                 QStringLiteral(" -> ") + describe(after)));
        }
        QVERIFY2(text(*store, "PRAGMA integrity_check") == "ok", qPrintable(label));
        QVERIFY2(text(*store, "PRAGMA foreign_key_check") == "<no row>", qPrintable(label));
    }
    // The damage must reach both outcomes, or one half of the rule goes untested.
    qInfo("%s: %d mutants imported, %d refused", qPrintable(fixture), succeeded, failed);
    QVERIFY(succeeded > 0);
    QVERIFY(failed > 0);
}

QTEST_GUILESS_MAIN(TestImportMutations)
#include "tst_import_mutations.moc"
