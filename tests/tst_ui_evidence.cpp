// Annotations from the workbench: the dialog reached from a post's menu, Edit > Undo and Redo
// (new audit entries, never deletions), the Annotations panel, File > Export.
#include "MainWindow.h"
#include "TestSupport.h"
#include "WorkbenchSteps.h"
#include "controllers/AnnotationController.h"
#include "controllers/CaseController.h"
#include "controllers/TaskRunner.h"
#include "dialogs/AnnotationDialog.h"
#include "dialogs/EvidenceExportAction.h"
#include "evidence/Annotations.h"
#include "models/PostTableModel.h"
#include "store/AuditTrail.h"
#include "store/CaseStore.h"
#include "views/AnnotationsView.h"
#include "views/PostDetailView.h"
#include "views/PostsView.h"

#include <QApplication>
#include <QCheckBox>
#include <QFileInfo>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <QUndoGroup>

using namespace chorus;
using namespace chorus::ui;

class TestUiEvidence : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    // What the case holds, read on a connection of the test's own.
    static std::vector<Annotation> stored(const QString &path)
    {
        auto store = CaseStore::open(path.toStdString());
        if (!store)
            return {};
        auto list = Annotations(*store.value()).list();
        return list ? list.value() : std::vector<Annotation>{};
    }
    static std::vector<AuditEntry> audit(const QString &path)
    {
        auto store = CaseStore::open(path.toStdString());
        return store ? AuditTrail(store.value()->db()).entries() : std::vector<AuditEntry>{};
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void annotateFromThePostsMenuThenUndoAndRedo()
    {
        const QString path = m_dir.filePath("evidence.chorus");
        MainWindow window;
        QVERIFY(test::openCaseAndWait(window, path, true));
        QSignalSpy finished(window.caseController()->tasks(), &TaskRunner::finished);
        QVERIFY(window.caseController()->importFiles({test::dataPath("x_io_tweets.csv")}));
        QVERIFY(finished.wait(60000));
        PostTableModel *posts = window.postsView()->model();
        QTRY_COMPARE(posts->totalCount(), 7);
        QTRY_VERIFY(posts->index(0, 0).data(PostTableModel::PostIdRole).isValid());
        const qint64 postId = posts->index(0, 0).data(PostTableModel::PostIdRole).toLongLong();

        // The post's menu opens the dialog: tick "coordinated", write a note with a rich-text
        // payload, accept.
        const QString note = QStringLiteral("<b>not bold</b> seen in three clusters");
        bool dialogSeen = false;
        // The dialog opens once the target is found on the controller's thread: poll for it.
        QTimer poll;
        poll.setInterval(20);
        connect(&poll, &QTimer::timeout, this, [&] {
            auto *dialog = qobject_cast<AnnotationDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            poll.stop();
            for (QCheckBox *box : dialog->findChildren<QCheckBox *>())
                if (box->property("tag").toString() == QLatin1String("coordinated"))
                    box->setChecked(true);
            dialog->findChild<QPlainTextEdit *>()->setPlainText(note);
            dialogSeen = true;
            dialog->accept();
        });
        poll.start();
        emit window.postsView()->annotatePostRequested(postId);
        QTRY_VERIFY(dialogSeen);
        QTRY_COMPARE(stored(path).size(), std::size_t(1));
        const Annotation first = stored(path).front();
        QCOMPARE(first.kind, AnnotationKind::Post);
        QCOMPARE(first.state.tags, std::vector<std::string>{"coordinated"});
        QCOMPARE(QString::fromStdString(first.state.note), note);
        // The Annotations panel lists it, with the note as typed.
        auto *tree = window.annotationsView()->findChild<QTreeWidget *>();
        QTRY_COMPARE(tree->topLevelItemCount(), 1);
        QCOMPARE(tree->topLevelItem(0)->text(3), note);

        // The post pane shows the whole post, its source line and its annotation as typed.
        auto *table = window.postsView()->findChild<QTableView *>();
        // (The annotation reloaded the posts: wait for the rows to be back.)
        QTRY_VERIFY(posts->index(1, 0).data(PostTableModel::PostIdRole).isValid());
        QTRY_VERIFY(posts->index(0, 0).data(PostTableModel::PostIdRole).isValid());
        table->setCurrentIndex(posts->index(1, 0));
        table->setCurrentIndex(posts->index(0, 0));
        auto *detail = window.findChild<PostDetailView *>();
        QVERIFY(detail);
        QCOMPARE(detail->postId(), postId);
        const auto detailText = [detail] {
            QStringList texts;
            for (QLabel *label : detail->findChildren<QLabel *>())
                texts << label->text();
            return texts.join('\n');
        };
        QTRY_VERIFY2(detailText().contains(note), qPrintable(detailText()));
        QVERIFY(detailText().contains("x_io_tweets.csv, line "));

        // Edit > Undo removes it from the case; the audit trail gains an entry, loses none.
        const std::size_t entriesBefore = audit(path).size();
        QVERIFY(window.undoGroup()->canUndo());
        window.undoGroup()->undo();
        QTRY_VERIFY(stored(path).empty());
        QTRY_COMPARE(audit(path).size(), entriesBefore + 1);
        QCOMPARE(QString::fromStdString(audit(path).back().action), QStringLiteral("annotation"));
        QVERIFY(QString::fromStdString(audit(path).back().details).contains("\"after\":null"));
        QTRY_COMPARE(tree->topLevelItemCount(), 0);

        // Redo puts it back, exactly.
        window.undoGroup()->redo();
        QTRY_COMPARE(stored(path).size(), std::size_t(1));
        QCOMPARE(stored(path).front().state, first.state);
        QTRY_COMPARE(audit(path).size(), entriesBefore + 2);

        // Applying a grade is one more undoable step on the same target.
        window.annotations()->apply([postId](const Annotations &a) { return a.postById(postId); },
                                    AnnotationState{{"coordinated"}, note.toStdString(), "B", 2});
        QTRY_COMPARE(QString::fromStdString(stored(path).front().state.grade()),
                     QStringLiteral("B2"));
        window.undoGroup()->undo();
        QTRY_VERIFY(stored(path).front().state.grade().empty());
        auto store = CaseStore::open(path.toStdString());
        QVERIFY(store);
        QVERIFY(AuditTrail(store.value()->db()).verify().ok);
    }

    // File > Export Report runs the report on the task worker: drawing the PDF off the GUI
    // thread must work and put the report on the audit trail.
    void reportIsWrittenOnTheTaskWorker()
    {
        const QString path = m_dir.filePath("report.chorus");
        MainWindow window;
        QVERIFY(test::openCaseAndWait(window, path, true));
        QSignalSpy finished(window.caseController()->tasks(), &TaskRunner::finished);
        QVERIFY(window.caseController()->importFiles({test::dataPath("x_io_tweets.csv")}));
        QVERIFY(finished.wait(60000));
        const QString pdf = m_dir.filePath("report.pdf");
        QVERIFY(startReportExport(window.caseController(), pdf)); // File > Export Report's task
        QVERIFY(finished.wait(120000));
        QVERIFY2(finished.last().at(0).toBool(), qPrintable(finished.last().at(2).toString()));
        QVERIFY(QFileInfo(pdf).size() > 1000);
        QVERIFY(QFileInfo::exists(pdf + ".SHA256SUMS"));
        QCOMPARE(QString::fromStdString(audit(path).back().action), QStringLiteral("report"));
    }
};

QTEST_MAIN(TestUiEvidence)
#include "tst_ui_evidence.moc"
