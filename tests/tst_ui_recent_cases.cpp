// The recent cases list: most recent first, each case once, the last eight, and kept in the
// user's settings for the next session (written on a thread of its own, so the check waits
// for it).
#include "controllers/RecentCases.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using chorus::ui::RecentCases;

class TestUiRecentCases : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void mostRecentFirstOnceEachAndKept()
    {
        RecentCases recent;
        QVERIFY(recent.paths().isEmpty());
        recent.add(QStringLiteral("/cases/a.chorus"));
        recent.add(QStringLiteral("/cases/b.chorus"));
        recent.add(QStringLiteral("/cases/a.chorus"));
        QCOMPARE(recent.paths(), QStringList({QStringLiteral("/cases/a.chorus"),
                                              QStringLiteral("/cases/b.chorus")}));
        for (int i = 0; i < 9; ++i)
            recent.add(QStringLiteral("/cases/%1.chorus").arg(i));
        QCOMPARE(recent.paths().size(), 8);
        QCOMPARE(recent.paths().first(), QStringLiteral("/cases/8.chorus"));
        QCOMPARE(recent.paths().last(), QStringLiteral("/cases/1.chorus"));
        // The next session reads what this one wrote last.
        QTRY_COMPARE(RecentCases().paths(), recent.paths());
    }
};

QTEST_GUILESS_MAIN(TestUiRecentCases)
#include "tst_ui_recent_cases.moc"
