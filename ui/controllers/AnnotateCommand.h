#pragma once

#include "controllers/AnnotationController.h"

#include <QCoreApplication>
#include <QUndoCommand>

namespace chorus::ui {

// One annotation change on the undo stack. Undo stores the state before as a new change (the
// audit trail keeps both); nothing is ever deleted from the record.
class AnnotateCommand final : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(AnnotateCommand)
public:
    AnnotateCommand(AnnotationController *controller, AnnotationTarget target,
                    AnnotationState before, AnnotationState after)
        : m_controller(controller), m_target(std::move(target)), m_before(std::move(before)),
          m_after(std::move(after))
    {
        setText(tr("Annotate %1").arg(QString::fromStdString(m_target.label)));
    }
    void redo() override { m_controller->store(m_target, m_after); }
    void undo() override { m_controller->store(m_target, m_before); }

private:
    AnnotationController *m_controller;
    AnnotationTarget m_target;
    AnnotationState m_before;
    AnnotationState m_after;
};

} // namespace chorus::ui
