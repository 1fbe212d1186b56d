#pragma once

#include "evidence/Annotations.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPlainTextEdit;

namespace chorus::ui {

// Tags (the presets as check boxes, others comma-separated), a plain-text note and an
// Admiralty grade for one target.
class AnnotationDialog : public QDialog
{
    Q_OBJECT
public:
    AnnotationDialog(const QString &targetLabel, const AnnotationState &state,
                     QWidget *parent = nullptr);

    AnnotationState state() const;

private:
    std::vector<QCheckBox *> m_presets;
    QLineEdit *m_otherTags;
    QPlainTextEdit *m_note;
    QComboBox *m_reliability;
    QComboBox *m_credibility;
};

} // namespace chorus::ui
