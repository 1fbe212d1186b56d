// The import dialog: detected format, preview rows, and the generic CSV column mapping
// (guessed from column names, remembered per header).
#include "TestSupport.h"
#include "dialogs/ImportDialog.h"

#include <QComboBox>
#include <QGroupBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>

using namespace chorus;
using namespace chorus::ui;

class TestUiImportDialog : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void knownFormatIsDetectedAndPreviewed()
    {
        ImportDialog dialog({test::dataPath("x_io_tweets.csv")});
        QCOMPARE(dialog.options().format, std::string()); // detect at import time
        auto tables = dialog.findChildren<QTableWidget *>();
        QCOMPARE(tables.size(), 2);
        QCOMPARE(tables.at(0)->rowCount(), 7); // preview
        QCOMPARE(tables.at(0)->item(1, 5)->text(),
                 QString("Le député a menti. \u23CE Encore une fois, « la vérité » éclate 😡"));
        QCOMPARE(tables.at(1)->rowCount(), 1); // the broken timestamp
        QCOMPARE(tables.at(1)->item(0, 1)->text(), QString("tweet_time"));
    }

    void unknownTableIsMappedByColumnNamesAndRemembered()
    {
        const QString path =
            test::writeFile(m_dir, "t.csv", "author,time,body\nann,2021-01-02 10:00,<b>hi</b>\n");
        {
            ImportDialog dialog({path});
            ImportOptions options = dialog.options();
            QCOMPARE(options.format, std::string("csv"));
            QCOMPARE(options.mapping.at("author"), std::string("author"));
            QCOMPARE(options.mapping.at("time"), std::string("time"));
            QVERIFY(!options.mapping.count("text")); // "body" is not a role name
            // The user maps text to "body" and imports: the mapping is remembered.
            auto *text = dialog.findChild<QComboBox *>("role_text");
            QVERIFY(text);
            text->setCurrentIndex(text->findData("body"));
            QCOMPARE(dialog.options().mapping.at("text"), std::string("body"));
            auto tables = dialog.findChildren<QTableWidget *>();
            QCOMPARE(tables.at(0)->rowCount(), 1);
            QCOMPARE(tables.at(0)->item(0, 5)->text(), QString("<b>hi</b>")); // literal text
            dialog.accept();
        }
        const QString sameShape =
            test::writeFile(m_dir, "u.csv", "author,time,body\nbob,2021-01-03 11:00,second file\n");
        ImportDialog next({sameShape});
        QCOMPARE(next.options().mapping.at("text"), std::string("body"));
        auto tables = next.findChildren<QTableWidget *>();
        QCOMPARE(tables.at(0)->item(0, 5)->text(), QString("second file"));
    }
};

QTEST_MAIN(TestUiImportDialog)
#include "tst_ui_importdialog.moc"
