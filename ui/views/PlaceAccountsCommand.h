#pragma once

#include "network/NetworkLayout.h"

#include <QUndoCommand>

#include <functional>
#include <utility>
#include <vector>

namespace chorus::ui {

// One undoable change to where accounts are drawn: a drag, a pin, an unpin. Holds the
// placements before and after; applying them (to the drawing, and to the network run's
// stored positions when there is one) is the view's job.
class PlaceAccountsCommand : public QUndoCommand
{
public:
    // runId 0: a drawing with no stored positions (a cluster or campaign).
    using Apply = std::function<void(qint64 runId, const std::vector<AccountPlacement> &)>;

    PlaceAccountsCommand(const QString &text, qint64 runId, std::vector<AccountPlacement> before,
                         std::vector<AccountPlacement> after, Apply apply)
        : QUndoCommand(text), m_runId(runId), m_before(std::move(before)),
          m_after(std::move(after)), m_apply(std::move(apply))
    {}

    void redo() override { m_apply(m_runId, m_after); }
    void undo() override { m_apply(m_runId, m_before); }

private:
    qint64 m_runId;
    std::vector<AccountPlacement> m_before;
    std::vector<AccountPlacement> m_after;
    Apply m_apply;
};

} // namespace chorus::ui
