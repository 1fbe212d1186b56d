#include "TestSupport.h"

#include <QDir>
#include <QProcess>
#include <QTest>

// Builds the .deb with cpack, checks what it installs, and runs the packaged chorus-cli.
class TestPackaging : public QObject
{
    Q_OBJECT
private slots:
    void debianPackageContents();

private:
    static QString run(const QString &program, const QStringList &arguments, int *exitCode);
};

QString TestPackaging::run(const QString &program, const QStringList &arguments, int *exitCode)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    process.waitForFinished(300000);
    *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return QString::fromUtf8(process.readAll());
}

void TestPackaging::debianPackageContents()
{
    QTemporaryDir out;
    int exitCode = 0;
    const QString log = run("cpack", {"--config", CHORUS_BUILD_DIR "/CPackConfig.cmake", "-G", "DEB",
                                      "-B", out.path()},
                            &exitCode);
    QVERIFY2(exitCode == 0, qPrintable(log));
    const QStringList debs = QDir(out.path()).entryList({"*.deb"}, QDir::Files);
    QCOMPARE(debs.size(), 1);
    const QString deb = out.filePath(debs.first());

    const QString listing = run("dpkg-deb", {"-c", deb}, &exitCode);
    QCOMPARE(exitCode, 0);
    for (const char *path : {"./usr/bin/chorus", "./usr/bin/chorus-cli",
                             "./usr/share/applications/io.chorus.Chorus.desktop",
                             "./usr/share/metainfo/io.chorus.Chorus.metainfo.xml",
                             "./usr/share/mime/packages/chorus.xml",
                             "./usr/share/icons/hicolor/scalable/apps/io.chorus.Chorus.svg",
                             "./usr/share/icons/hicolor/48x48/apps/io.chorus.Chorus.png",
                             "./usr/share/icons/hicolor/256x256/apps/io.chorus.Chorus.png",
                             "./usr/share/chorus/geo/gazetteer.tsv",
                             "./usr/share/chorus/geo/world.tsv",
                             "./usr/share/doc/chorus/copyright"})
        QVERIFY2(listing.contains(QString::fromLatin1(path)), path);

#ifdef CHORUS_HAS_DEMO_CASE
    QVERIFY(listing.contains("./usr/share/chorus/demo/demo.chorus"));
#endif

    const QString depends = run("dpkg-deb", {"-f", deb, "Depends"}, &exitCode);
    QVERIFY2(depends.contains("libqt6widgets6") && depends.contains("libsqlite3-0"), qPrintable(depends));

    const QString root = out.filePath("root");
    run("dpkg-deb", {"-x", deb, root}, &exitCode);
    QCOMPARE(exitCode, 0);
    const QString version = run(root + "/usr/bin/chorus-cli", {"--version"}, &exitCode);
    QCOMPARE(exitCode, 0);
    QCOMPARE(version.trimmed(), QStringLiteral("chorus-cli " CHORUS_VERSION_STRING));
}

QTEST_GUILESS_MAIN(TestPackaging)
#include "tst_packaging.moc"
