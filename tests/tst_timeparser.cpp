#include "text/TimeParser.h"

#include <QTest>

using namespace chorus;

class TestTimeParser : public QObject
{
    Q_OBJECT
private slots:
    void parses_data();
    void parses();
    void formatsRoundTrip();
};

void TestTimeParser::parses_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qint64>("expected"); // -1: rejected
    QTest::newRow("x archive minute") << QByteArray("2017-08-19 15:13") << qint64(1503155580);
    QTest::newRow("with seconds") << QByteArray("2017-08-19 15:13:07") << qint64(1503155587);
    QTest::newRow("date only") << QByteArray("2016-12-04") << qint64(1480809600);
    QTest::newRow("iso zulu millis") << QByteArray("2020-09-18T18:36:15.000Z") << qint64(1600454175);
    QTest::newRow("iso offset") << QByteArray("2020-09-18T20:36:15+02:00") << qint64(1600454175);
    QTest::newRow("iso compact offset") << QByteArray("2020-09-18T13:36:15-0500") << qint64(1600454175);
    QTest::newRow("iso no zone is utc") << QByteArray("2020-09-18T18:36:15") << qint64(1600454175);
    QTest::newRow("v1.1") << QByteArray("Wed Oct 10 20:19:24 +0000 2018") << qint64(1539202764);
    QTest::newRow("epoch seconds") << QByteArray("1623881091") << qint64(1623881091);
    QTest::newRow("epoch millis") << QByteArray("1623881091123") << qint64(1623881091);
    QTest::newRow("epoch float") << QByteArray("1623881091.0") << qint64(1623881091);
    QTest::newRow("surrounding space") << QByteArray(" 2017-08-19 15:13 ") << qint64(1503155580);
    QTest::newRow("leap day") << QByteArray("2020-02-29") << qint64(1582934400);
    QTest::newRow("not a leap day") << QByteArray("2019-02-29") << qint64(-1);
    QTest::newRow("month 13") << QByteArray("2019-13-01") << qint64(-1);
    QTest::newRow("words") << QByteArray("yesterday at noon") << qint64(-1);
    QTest::newRow("empty") << QByteArray("") << qint64(-1);
    QTest::newRow("trailing junk") << QByteArray("2017-08-19 15:13 local") << qint64(-1);
    QTest::newRow("bad month name") << QByteArray("Wed Foo 10 20:19:24 +0000 2018") << qint64(-1);
}

void TestTimeParser::parses()
{
    QFETCH(QByteArray, text);
    QFETCH(qint64, expected);
    const auto parsed = parseTimestamp(std::string_view(text.constData(), size_t(text.size())));
    QCOMPARE(parsed ? qint64(*parsed) : qint64(-1), expected);
}

void TestTimeParser::formatsRoundTrip()
{
    QCOMPARE(formatTimestamp(1503155580), std::string("2017-08-19T15:13:00Z"));
    QCOMPARE(formatTimestamp(0), std::string("1970-01-01T00:00:00Z"));
    QCOMPARE(*parseTimestamp(formatTimestamp(1600454175)), std::int64_t(1600454175));
}

QTEST_GUILESS_MAIN(TestTimeParser)
#include "tst_timeparser.moc"
