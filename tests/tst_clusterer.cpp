#include "TestSupport.h"

#include "clustering/Shingler.h"
#include "clustering/TextClusterAnalysis.h"
#include "common/TextArena.h"
#include "text/TextNormalizer.h"

#include <QTest>

#include <map>

using namespace chorus;
using namespace chorus::test;

namespace {

const std::string Base = "Just got back from the rally in Kirkland Lake and I'm still buzzing "
                         "from the energy! Our community stands together for a better future.";
const std::string French = "Je reviens du rassemblement à Québec et je suis encore électrisé "
                           "par l'énergie de la foule ce soir, quelle soirée magnifique!";
const std::string Chinese =
    "今天在多伦多的集会真是太令人激动了，我们的社区团结一致，为了更美好的未来而努力奋斗！";

struct Corpus
{
    std::vector<ClusterInputPost> posts;
    TextArena texts;
    std::map<std::string, std::uint32_t> indexOf; // label -> input index

    void add(const std::string &label, const std::string &text, std::int64_t account = 0)
    {
        const auto index = std::uint32_t(posts.size());
        const std::int64_t id = 100 + index;
        posts.push_back(
            {id, account ? account : id, 1'600'000'000 + 60 * index, 0, texts.copy(text), "en"});
        indexOf[label] = index;
    }
};

std::vector<ScoredCluster> run(const Corpus &corpus, const ClusterParameters &parameters = {})
{
    NullProgress progress;
    auto clusters = clusterTexts(corpus.posts, parameters, progress);
    if (!clusters)
        qFatal("clustering failed: %s", clusters.error().message.c_str());
    return std::move(clusters).value();
}

double exactJaccard(const std::string &a, const std::string &b)
{
    return jaccard(shingleHashes(normalizeText(a), 5), shingleHashes(normalizeText(b), 5));
}

} // namespace

class TestClusterer : public QObject
{
    Q_OBJECT
private slots:
    void nearDuplicatesFound_data();
    void nearDuplicatesFound();
    void distinctTextsNotMerged();
    void shortTextsJoinOnlyExactCopies();
    void thresholdRespected();
    void metricsAndScore();
    void deterministicAcrossThreadCounts();
    void cancelReturnsCancelled();
    void emptyAndBlankInput();
};

void TestClusterer::nearDuplicatesFound_data()
{
    QTest::addColumn<QString>("original");
    QTest::addColumn<QString>("copy");
    const QString base = QString::fromStdString(Base);
    auto replaced = [&](const char *from, const char *to) {
        return QString(base).replace(QString::fromUtf8(from), QString::fromUtf8(to));
    };
    QTest::newRow("exact copy") << base << base;
    QTest::newRow("typos") << base << replaced("rally", "raly").replace("still", "stil");
    QTest::newRow("emoji added") << base << base + " 🔥🔥🇨🇦";
    QTest::newRow("hashtag added") << base << base + " #KirklandLake";
    QTest::newRow("retweet prefix") << base << "RT @someone_else: " + base;
    QTest::newRow("so true prefix") << base << "So true! " + base;
    QTest::newRow("changed link") << base + " https://example.org/r?utm_source=tw"
                                  << base + " https://bit.ly/3xYz";
    QTest::newRow("clauses reordered")
        << base
        << "Our community stands together for a better future. Just got back from the rally "
           "in Kirkland Lake and I'm still buzzing from the energy!";
    QTest::newRow("slot changed") << base << replaced("Kirkland Lake", "Timmins");
    QTest::newRow("case changed") << base << base.toUpper();
    QTest::newRow("french accents dropped")
        << QString::fromStdString(French)
        << "Je reviens du rassemblement a Quebec et je suis encore electrise par l'energie de "
           "la foule ce soir, quelle soiree magnifique!";
    QTest::newRow("chinese one character changed")
        << QString::fromStdString(Chinese)
        << QString::fromStdString(Chinese).replace(QString::fromUtf8("多伦多"),
                                                   QString::fromUtf8("蒙特利"));
}

void TestClusterer::nearDuplicatesFound()
{
    QFETCH(QString, original);
    QFETCH(QString, copy);
    Corpus corpus;
    corpus.add("original", original.toStdString());
    corpus.add("unrelated", "Reminder: the library is closed on Monday for the holiday, "
                            "see you all on Tuesday morning.");
    corpus.add("copy", copy.toStdString());
    const auto clusters = run(corpus);
    QCOMPARE(clusters.size(), std::size_t(1));
    QCOMPARE(clusters.front().group.posts,
             (std::vector<std::uint32_t>{corpus.indexOf["original"], corpus.indexOf["copy"]}));
}

void TestClusterer::distinctTextsNotMerged()
{
    Corpus corpus;
    corpus.add("base", Base);
    corpus.add("same topic 1", "The rally in Kirkland Lake drew a big crowd tonight, and the "
                               "speeches focused on jobs and the local economy.");
    corpus.add("same topic 2", "Traffic around Kirkland Lake was terrible after the rally; "
                               "police closed two roads until midnight.");
    corpus.add("same topic 3", "Still buzzing? I left the rally early, the energy was not "
                               "there and the crowd was small.");
    corpus.add("french other", "Le rassemblement à Québec a été annulé à cause de la pluie, "
                               "les organisateurs promettent une nouvelle date.");
    corpus.add("chinese other", "多伦多今天下大雨，集会被取消了，组织者说下周会再举行一次活动。");
    QVERIFY(run(corpus).empty());
}

void TestClusterer::shortTextsJoinOnlyExactCopies()
{
    Corpus corpus;
    corpus.add("short a", "Great rally!");
    corpus.add("short b", "Great rally!!");
    corpus.add("short a again", "great rally!");
    corpus.add("link only", "https://example.org/1");
    corpus.add("other link only", "https://example.org/2");
    const auto clusters = run(corpus);
    QCOMPARE(clusters.size(), std::size_t(1));
    QCOMPARE(
        clusters.front().group.posts,
        (std::vector<std::uint32_t>{corpus.indexOf["short a"], corpus.indexOf["short a again"]}));
}

void TestClusterer::thresholdRespected()
{
    const std::string other = "Just got back from the rally in Timmins and I'm still buzzing "
                              "from the energy! Our town stands together for a better future.";
    const double j = exactJaccard(Base, other);
    QVERIFY2(j > 0.5 && j < 0.8, qPrintable(QString::number(j)));
    Corpus corpus;
    corpus.add("base", Base);
    corpus.add("other", other);
    ClusterParameters parameters;
    parameters.threshold = j + 0.005;
    QVERIFY(run(corpus, parameters).empty());
    parameters.threshold = j - 0.005;
    const auto clusters = run(corpus, parameters);
    QCOMPARE(clusters.size(), std::size_t(1));
    QCOMPARE(clusters.front().group.posts.size(), std::size_t(2));
    // The member that is not the medoid carries the pair's similarity.
    const auto &similarity = clusters.front().group.similarity;
    QCOMPARE(std::min(similarity[0], similarity[1]), j);
    QCOMPARE(std::max(similarity[0], similarity[1]), 1.0);
}

void TestClusterer::metricsAndScore()
{
    Corpus corpus;
    // Cluster A: 4 posts by 4 accounts within 3 minutes; cluster B: 3 posts by one account.
    for (int i = 0; i < 4; ++i)
        corpus.add("a" + std::to_string(i), Base + (i % 2 ? " #rally" : ""), 1 + i);
    for (int i = 0; i < 3; ++i)
        corpus.add("b" + std::to_string(i), French, 9);
    const auto clusters = run(corpus);
    QCOMPARE(clusters.size(), std::size_t(2));
    const ScoredCluster &a = clusters[0];
    const ScoredCluster &b = clusters[1];
    QCOMPARE(a.number, 1);
    QCOMPARE(a.metrics.size, 4);
    QCOMPARE(a.metrics.accounts, 4);
    QCOMPARE(a.metrics.span(), 180);
    QCOMPARE(a.metrics.busiestShare, 1.0);
    QCOMPARE(a.metrics.languages, std::string("en:4"));
    QCOMPARE(a.group.distinctTexts, 2u);
    QCOMPARE(b.number, 2);
    QCOMPARE(b.metrics.accounts, 1);
    QCOMPARE(b.metrics.postsPerAccount, 3.0);
    QCOMPARE(b.group.medoid, corpus.indexOf["b0"]);
    // Components are named, and the score is their sum.
    QCOMPARE(a.components.size(), std::size_t(4));
    QCOMPARE(a.components[0].name, std::string("size"));
    QCOMPARE(a.components[0].contribution, 2.0); // log2(4)
    QCOMPARE(a.components[1].name, std::string("account spread"));
    QCOMPARE(a.components[1].value, 1.0);
    double sum = 0;
    for (const ScoreComponent &c : a.components)
        sum += c.contribution;
    QCOMPARE(a.score, sum);
}

void TestClusterer::deterministicAcrossThreadCounts()
{
    Corpus corpus;
    for (int i = 0; i < 300; ++i) {
        const int family = i % 7;
        std::string text = "Family " + std::to_string(family) +
                           " says the council vote on the harbour plan was rigged from the start";
        if (i % 3 == 0)
            text += " #vote";
        if (i % 5 == 0)
            text = "So true! " + text;
        if (i % 11 == 0)
            text = "Organic message number " + std::to_string(i) + " about the weather today";
        corpus.add("p" + std::to_string(i), text, 1 + i % 40);
    }
    ClusterParameters one;
    one.threads = 1;
    ClusterParameters three;
    three.threads = 3;
    const auto a = run(corpus, one);
    const auto b = run(corpus);
    const auto c = run(corpus, three);
    QVERIFY(!a.empty());
    QCOMPARE(a.size(), b.size());
    QCOMPARE(a.size(), c.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        QCOMPARE(a[i].number, b[i].number);
        QCOMPARE(a[i].group.posts, b[i].group.posts);
        QCOMPARE(a[i].group.posts, c[i].group.posts);
        QCOMPARE(a[i].group.medoid, c[i].group.medoid);
        QCOMPARE(a[i].score, c[i].score);
    }
}

void TestClusterer::cancelReturnsCancelled()
{
    Corpus corpus;
    corpus.add("a", Base);
    corpus.add("b", Base);
    for (Stage stage : {Stage::NormalizingTexts, Stage::ComputingSignatures, Stage::FindingPairs,
                        Stage::ScoringClusters}) {
        CancelAtStage progress(stage);
        const auto result = clusterTexts(corpus.posts, {}, progress);
        QVERIFY2(!result.ok(), stageId(stage));
        QVERIFY(result.error().cancelled);
    }
}

void TestClusterer::emptyAndBlankInput()
{
    QVERIFY(run(Corpus()).empty());
    Corpus blank;
    blank.add("empty", "");
    blank.add("spaces", "   ");
    blank.add("mention only", "@someone");
    blank.add("mention only again", "@someone_else");
    ClusteringStats stats;
    NullProgress progress;
    const auto clusters = clusterTexts(blank.posts, {}, progress, &stats);
    QVERIFY(clusters.ok());
    QVERIFY(clusters->empty());
    QCOMPARE(stats.ignoredPosts, 4);
}

QTEST_GUILESS_MAIN(TestClusterer)
#include "tst_clusterer.moc"
