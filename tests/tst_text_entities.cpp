#include "import/TextEntities.h"

#include <QStringList>
#include <QTest>

using namespace chorus;

// The hashtag and mention scanner shared by importers whose formats give only the text.
class TestTextEntities : public QObject
{
    Q_OBJECT
private slots:
    void scans_data();
    void scans();
};

static QString joined(const std::vector<std::string> &items)
{
    QStringList list;
    for (const std::string &item : items)
        list << QString::fromStdString(item);
    return list.join(QLatin1Char('|'));
}

void TestTextEntities::scans_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("hashtags");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("plain") << "Rally at #CityHall with @mayor_office today"
                           << "CityHall"
                           << "mayor_office";
    QTest::newRow("start and end of text") << "#first middle @last"
                                           << "first"
                                           << "last";
    QTest::newRow("accented latin") << QStringLiteral("La #Vérité éclate, #Eleições2022!")
                                    << QStringLiteral("Vérité|Eleições2022") << "";
    QTest::newRow("devanagari with vowel signs")
        << QStringLiteral("#भारत की खबर") << QStringLiteral("भारत") << "";
    QTest::newRow("chinese and japanese")
        << QStringLiteral("#日本 と #中国新闻。") << QStringLiteral("日本|中国新闻") << "";
    QTest::newRow("arabic") << QStringLiteral("#مصر_اليوم @صحفي") << QStringLiteral("مصر_اليوم")
                            << QStringLiteral("صحفي");
    QTest::newRow("digits only is no tag") << "#2024 and #1 but #2024election"
                                           << "2024election"
                                           << "";
    QTest::newRow("email is no mention") << "write to info@example.org or @press"
                                         << ""
                                         << "press";
    QTest::newRow("C# and URL fragments are no tags")
        << "C# course at https://example.org/page#section and https://x.org/#/route"
        << ""
        << "";
    QTest::newRow("HTML entity is no tag") << "it&#39;s fine #ok"
                                           << "ok"
                                           << "";
    QTest::newRow("mention with dots, trailing full stop dropped")
        << "thanks @amiga.da.maria. and @dancer.one!"
        << ""
        << "amiga.da.maria|dancer.one";
    QTest::newRow("duplicates once, case kept") << "#Tag #tag #Tag @a @a"
                                                << "Tag|tag"
                                                << "a";
    QTest::newRow("lone sigils") << "# @ #! @. ##double"
                                 << ""
                                 << "";
    QTest::newRow("emoji ends a tag")
        << QStringLiteral("#fyp💃 #dance") << QStringLiteral("fyp|dance") << "";
    QTest::newRow("mention in a URL path is none") << "see https://mastodon.social/@user and @real"
                                                   << ""
                                                   << "real";
}

void TestTextEntities::scans()
{
    QFETCH(QString, text);
    QFETCH(QString, hashtags);
    QFETCH(QString, mentions);
    const std::string utf8 = text.toStdString();
    const TextEntities found = scanTextEntities(utf8);
    QCOMPARE(joined(found.hashtags), hashtags);
    QCOMPARE(joined(found.mentions), mentions);
}

QTEST_GUILESS_MAIN(TestTextEntities)
#include "tst_text_entities.moc"
