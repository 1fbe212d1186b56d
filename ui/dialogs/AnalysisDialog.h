#pragma once

#include <QDialog>
#include <QList>
#include <QMap>
#include <QString>

class QDoubleSpinBox;

namespace chorus::ui {

// One tunable number of an analysis, with what it means in the user's terms.
struct AnalysisParameter
{
    QString key;
    QString label;
    double defaultValue = 0;
    double minimum = 0;
    double maximum = 0;
    int decimals = 0; // 0: a whole number
    QString suffix;
    QString explanation; // shown as tool tip and under the field
};

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
