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
