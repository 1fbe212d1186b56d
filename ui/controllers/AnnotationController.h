#pragma once

#include "evidence/Annotations.h"

#include <QObject>
#include <QString>

#include <functional>

class QUndoStack;
class QWidget;

namespace chorus::ui {

class CaseReader;

// The analyst's annotations from the workbench: finds a target, asks for its tags, note and
// grade (AnnotationDialog), and applies the change as an undoable command. Every change (and
// every undo or redo) is written at once, on this controller's own connection and thread,
// with its audit entry; the window never waits for the database. GUI thread.
class AnnotationController : public QObject
{
    Q_OBJECT
public:
    explicit AnnotationController(QWidget *dialogParent, QObject *parent = nullptr);

    void open(const QString &casePath); // empty: close
    QUndoStack *undoStack() const { return m_undo; }

    // Sets a target's annotation as one undoable step (no dialog).
    using Resolve = std::function<Result<AnnotationTarget>(const Annotations &)>;
    void apply(Resolve resolve, const AnnotationState &state);

public slots:
    void annotatePost(qint64 postId);
    void annotateAccount(qint64 accountId);
    void annotateCluster(qint64 clusterId);
    void annotateCampaign(int campaign);
    void annotateCommunity(int community);

signals:
    // An annotation was stored (a change, an undo or a redo).
    void changed();
    void message(const QString &text);

private:
    friend class AnnotateCommand;
    // Finds the target and its state on the worker, then calls `then` on the GUI thread.
    using Then = std::function<void(const AnnotationTarget &, const AnnotationState &)>;
    void find(Resolve resolve, Then then);
    // find(), then the dialog, then the change as an undoable command.
    void edit(Resolve resolve);
    // Stores `state` for `target` on the worker; reports through changed()/message().
    void store(const AnnotationTarget &target, const AnnotationState &state);

    QWidget *m_dialogParent;
    CaseReader *m_writer;
    QUndoStack *m_undo;
};

} // namespace chorus::ui
