#include "views/TableSupport.h"

#include "views/Formatting.h"

#include <QHeaderView>
#include <QTableWidget>

namespace chorus::ui {

QTableWidget *makeReadOnlyTable(const QStringList &headers, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setWordWrap(false);
    table->setAlternatingRowColors(true);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QTableWidgetItem *plainCell(const QString &text, const QVariant &id)
{
    auto *item = new QTableWidgetItem(singleLine(text)); // items never interpret markup
    item->setToolTip(plainTextToolTip(text));
    if (id.isValid())
        item->setData(Qt::UserRole, id);
    return item;
}

void fitColumns(QTableWidget *table, int maxWidth)
{
    table->resizeColumnsToContents();
    for (int column = 0; column < table->columnCount(); ++column)
        table->setColumnWidth(column, std::min(table->columnWidth(column), maxWidth));
}

} // namespace chorus::ui
