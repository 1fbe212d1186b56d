#pragma once

#include <QString>
#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace chorus::ui {

class TaskRunner;

// The running task in the status bar: what it does now and the time left, a progress bar
// (busy while its total is unknown) and Cancel. Shown while a task runs, hidden otherwise.
class TaskProgressView : public QWidget
{
    Q_OBJECT
public:
    explicit TaskProgressView(TaskRunner *tasks, QWidget *parent = nullptr);

private:
    QLabel *m_label;
    QProgressBar *m_progress;
    QToolButton *m_cancel;
    QString m_stageText; // what the task does now, shown with its time left
};

} // namespace chorus::ui
