#include "views/AuditView.h"

#include "controllers/CaseReader.h"
#include "store/CaseStore.h"
#include "store/SqlGuard.h"
#include "views/Formatting.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace chorus::ui {

AuditView::AuditView(QWidget *parent)
    : QWidget(parent), m_reader(new CaseReader(this, BackgroundPriority::Panel)),
      m_tree(new QTreeWidget(this)), m_status(new QLabel(this))
{
    m_tree->setHeaderLabels(
        {tr("#"), tr("Time (UTC)"), tr("Analyst"), tr("Action"), tr("Subject"), tr("Details")});
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_tree->setColumnWidth(0, 50);
    m_tree->setColumnWidth(1, 150);
    m_tree->setColumnWidth(4, 220);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);
    auto *check = new QPushButton(tr("Verify Chain"), this);
    check->setToolTip(tr("Recompute every entry's hash: an entry changed after it was written "
                         "breaks the chain."));
    connect(check, &QPushButton::clicked, this, &AuditView::verify);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_status, 1);
    bar->addWidget(check);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_tree);
}

void AuditView::openCase(const QString &path)
{
    m_reader->open(path);
    reload();
}

void AuditView::reload()
{
    m_reader->run(
        [](const CaseStore &store) {
            return guardSql(store.path(), [&]() -> Result<std::vector<AuditEntry>> {
                return AuditTrail(store.db()).entries();
            });
        },
        [this](const Result<std::vector<AuditEntry>> &entries) {
            m_tree->clear();
            if (!entries) {
                m_status->setText(QString::fromStdString(entries.error().message));
                return;
            }
            QList<QTreeWidgetItem *> items;
            for (auto it = entries.value().rbegin(); it != entries.value().rend(); ++it) {
                auto *item = new QTreeWidgetItem({QString::number(it->seq), formatUtc(it->at),
                                                  singleLine(QString::fromStdString(it->analyst)),
                                                  QString::fromStdString(it->action),
                                                  singleLine(QString::fromStdString(it->subject)),
                                                  singleLine(QString::fromStdString(it->details))});
                item->setToolTip(5, plainTextToolTip(QString::fromStdString(it->details)) +
                                        QStringLiteral("\n\nsha256 ") +
                                        QString::fromStdString(it->hash));
                items << item;
            }
            m_tree->addTopLevelItems(items);
            const QString head = entries.value().empty()
                                     ? QString()
                                     : QString::fromStdString(entries.value().back().hash);
            m_status->setText(tr("%n entries. Case fingerprint (newest hash): %1", nullptr,
                                 int(entries.value().size()))
                                  .arg(head));
        });
}

void AuditView::verify()
{
    m_reader->run(
        [](const CaseStore &store) {
            return guardSql(store.path(), [&]() -> Result<AuditVerification> {
                return AuditTrail(store.db()).verify();
            });
        },
        [this](const Result<AuditVerification> &result) {
            if (!result)
                m_status->setText(QString::fromStdString(result.error().message));
            else if (result.value().ok)
                m_status->setText(tr("The chain is intact: %n entries, fingerprint %1", nullptr,
                                     int(result.value().checked))
                                      .arg(QString::fromStdString(result.value().headHash)));
            else
                m_status->setText(tr("The chain is broken: %1")
                                      .arg(QString::fromStdString(result.value().reason)));
        });
}

} // namespace chorus::ui
