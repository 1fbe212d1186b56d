// The French translation: installed for a French system locale, none for English, every
// message of the embedded catalogue translated, and the main window's menus in French.
#include "MainWindow.h"
#include "TestSupport.h"
#include "startup/AppStartup.h"
#include "views/Formatting.h"

#include <QApplication>
#include <QFile>
#include <QLocale>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace chorus::ui;

class TestUiTranslation : public QObject
{
    Q_OBJECT

    static QStringList menuTitles(const MainWindow &window)
    {
        QStringList titles;
        for (QAction *action : window.menuBar()->actions())
            titles << action->text();
        return titles;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // Runs first: before any translator is installed.
    void englishLocaleInstallsNothing()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::Canada));
        auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
        QVERIFY(app);
        QCOMPARE(installTranslations(*app), QString());
        MainWindow window;
        QCOMPARE(menuTitles(window), QStringList({"&File", "&Edit", "&Analysis", "&View", "&Help"}));
    }

    void catalogueIsComplete()
    {
        QTranslator translator;
        QVERIFY(translator.load(":/i18n/chorus_fr.qm"));
        QVERIFY(!translator.isEmpty());
        QCOMPARE(translator.language(), QString("fr"));
        QCOMPARE(translator.translate("chorus::ui::MainWindow", "&File"), QString("&Fichier"));
        QCOMPARE(translator.translate("chorus::ui::PostTableModel", "Account"), QString("Compte"));
        QCOMPARE(translator.translate("PostKind", "repost"), QString("repartage"));
        // Plural forms: French uses the singular for 0 and 1.
        QCOMPARE(
            translator.translate("chorus::ui::CaseController", "Importing %n files", nullptr, 1),
            QString("Importation de %n fichier"));
        QCOMPARE(
            translator.translate("chorus::ui::CaseController", "Importing %n files", nullptr, 3),
            QString("Importation de %n fichiers"));

        // Every message of the catalogue source has a translation in the embedded .qm.
        QFile ts(chorus::test::dataPath("../../ui/translations/chorus_fr.ts"));
        QVERIFY(ts.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&ts);
        QString context;
        bool numerus = false;
        int messages = 0;
        QStringList untranslated;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (xml.name() == QLatin1String("message")) {
                numerus = xml.attributes().value("numerus") == QLatin1String("yes");
            } else if (xml.name() == QLatin1String("source")) {
                const QString source = xml.readElementText();
                ++messages;
                const QByteArray c = context.toUtf8(), s = source.toUtf8();
                if (translator.translate(c.constData(), s.constData(), nullptr, numerus ? 2 : -1)
                        .isEmpty())
                    untranslated << context + ": " + source;
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(messages > 150);
        QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join('\n')));
    }

    void frenchLocaleTranslatesMainWindow()
    {
        QLocale::setDefault(QLocale(QLocale::French, QLocale::Canada));
        auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
        QCOMPARE(installTranslations(*app), QString("fr"));
        MainWindow window;
        QCOMPARE(menuTitles(window), QStringList({"&Fichier", "É&dition", "&Analyse", "&Affichage", "Aid&e"}));
        QCOMPARE(postKindLabel("reply"), QString("réponse"));
        QCOMPARE(postKindLabel("something-else"), QString("something-else"));
    }
};

QTEST_MAIN(TestUiTranslation)
#include "tst_ui_translation.moc"
