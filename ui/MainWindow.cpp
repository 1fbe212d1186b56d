#include "MainWindow.h"

#include "store/CaseStore.h"

#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

namespace chorus::ui {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Chorus"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/chorus.svg")));
    resize(1200, 800);
    m_summary = new QLabel(tr("Open or create a case file to begin."), this);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setAlignment(Qt::AlignCenter);
    setCentralWidget(m_summary);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open Case..."), QKeySequence::Open, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open Case"), {},
                                                          tr("Chorus cases (*.chorus)"));
        if (!path.isEmpty())
            openCase(path);
    });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    statusBar()->showMessage(tr("Ready"));
}

MainWindow::~MainWindow() = default;

bool MainWindow::openCase(const QString &path)
{
    auto store = CaseStore::open(path.toStdString(), CaseStore::OpenMode::OpenOrCreate);
    if (!store) {
        QMessageBox::warning(this, tr("Cannot open case"),
                             QString::fromStdString(store.error().message));
        return false;
    }
    m_store = std::move(store.value());
    setWindowTitle(tr("%1 - Chorus").arg(path));
    showSummary();
    return true;
}

void MainWindow::showSummary()
{
    const auto summary = m_store->summary();
    if (!summary) {
        m_summary->setText(QString::fromStdString(summary.error().message));
        return;
    }
    m_summary->setText(tr("%1 posts from %2 accounts in %3 sources")
                           .arg(summary->posts)
                           .arg(summary->accounts)
                           .arg(summary->sources.size()));
}

} // namespace chorus::ui
