#pragma once

#include <QWidget>

class QLabel;
class QTableWidget;

namespace chorus::ui {

class CaseReader;

// What the case holds: counts, time span, every imported file with its SHA-256 and row
// counts, and the import problems (file, line, field, reason). GUI thread; reads through
// its own CaseReader.
class CaseOverviewView : public QWidget
{
    Q_OBJECT
public:
    explicit CaseOverviewView(QWidget *parent = nullptr);

    void openCase(const QString &path);
    void reload();

signals:
    // Loaded: for the status bar and the posts view's language filter.
    void loaded(qint64 posts, qint64 accounts, const QStringList &languages);
    // Posts not yet in the text search index (0: search finds every post).
    void textIndexPending(qint64 posts);

private:
    CaseReader *m_reader;
    QLabel *m_summary;
    QTableWidget *m_sources;
    QTableWidget *m_issues;
    quint64 m_generation = 0;
};

} // namespace chorus::ui
