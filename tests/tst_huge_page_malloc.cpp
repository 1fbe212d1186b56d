// The workbench starts itself again with glibc's huge-page malloc tunable
// (common/HugePageMalloc): the tunable must be set once, a user's own tunables kept, the
// arguments and the program's name unchanged, and CHORUS_HUGE_PAGES=0 must turn it off.
#include "common/HugePageMalloc.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QTest>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

// This test program run again as a child: prints what it was started with, and exits.
constexpr const char *PrintMode = "--print-start";

QString childOutput(const QProcessEnvironment &environment)
{
    QProcess child;
    child.setProcessEnvironment(environment);
    child.start(QCoreApplication::applicationFilePath(),
                {QString::fromLatin1(PrintMode), QStringLiteral("two words"), QStringLiteral("x")});
    if (!child.waitForFinished(30000) || child.exitCode() != 0)
        return QStringLiteral("<failed>");
    return QString::fromUtf8(child.readAllStandardOutput()).trimmed();
}

QProcessEnvironment environmentWith(const QString &name, const QString &value)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("GLIBC_TUNABLES"));
    environment.remove(QStringLiteral("CHORUS_HUGE_PAGES"));
    if (!name.isEmpty())
        environment.insert(name, value);
    return environment;
}

} // namespace

class TestHugePageMalloc : public QObject
{
    Q_OBJECT
private slots:
    void setOnceWithArgumentsAndNameKept()
    {
        const QString out = childOutput(environmentWith({}, {}));
        QCOMPARE(out, QStringLiteral("tunables=glibc.malloc.hugetlb=1|comm=tst_huge_page_m|"
                                     "args=two words,x"));
    }
    void usersTunablesKept()
    {
        QCOMPARE(childOutput(environmentWith(QStringLiteral("GLIBC_TUNABLES"),
                                             QStringLiteral("glibc.malloc.arena_max=2"))),
                 QStringLiteral("tunables=glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1|"
                                "comm=tst_huge_page_m|args=two words,x"));
        // A user's own choice of the same tunable wins.
        QCOMPARE(childOutput(environmentWith(QStringLiteral("GLIBC_TUNABLES"),
                                             QStringLiteral("glibc.malloc.hugetlb=0"))),
                 QStringLiteral("tunables=glibc.malloc.hugetlb=0|comm=tst_huge_page_m|"
                                "args=two words,x"));
    }
    void turnedOff()
    {
        QCOMPARE(
            childOutput(environmentWith(QStringLiteral("CHORUS_HUGE_PAGES"), QStringLiteral("0"))),
            QStringLiteral("tunables=|comm=tst_huge_page_m|args=two words,x"));
    }
};

int main(int argc, char **argv)
{
    if (argc > 1 && !std::strcmp(argv[1], PrintMode)) {
        chorus::useHugePagesForMalloc(argv);
        const char *tunables = std::getenv("GLIBC_TUNABLES");
        QFile comm(QStringLiteral("/proc/self/comm"));
        const QByteArray name = comm.open(QIODevice::ReadOnly) ? comm.readAll().trimmed() : "";
        std::string args;
        for (int i = 2; i < argc; ++i)
            args += std::string(i > 2 ? "," : "") + argv[i];
        std::printf("tunables=%s|comm=%s|args=%s\n", tunables ? tunables : "", name.constData(),
                    args.c_str());
        return 0;
    }
    QCoreApplication app(argc, argv);
    TestHugePageMalloc test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_huge_page_malloc.moc"
