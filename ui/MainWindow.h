#pragma once

#include <QMainWindow>

#include <memory>

class QLabel;

namespace chorus {
class CaseStore;
}

namespace chorus::ui {

// Wires the workbench's views together; computes nothing itself. GUI thread only.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    bool openCase(const QString &path);

private:
    void showSummary();

    std::unique_ptr<CaseStore> m_store;
    QLabel *m_summary = nullptr;
};

} // namespace chorus::ui
