// The workbench starts itself again with glibc's huge-page malloc tunable
// (common/HugePageMalloc): the tunable must be set once, a user's own tunables kept, the
// arguments and the program's name unchanged, and CHORUS_HUGE_PAGES=0 must turn it off. An
// array of a megabyte or more in a HugePageVector lies in huge pages of its own.
#include "common/HugePageAllocator.h"
#include "common/HugePageMalloc.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QTest>

#include <algorithm>
#include <cstdint>
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

// The flags of the mapping that holds `p` (VmFlags in /proc/self/smaps: "hg" when advised
// MADV_HUGEPAGE); empty when none holds it.
QByteArray mappingFlags(const void *p)
{
    QFile smaps(QStringLiteral("/proc/self/smaps"));
    if (!smaps.open(QIODevice::ReadOnly))
        return {};
    const auto at = reinterpret_cast<quintptr>(p);
    bool inside = false;
    for (const QByteArray &line : smaps.readAll().split('\n')) {
        const int dash = line.indexOf('-'), space = line.indexOf(' ');
        if (dash > 0 && space > dash) {
            bool ok = false, ok2 = false;
            const quintptr from = line.left(dash).toULongLong(&ok, 16);
            const quintptr to = line.mid(dash + 1, space - dash - 1).toULongLong(&ok2, 16);
            if (ok && ok2) {
                inside = from <= at && at < to;
                continue;
            }
        }
        if (inside && line.startsWith("VmFlags:"))
            return line.mid(8).trimmed();
    }
    return {};
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
    void largeArraysLieInHugePagesOfTheirOwn()
    {
        chorus::HugePageVector<std::uint64_t> large(300000); // 2.4 MB
        QCOMPARE(reinterpret_cast<quintptr>(large.data()) % (quintptr(2) << 20), quintptr(0));
        QVERIFY(std::all_of(large.begin(), large.end(), [](std::uint64_t v) { return v == 0; }));
#ifdef __linux__
        // Advised, where the kernel has huge pages and they are wanted (not CHORUS_HUGE_PAGES=0).
        if (chorus::hugePagesWanted() &&
            QFile::exists(QStringLiteral("/sys/kernel/mm/transparent_hugepage/enabled")))
            QVERIFY2(mappingFlags(large.data()).split(' ').contains("hg"),
                     mappingFlags(large.data()).constData());
#endif
        for (std::size_t i = 0; i < large.size(); ++i)
            large[i] = i * 3;
        large.resize(700000); // moved to another array: the values kept
        QCOMPARE(large[299999], std::uint64_t(299999) * 3);
        QCOMPARE(large[699999], std::uint64_t(0));
        chorus::HugePageVector<std::uint64_t> small(1000, 7); // the usual memory
        QCOMPARE(small[999], std::uint64_t(7));
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
