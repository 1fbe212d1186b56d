#include "views/ReloadWhenSeen.h"

#include <QDockWidget>
#include <QEvent>

#include <utility>

namespace chorus::ui {

ReloadWhenSeen::ReloadWhenSeen(QWidget *panel, std::function<void()> reload)
    : QObject(panel), m_panel(panel), m_reload(std::move(reload))
{
    // The window puts the panel in its dock after making it.
    panel->installEventFilter(this);
    findDock();
}

void ReloadWhenSeen::request()
{
    if (seen()) {
        m_pending = false;
        m_reload();
    } else {
        m_pending = true;
    }
}

bool ReloadWhenSeen::seen() const
{
    return !m_dock || m_dockSeen;
}

bool ReloadWhenSeen::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_panel && event->type() == QEvent::ParentChange)
        findDock();
    return QObject::eventFilter(watched, event);
}

void ReloadWhenSeen::findDock()
{
    QDockWidget *dock = nullptr;
    for (QWidget *w = m_panel->parentWidget(); w && !dock; w = w->parentWidget())
        dock = qobject_cast<QDockWidget *>(w);
    if (dock == m_dock)
        return;
    if (m_dock)
        disconnect(m_dock, nullptr, this, nullptr);
    m_dock = dock;
    if (!dock)
        return;
    // Seen when on screen now (a dock behind a tab is moved out of view, not hidden); in a
    // window not shown yet, not until the first show tells each dock.
    m_dockSeen = dock->isVisible() && !dock->visibleRegion().isEmpty();
    // A dock in a tab group is told when its tab comes to the front or goes behind; a dock
    // shown or hidden, when that happens.
    connect(dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        m_dockSeen = visible;
        if (visible && m_pending) {
            m_pending = false;
            m_reload();
        }
    });
}

} // namespace chorus::ui
