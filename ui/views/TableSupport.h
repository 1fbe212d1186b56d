#pragma once

#include <QStringList>
#include <QVariant>

class QTableWidget;
class QTableWidgetItem;
class QWidget;

namespace chorus::ui {

// A read-only, row-selecting, compact table for small lists (sources, problems, signals).
QTableWidget *makeReadOnlyTable(const QStringList &headers, QWidget *parent);
// A cell showing text literally (one line, full text in the tool tip), with an optional id.
QTableWidgetItem *plainCell(const QString &text, const QVariant &id = {});
// Columns sized to their contents but none wider than maxWidth pixels (the last stretches).
void fitColumns(QTableWidget *table, int maxWidth = 260);

} // namespace chorus::ui
