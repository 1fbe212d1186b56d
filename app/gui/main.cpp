// The Chorus workbench.
#include "MainWindow.h"
#include "common/HugePageMalloc.h"
#include "dialogs/ImportDialog.h"
#include "startup/AppStartup.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QTimer>

int main(int argc, char *argv[])
{
    chorus::useHugePagesForMalloc(argv);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Chorus"));
    QApplication::setOrganizationName(QStringLiteral("Chorus"));
    QApplication::setApplicationVersion(QStringLiteral(CHORUS_VERSION));
    chorus::ui::installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Investigation workbench for coordinated posting campaigns"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("case"), QStringLiteral("The case file to open."));
    QCommandLineOption demo(QStringLiteral("demo"),
                            QStringLiteral("Open the bundled demo case (a fictional campaign)."));
    parser.addOption(demo);
    // Hidden: for documentation screenshots. Opens the case, waits for the views to load,
    // saves the window as a PNG and quits.
    QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                  QStringLiteral("Save the window to FILE."),
                                  QStringLiteral("FILE"));
    screenshot.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption selectCluster(QStringLiteral("select-cluster"),
                                     QStringLiteral("Select the cluster ranked N (1 = top)."),
                                     QStringLiteral("N"));
    selectCluster.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption importPreview(QStringLiteral("import-dialog"),
                                     QStringLiteral("Show the import dialog for FILE."),
                                     QStringLiteral("FILE"));
    importPreview.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(importPreview);
    parser.addOption(screenshot);
    parser.addOption(selectCluster);
    QCommandLineOption raisePanel(QStringLiteral("raise"),
                                  QStringLiteral("Bring the panel NAME to the front."),
                                  QStringLiteral("NAME"));
    raisePanel.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(raisePanel);
    QCommandLineOption selectCampaign(QStringLiteral("select-campaign"),
                                      QStringLiteral("Select this campaign (with --screenshot)."),
                                      QStringLiteral("number"));
    selectCampaign.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(selectCampaign);
    QCommandLineOption egoOf(
        QStringLiteral("ego"),
        QStringLiteral("Draw this account's 1-hop network (with --screenshot)."),
        QStringLiteral("handle"));
    egoOf.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(egoOf);
    parser.process(app);

    chorus::ui::MainWindow window;
    const QStringList cases = parser.positionalArguments();
    const bool firstStart = chorus::ui::takeFirstStart();
    if (!cases.isEmpty()) {
        window.openCase(cases.first());
    } else if (parser.isSet(demo) || firstStart) {
        // The first start shows the demo case, so a new user sees what Chorus finds.
        QString error;
        const QString demoCase = chorus::ui::userDemoCase(&error);
        if (!demoCase.isEmpty())
            window.openCase(demoCase);
        else if (parser.isSet(demo))
            QMessageBox::warning(&window, QApplication::translate("main", "Demo case"), error);
    }
    window.show();
    if (parser.isSet(raisePanel))
        window.raisePanel(parser.value(raisePanel));
    else if (parser.isSet(egoOf))
        window.raisePanel(QStringLiteral("graph")); // it reads its drawing once in view

    if (parser.isSet(importPreview)) {
        auto *dialog = new chorus::ui::ImportDialog({parser.value(importPreview)}, &window);
        dialog->show();
        if (parser.isSet(screenshot)) {
            const QString file = parser.value(screenshot);
            QTimer::singleShot(1000, dialog, [dialog, file] {
                QApplication::exit(dialog->grab().save(file) ? 0 : 1);
            });
        }
    } else if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        const int rank = parser.value(selectCluster).toInt();
        const int campaign = parser.value(selectCampaign).toInt();
        const QString ego = parser.value(egoOf);
        QTimer::singleShot(1500, &window, [&window, rank, campaign, ego] {
            window.selectClusterByRank(rank);
            if (campaign > 0)
                window.selectCampaign(campaign);
            if (!ego.isEmpty())
                window.showEgoNetwork(ego, 1);
        });
        QTimer::singleShot(3500, &window, [&window, file] {
            const bool saved = window.grab()
                                   .toImage()
                                   .convertToFormat(QImage::Format_Indexed8)
                                   .save(file, "PNG", 0);
            QApplication::exit(saved ? 0 : 1);
        });
    }
    return app.exec();
}
