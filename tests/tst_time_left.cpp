// common/TimeLeft: the time left of a stage from its rate so far, and how it is said.
#include "common/TimeLeft.h"

#include <QTest>

using namespace chorus;
using Clock = TimeLeft::Clock;
using std::chrono::milliseconds;
using std::chrono::seconds;

class TestTimeLeft : public QObject
{
    Q_OBJECT
private slots:
    void steadyRate();
    void unknownUntilEnoughIsSeen();
    void countThatBeginsAgain();
    void describe();
};

void TestTimeLeft::steadyRate()
{
    const Clock::time_point start{};
    TimeLeft left;
    left.restart(start);
    QVERIFY(!left.estimate(0, 1000, start)); // the first report starts the count
    // 250 of 1000 in 10 s: 750 more take 30 s.
    QCOMPARE(*left.estimate(250, 1000, start + seconds(10)), 30.0);
    QCOMPARE(*left.estimate(500, 1000, start + seconds(20)), 20.0);
    QCOMPARE(*left.estimate(1000, 1000, start + seconds(40)), 0.0);
}

void TestTimeLeft::unknownUntilEnoughIsSeen()
{
    const Clock::time_point start{};
    TimeLeft left;
    left.restart(start);
    left.estimate(0, 1000, start);
    QVERIFY(!left.estimate(500, 1000, start + milliseconds(1500))); // under 2 s
    QVERIFY(!left.estimate(5, 1000, start + seconds(5)));           // under 1%
    QVERIFY(!left.estimate(500, 0, start + seconds(5)));            // no total
    // A stage that starts part way (a second file of a batch) is timed from its first report.
    TimeLeft later;
    later.restart(start);
    later.estimate(600, 1000, start);
    QCOMPARE(*later.estimate(800, 1000, start + seconds(10)), 10.0);
}

void TestTimeLeft::countThatBeginsAgain()
{
    const Clock::time_point start{};
    TimeLeft left;
    left.restart(start);
    left.estimate(900, 1000, start);
    // The count went back to 100: a new count, timed from here.
    QVERIFY(!left.estimate(100, 1000, start + seconds(10)));
    QCOMPARE(*left.estimate(200, 1000, start + seconds(20)), 80.0);
}

void TestTimeLeft::describe()
{
    QCOMPARE(describeTimeLeft(0.4), std::string("about 5 s left"));
    QCOMPARE(describeTimeLeft(41), std::string("about 45 s left"));
    QCOMPARE(describeTimeLeft(61), std::string("about 1 min left"));
    QCOMPARE(describeTimeLeft(150), std::string("about 3 min left"));
    QCOMPARE(describeTimeLeft(4800), std::string("about 1 h 20 min left"));
}

QTEST_GUILESS_MAIN(TestTimeLeft)
#include "tst_time_left.moc"
