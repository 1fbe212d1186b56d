#pragma once

#include <QList>
#include <QMap>
#include <QString>

namespace chorus {
struct ClusterParameters;
struct NetworkParameters;
} // namespace chorus

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

// The analysis parameters the dialog offers, with the defaults of core's parameter structs
// (never repeated here as numbers), their ranges and what they mean.
QList<AnalysisParameter> analysisParameters();

// Sets the structs' fields from the dialog's values (keys of analysisParameters()); fields
// without a value keep their defaults.
void applyAnalysisValues(const QMap<QString, double> &values, ClusterParameters &clusters,
                         NetworkParameters &network);

} // namespace chorus::ui
