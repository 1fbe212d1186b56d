#include "text/UrlNormalizer.h"

#include <QTest>

using namespace chorus;

class TestUrlNormalizer : public QObject
{
    Q_OBJECT
private slots:
    void normalizes_data();
    void normalizes();
};

void TestUrlNormalizer::normalizes_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");
    QTest::newRow("scheme and www removed") << "https://www.example.com/a"
                                            << "example.com/a";
    QTest::newRow("http equals https") << "http://example.com/a"
                                       << "example.com/a";
    QTest::newRow("host case folded, path kept") << "HTTPS://Example.COM/Path"
                                                 << "example.com/Path";
    QTest::newRow("fragment removed") << "https://example.com/a#top"
                                      << "example.com/a";
    QTest::newRow("utm parameters removed") << "https://example.com/a?utm_source=tw&utm_medium=x"
                                            << "example.com/a";
    QTest::newRow("tracking removed, others kept in order")
        << "https://example.com/a?b=2&fbclid=XYZ&a=1&ref=home&s=20"
        << "example.com/a?b=2&a=1";
    QTest::newRow("gclid and UTM in capitals") << "https://example.com/?gclid=1&UTM_Campaign=2"
                                               << "example.com";
    QTest::newRow("trailing slash removed") << "https://example.com/a/"
                                            << "example.com/a";
    QTest::newRow("default port removed") << "http://example.com:80/a"
                                          << "example.com/a";
    QTest::newRow("other port kept") << "http://example.com:8080/a"
                                     << "example.com:8080/a";
    QTest::newRow("www without scheme") << "www.example.com/a?utm_source=x"
                                        << "example.com/a";
    QTest::newRow("short link not expanded") << "https://t.co/AbC123"
                                             << "t.co/AbC123";
    QTest::newRow("not a URL kept as is") << "example.org/B"
                                          << "example.org/B";
    QTest::newRow("plain words kept") << "  just text  "
                                      << "just text";
    QTest::newRow("parameter named like tracking but longer kept") << "https://e.com/?session=1"
                                                                   << "e.com?session=1";
    QTest::newRow("empty") << ""
                           << "";
}

void TestUrlNormalizer::normalizes()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(normalizeUrl(url.toStdString())), expected);
}

QTEST_GUILESS_MAIN(TestUrlNormalizer)
#include "tst_url_normalizer.moc"
