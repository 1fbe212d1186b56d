#pragma once

#include <QObject>
#include <QPointer>

#include <functional>

class QDockWidget;
class QWidget;

namespace chorus::ui {

// Runs a panel's reload only while the panel can be seen: a panel of the window's docks behind
// another's tab, or closed, or in a window not shown yet, reloads when it comes into view, once
// for all the reloads asked for meanwhile. At ten million posts the graph and map panels, behind
// the timeline's tab, read for seconds of a core as a case opened and at each selection, and the
// posts table's first searches waited for a core. A panel outside a dock is always seen. The
// panel's own state (the case, the selection) is read when the reload runs. GUI thread.
class ReloadWhenSeen : public QObject
{
    Q_OBJECT
public:
    ReloadWhenSeen(QWidget *panel, std::function<void()> reload);

    // Reloads now when the panel can be seen, else when it comes into view.
    void request();
    bool seen() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void findDock();

    QWidget *m_panel;
    std::function<void()> m_reload;
    QPointer<QDockWidget> m_dock;
    bool m_dockSeen = false; // as the dock last said (visibilityChanged)
    bool m_pending = false;
};

} // namespace chorus::ui
