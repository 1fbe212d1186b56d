#include "text/TextNormalizer.h"

#include <QTest>

using namespace chorus;

class TestTextNormalizer : public QObject
{
    Q_OBJECT
private slots:
    void defaults_data();
    void defaults();
    void optionalSteps();
    void stepsCanBeSwitchedOff();
    void asciiFastPathMatchesUnicodePath();
};

static QString urlToken()
{
    return QString(QChar(0xE000));
}

void TestTextNormalizer::defaults_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("case and spaces") << "  Hello \t  WORLD \n"
                                     << "hello world";
    QTest::newRow("retweet prefix") << "RT @bob_1: Still buzzing"
                                    << "still buzzing";
    QTest::newRow("retweet marker inside text stays") << "I said RT @bob"
                                                      << "i said rt";
    QTest::newRow("mentions removed") << "hi @alice and @bob!"
                                      << "hi and !";
    QTest::newRow("email is not a mention") << "mail a@b.org"
                                            << "mail a@b.org";
    QTest::newRow("links to one token")
        << "see https://x.com/a?utm_source=1 and www.example.org now"
        << "see " + urlToken() + " and " + urlToken() + " now";
    QTest::newRow("french accents") << "Élection à Montréal, ça commence"
                                    << "election a montreal, ca commence";
    QTest::newRow("full width (NFKC)") << "Ｆｕｌｌ width"
                                       << "full width";
    QTest::newRow("styled letters (NFKC)") << "𝐛𝐨𝐥𝐝 text"
                                           << "bold text";
    QTest::newRow("case folding greek sigma") << "ΟΔΟΣ οδός"
                                              << "οδοσ οδοσ";
    QTest::newRow("chinese unchanged") << "今天的集会太棒了"
                                       << "今天的集会太棒了";
    QTest::newRow("hashtags kept by default") << "#Rally tonight"
                                              << "#rally tonight";
    QTest::newRow("emoji kept by default") << "great 🔥 day"
                                           << "great 🔥 day";
}

void TestTextNormalizer::defaults()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(normalizeTextUtf8(input.toStdString())), expected);
}

void TestTextNormalizer::optionalSteps()
{
    NormalizeOptions options;
    options.removeHashtags = true;
    options.removeEmoji = true;
    options.removePunctuation = true;
    QCOMPARE(QString::fromStdString(normalizeTextUtf8("#Rally tonight 🔥🔥, wow!?", options)),
             QString("tonight wow"));
    QCOMPARE(QString::fromStdString(normalizeTextUtf8("family 👨‍👩‍👧 day", options)),
             QString("family day"));
}

void TestTextNormalizer::stepsCanBeSwitchedOff()
{
    NormalizeOptions options;
    options.caseFold = false;
    options.foldAccents = false;
    options.removeMentions = false;
    options.removeRetweetPrefix = false;
    options.urlsToToken = false;
    options.collapseWhitespace = false;
    QCOMPARE(QString::fromStdString(normalizeTextUtf8("RT @Bob: Élan  http://x.y", options)),
             QString("RT @Bob: Élan  http://x.y"));
    options.nfkc = false;
    QCOMPARE(QString::fromStdString(normalizeTextUtf8("Ｆｕｌｌ", options)), QString("Ｆｕｌｌ"));
}

void TestTextNormalizer::asciiFastPathMatchesUnicodePath()
{
    // The same ASCII sentence with one non-ASCII character appended takes the Unicode path.
    const std::string ascii = "RT @x: The Rally in TIMMINS http://a.b #Go";
    const std::u32string fast = normalizeText(ascii);
    const std::u32string slow = normalizeText(ascii + " é");
    QCOMPARE(slow.substr(0, fast.size()), fast);
    QCOMPARE(slow.substr(fast.size()), std::u32string(U" e"));
}

QTEST_GUILESS_MAIN(TestTextNormalizer)
#include "tst_text_normalizer.moc"
