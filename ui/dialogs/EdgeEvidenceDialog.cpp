#include "dialogs/EdgeEvidenceDialog.h"

#include "views/Formatting.h"
#include "views/TableSupport.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cstdlib>

namespace chorus::ui {

EdgeEvidenceDialog::EdgeEvidenceDialog(const QString &accounts,
                                       const std::vector<EdgeEvidence> &evidence, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Evidence for a link"));
    auto *summary =
        new QLabel(tr("%1: %n co-action(s) within the run's window.", nullptr, int(evidence.size()))
                       .arg(accounts),
                   this);
    summary->setTextFormat(Qt::PlainText);
    summary->setWordWrap(true);
    auto *table = new QTableWidget(int(evidence.size()), 7, this);
    table->setHorizontalHeaderLabels({tr("Type"), tr("Shared object"), tr("Time A (UTC)"),
                                      tr("Time B (UTC)"), tr("Gap (s)"), tr("Post A"),
                                      tr("Post B")});
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    for (int row = 0; row < int(evidence.size()); ++row) {
        const EdgeEvidence &e = evidence[std::size_t(row)];
        table->setItem(row, 0, plainCell(QString::fromStdString(e.type)));
        table->setItem(row, 1, plainCell(singleLine(QString::fromStdString(e.object))));
        table->setItem(row, 2, plainCell(formatUtc(e.timeA)));
        table->setItem(row, 3, plainCell(formatUtc(e.timeB)));
        table->setItem(row, 4, plainCell(QString::number(std::llabs(e.timeB - e.timeA))));
        table->setItem(row, 5, plainCell(singleLine(QString::fromStdString(e.textA))));
        table->setItem(row, 6, plainCell(singleLine(QString::fromStdString(e.textB))));
        table->item(row, 5)->setToolTip(plainTextToolTip(QString::fromStdString(e.textA)));
        table->item(row, 6)->setToolTip(plainTextToolTip(QString::fromStdString(e.textB)));
    }
    fitColumns(table);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addWidget(table, 1);
    layout->addWidget(buttons);
    resize(900, 420);
}

} // namespace chorus::ui
