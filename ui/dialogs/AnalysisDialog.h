#pragma once

#include "controllers/AnalysisParameters.h"

#include <QDialog>
#include <QList>
#include <QMap>
#include <QString>

class QDoubleSpinBox;

namespace chorus::ui {

// The analysis parameters in a form: each with its default, its range and an explanation;
// "Restore Defaults" puts the defaults back. Values are remembered between runs.
class AnalysisDialog : public QDialog
{
    Q_OBJECT
public:
    AnalysisDialog(const QList<AnalysisParameter> &parameters, QWidget *parent = nullptr);

    QMap<QString, double> values() const;
    void accept() override;

private:
    QList<AnalysisParameter> m_parameters;
    QList<QDoubleSpinBox *> m_fields;
};

} // namespace chorus::ui
