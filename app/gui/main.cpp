// The Chorus workbench.
#include "MainWindow.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Chorus"));
    QApplication::setOrganizationName(QStringLiteral("Chorus"));
    QApplication::setApplicationVersion(QStringLiteral(CHORUS_VERSION));
    chorus::ui::MainWindow window;
    const QStringList arguments = QApplication::arguments();
    if (arguments.size() > 1)
        window.openCase(arguments.at(1));
    window.show();
    return app.exec();
}
