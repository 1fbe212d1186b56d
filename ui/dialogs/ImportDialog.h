#pragma once

#include "import/Importer.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QTableWidget;
class QGroupBox;
class QGridLayout;

namespace chorus::ui {

// Before an import: the detected format (or the one chosen), the first rows as they will
// be stored, the problems found in them, and for generic CSV the mapping of columns to
// roles, remembered per header so that the next file of the same shape needs no work.
// GUI thread; the preview reads at most a few dozen rows.
class ImportDialog : public QDialog
{
    Q_OBJECT
public:
    ImportDialog(const QStringList &files, QWidget *parent = nullptr);

    const QStringList &files() const { return m_files; }
    ImportOptions options() const;
    // Remembers a generic CSV mapping for the next file with the same header.
    void accept() override;

    // The roles a generic CSV column can be mapped to, with a short explanation each.
    static QList<QPair<QString, QString>> csvRoles();

private:
    void refresh();
    void rememberMapping() const;
    QString mappingKey() const;

    QStringList m_files;
    std::vector<std::string> m_columns;
    std::string m_effectiveFormat; // what the preview read the file as
    QComboBox *m_format;
    QLabel *m_detected;
    QGroupBox *m_mappingBox;
    QGridLayout *m_mapping;
    QList<QComboBox *> m_roleBoxes;
    QTableWidget *m_preview;
    QTableWidget *m_problems;
    QLabel *m_problem;
};

} // namespace chorus::ui
