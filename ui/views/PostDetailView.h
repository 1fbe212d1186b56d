#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace chorus::ui {

class CaseReader;

// The post chosen in the posts table, whole: its full text (as plain text, never rich text),
// its account, where it came from (source file, its SHA-256, the line) and its annotations
// and its account's. GUI thread; reads through its own CaseReader.
class PostDetailView : public QWidget
{
    Q_OBJECT
public:
    explicit PostDetailView(QWidget *parent = nullptr);

    void openCase(const QString &path);
    void showPost(qint64 postId);
    void reload();
    qint64 postId() const { return m_postId; }

signals:
    void annotateRequested(qint64 postId);

private:
    CaseReader *m_reader;
    QPlainTextEdit *m_text;
    QLabel *m_facts;
    QLabel *m_annotations;
    QPushButton *m_annotate;
    qint64 m_postId = 0;
};

} // namespace chorus::ui
