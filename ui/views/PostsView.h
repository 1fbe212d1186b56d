#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;
class QToolButton;

namespace chorus::ui {

class PostTableModel;
class SelectionController;

// The posts table with its filter bar: words (full-text search), kind, language, and the
// cluster and time range chosen elsewhere (shown as removable chips). Selecting a post
// selects its account. GUI thread.
class PostsView : public QWidget
{
    Q_OBJECT
public:
    PostsView(SelectionController *selection, QWidget *parent = nullptr);

    PostTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QLineEdit *searchField() const { return m_search; }

    void openCase(const QString &path);
    void reload();
    // Fills the language filter with the case's languages.
    void setLanguages(const QStringList &languages);
    // While posts wait for the text index, a search would miss them: it is turned off.
    void setTextIndexPending(qint64 posts);
    // The tags of the case's annotations, for the tag filter.
    void setTags(const QStringList &tags);
    // An annotation changed: only a tag filter makes the shown posts depend on it.
    void annotationsChanged();
    void setKindFilter(const QString &kind);

signals:
    void countChanged(qint64 count);
    // Right-click on a post: annotate it or its account.
    void annotatePostRequested(qint64 postId);
    // The current row's post (for the detail pane).
    void postSelected(qint64 postId);
    void annotateAccountRequested(qint64 accountId);

private:
    void applyFilter();
    void updateChips();

    SelectionController *m_selection;
    PostTableModel *m_model;
    QTableView *m_table;
    QLineEdit *m_search;
    QComboBox *m_kind;
    QComboBox *m_language;
    QComboBox *m_tag;
    QCheckBox *m_context;
    QToolButton *m_clusterChip;
    QToolButton *m_groupChip;
    QToolButton *m_rangeChip;
    QLabel *m_count;
    QTimer *m_searchDelay;
};

} // namespace chorus::ui
