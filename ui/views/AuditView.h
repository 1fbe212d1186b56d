#pragma once

#include "store/AuditTrail.h"

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace chorus::ui {

class CaseReader;

// The case's audit trail, newest first, with the fingerprint (head hash) and a check of the
// hash chain. GUI thread; reads through its own CaseReader.
class AuditView : public QWidget
{
    Q_OBJECT
public:
    explicit AuditView(QWidget *parent = nullptr);

    void openCase(const QString &path);
    void reload();

private:
    void verify();

    CaseReader *m_reader;
    QTreeWidget *m_tree;
    QLabel *m_status;
};

} // namespace chorus::ui
