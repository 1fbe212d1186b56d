#include "text/TextCleaner.h"

#include <QTest>

using namespace chorus;

class TestTextCleaner : public QObject
{
    Q_OBJECT
private slots:
    void asciiUnchanged();
    void invalidUtf8Replaced();
    void decomposedAccentsComposed();
    void nulDropped();
    void composedTextUnchanged_data();
    void composedTextUnchanged();
    void normalizedAfterComposedPrefix();
    void validation_data();
    void validation();
};

void TestTextCleaner::asciiUnchanged()
{
    bool repaired = true;
    QCOMPARE(cleanText("plain text", &repaired), std::string("plain text"));
    QVERIFY(!repaired);
}

void TestTextCleaner::invalidUtf8Replaced()
{
    bool repaired = false;
    const std::string cleaned = cleanText("caf\xE9 ok", &repaired); // Latin-1 é
    QVERIFY(repaired);
    QCOMPARE(cleaned, std::string("caf\xEF\xBF\xBD ok"));
    QVERIFY(isValidUtf8(cleaned));
}

void TestTextCleaner::decomposedAccentsComposed()
{
    bool repaired = true;
    // "é" as e + combining acute accent becomes the single code point U+00E9 (NFC).
    QCOMPARE(cleanText("e\xCC\x81t\xC3\xA9", &repaired), std::string("\xC3\xA9t\xC3\xA9"));
    QVERIFY(!repaired);
}

void TestTextCleaner::nulDropped()
{
    bool repaired = false;
    QCOMPARE(cleanText(std::string_view("a\0b", 3), &repaired), std::string("ab"));
    QVERIFY(repaired);
}

void TestTextCleaner::composedTextUnchanged_data()
{
    // Text the cleaner accepts without asking Qt (Latin accents, emoji, flags, U+FE0F) and
    // text that goes through normalization but is already NFC: returned byte for byte.
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("french accents") << QByteArray("La d\xC3\xA9put\xC3\xA9"
                                                  "e a menti, \xC3\xA7"
                                                  "a !");
    QTest::newRow("emoji with variation selector")
        << QByteArray("I \xE2\x9D\xA4\xEF\xB8\x8F this \xF0\x9F\x98\x82\xF0\x9F\x94\xA5");
    QTest::newRow("flag") << QByteArray("Canada \xF0\x9F\x87\xA8\xF0\x9F\x87\xA6");
    QTest::newRow("chinese") << QByteArray("\xE8\xBF\x99\xE4\xBD\x8D\xE8\xAE\xAE\xE5\x91\x98");
    QTest::newRow("composed hangul") << QByteArray("\xED\x95\x9C\xEA\xB5\xAD");
}

void TestTextCleaner::composedTextUnchanged()
{
    QFETCH(QByteArray, text);
    bool repaired = true;
    const std::string_view view(text.constData(), size_t(text.size()));
    QCOMPARE(cleanText(view, &repaired), std::string(view));
    QVERIFY(!repaired);
}

void TestTextCleaner::normalizedAfterComposedPrefix()
{
    // The quick check must not stop looking after a run of text it knows is NFC.
    QCOMPARE(cleanText("Caf\xC3\xA9 \xF0\x9F\x98\x80 cafe\xCC\x81"),
             std::string("Caf\xC3\xA9 \xF0\x9F\x98\x80 caf\xC3\xA9"));
    // U+212B ANGSTROM SIGN is NFC U+00C5; U+1100 U+1161 (conjoining jamo) compose to U+AC00.
    QCOMPARE(cleanText("12 \xE2\x84\xAB"), std::string("12 \xC3\x85"));
    QCOMPARE(cleanText("\xE1\x84\x80\xE1\x85\xA1"), std::string("\xEA\xB0\x80"));
}

void TestTextCleaner::validation_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("valid");
    QTest::newRow("emoji") << QByteArray("\xF0\x9F\x98\x80") << true;
    QTest::newRow("chinese") << QByteArray("\xE4\xB8\xAD\xE6\x96\x87") << true;
    QTest::newRow("overlong slash") << QByteArray("\xC0\xAF") << false;
    QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80") << false;
    QTest::newRow("truncated sequence") << QByteArray("\xE4\xB8") << false;
    QTest::newRow("past U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << false;
}

void TestTextCleaner::validation()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, valid);
    QCOMPARE(isValidUtf8(std::string_view(bytes.constData(), size_t(bytes.size()))), valid);
}

QTEST_GUILESS_MAIN(TestTextCleaner)
#include "tst_textcleaner.moc"
