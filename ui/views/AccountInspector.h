#pragma once

#include "query/AccountQueries.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QTableView;
class QTableWidget;

namespace chorus::ui {

class CaseReader;
class PostTableModel;
class SelectionController;

// Everything about the selected account: profile fields, the signals that fired with
// their numbers, its posts, its clusters and its strongest coordination partners.
// Clicking a cluster or a partner moves the linked selection there. GUI thread; reads
// through its own CaseReader.
class AccountInspector : public QWidget
{
    Q_OBJECT
public:
    AccountInspector(SelectionController *selection, QWidget *parent = nullptr);

    void openCase(const QString &path);
    void reload();
    PostTableModel *postsModel() const { return m_posts; }

signals:
    void annotateAccountRequested(qint64 accountId);

private:
    struct Details;
    void show(const Details &details);
    void setField(const QString &key, const QString &value);

    SelectionController *m_selection;
    CaseReader *m_reader;
    QLabel *m_title;
    QFormLayout *m_form;
    QTableWidget *m_signals;
    QTableWidget *m_clusters;
    QTableWidget *m_partners;
    PostTableModel *m_posts;
    QTableView *m_postsTable;
    quint64 m_generation = 0;
};

} // namespace chorus::ui
