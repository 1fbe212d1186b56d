#include "dialogs/AnalysisDialog.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace chorus::ui {

namespace {
QString settingsKey(const QString &key)
{
    return QStringLiteral("analysis/") + key;
}
} // namespace

AnalysisDialog::AnalysisDialog(const QList<AnalysisParameter> &parameters, QWidget *parent)
    : QDialog(parent), m_parameters(parameters)
{
    setWindowTitle(tr("Analysis Parameters"));
    auto *form = new QFormLayout;
    QSettings settings;
    for (const AnalysisParameter &p : parameters) {
        auto *field = new QDoubleSpinBox(this);
        field->setDecimals(p.decimals);
        field->setRange(p.minimum, p.maximum);
        field->setSuffix(p.suffix);
        field->setValue(settings.value(settingsKey(p.key), p.defaultValue).toDouble());
        field->setToolTip(p.explanation);
        field->setObjectName(p.key);
        auto *help = new QLabel(
            tr("%1 Default: %2%3.")
                .arg(p.explanation, QString::number(p.defaultValue, 'f', p.decimals), p.suffix),
            this);
        help->setWordWrap(true);
        help->setTextFormat(Qt::PlainText);
        QFont small = help->font();
        small.setPointSizeF(small.pointSizeF() * 0.9);
        help->setFont(small);
        help->setForegroundRole(QPalette::PlaceholderText);
        auto *cell = new QVBoxLayout;
        cell->setSpacing(1);
        cell->addWidget(field);
        cell->addWidget(help);
        form->addRow(p.label + QLatin1Char(':'), cell);
        m_fields << field;
    }
    auto *buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Run"));
    connect(buttons, &QDialogButtonBox::accepted, this, &AnalysisDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] {
                for (int i = 0; i < m_fields.size(); ++i)
                    m_fields.at(i)->setValue(m_parameters.at(i).defaultValue);
            });
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(520);
}

QMap<QString, double> AnalysisDialog::values() const
{
    QMap<QString, double> result;
    for (int i = 0; i < m_fields.size(); ++i)
        result.insert(m_parameters.at(i).key, m_fields.at(i)->value());
    return result;
}

void AnalysisDialog::accept()
{
    QSettings settings;
    for (int i = 0; i < m_fields.size(); ++i)
        settings.setValue(settingsKey(m_parameters.at(i).key), m_fields.at(i)->value());
    QDialog::accept();
}

} // namespace chorus::ui
