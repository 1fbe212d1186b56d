#pragma once

#include <QDialog>

namespace chorus::ui {

// Versions of Chorus and of the libraries it runs on, and the licences of bundled data.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);
};

} // namespace chorus::ui
