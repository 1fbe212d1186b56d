#include "views/TaskProgressView.h"

#include "controllers/TaskRunner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

namespace chorus::ui {

TaskProgressView::TaskProgressView(TaskRunner *tasks, QWidget *parent)
    : QWidget(parent), m_label(new QLabel(this)), m_progress(new QProgressBar(this)),
      m_cancel(new QToolButton(this))
{
    m_label->setTextFormat(Qt::PlainText);
    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(false);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop the running task; the case stays as it was before it."));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_progress);
    layout->addWidget(m_cancel);
    hide();

    connect(m_cancel, &QToolButton::clicked, tasks, &TaskRunner::cancel);
    connect(tasks, &TaskRunner::started, this, [this](const QString &title) {
        m_stageText = title;
        m_label->setText(title);
        m_progress->setRange(0, 0);
        show();
    });
    connect(tasks, &TaskRunner::timeLeftChanged, this, [this](const QString &text) {
        m_label->setText(text.isEmpty() ? m_stageText : tr("%1 \u00b7 %2").arg(m_stageText, text));
    });
    connect(tasks, &TaskRunner::progressChanged, this,
            [this](qint64 done, qint64 total, const QString &stage) {
                if (!stage.isEmpty())
                    m_stageText = stage;
                // Progress in per-mille keeps 64-bit byte counts inside the int range.
                m_progress->setRange(0, total > 0 ? 1000 : 0);
                if (total > 0)
                    m_progress->setValue(int(done * 1000 / total));
            });
    connect(tasks, &TaskRunner::finished, this, &QWidget::hide);
}

} // namespace chorus::ui
