#include "dialogs/AnnotationDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

#include <algorithm>

namespace chorus::ui {

namespace {

QString presetName(const std::string &tag)
{
    // The stored tags stay in English (they are data, shared with chorus-cli); the boxes say
    // them in the interface language.
    if (tag == "coordinated")
        return AnnotationDialog::tr("coordinated");
    if (tag == "likely automated")
        return AnnotationDialog::tr("likely automated");
    if (tag == "organic")
        return AnnotationDialog::tr("organic");
    if (tag == "needs review")
        return AnnotationDialog::tr("needs review");
    return AnnotationDialog::tr("false positive");
}

} // namespace

AnnotationDialog::AnnotationDialog(const QString &targetLabel, const AnnotationState &state,
                                   QWidget *parent)
    : QDialog(parent), m_otherTags(new QLineEdit(this)), m_note(new QPlainTextEdit(this)),
      m_reliability(new QComboBox(this)), m_credibility(new QComboBox(this))
{
    setWindowTitle(tr("Annotate"));
    auto *target = new QLabel(this);
    target->setTextFormat(Qt::PlainText); // the label holds imported handles
    target->setText(targetLabel);
    target->setWordWrap(true);

    auto *presets = new QHBoxLayout;
    std::vector<std::string> others = state.tags;
    for (const std::string &tag : Annotations::presetTags()) {
        auto *box = new QCheckBox(presetName(tag), this);
        box->setProperty("tag", QString::fromStdString(tag));
        box->setChecked(std::find(state.tags.begin(), state.tags.end(), tag) != state.tags.end());
        std::erase(others, tag);
        presets->addWidget(box);
        m_presets.push_back(box);
    }
    presets->addStretch();
    QStringList otherTags;
    for (const std::string &tag : others)
        otherTags << QString::fromStdString(tag);
    m_otherTags->setText(otherTags.join(QStringLiteral(", ")));
    m_otherTags->setPlaceholderText(tr("Other tags, separated by commas"));
    m_note->setPlainText(QString::fromStdString(state.note));
    m_note->setPlaceholderText(tr("What you found and why (plain text)"));

    m_reliability->addItem(tr("Not graded"), QString());
    const QStringList reliability = {tr("A: completely reliable"), tr("B: usually reliable"),
                                     tr("C: fairly reliable"),     tr("D: not usually reliable"),
                                     tr("E: unreliable"),          tr("F: cannot be judged")};
    for (int i = 0; i < reliability.size(); ++i)
        m_reliability->addItem(reliability.at(i), QString(QChar(u'A' + i)));
    m_reliability->setCurrentIndex(
        std::max(0, m_reliability->findData(QString::fromStdString(state.reliability))));
    m_credibility->addItem(tr("Not graded"), 0);
    const QStringList credibility = {tr("1: confirmed by other sources"),
                                     tr("2: probably true"),
                                     tr("3: possibly true"),
                                     tr("4: doubtful"),
                                     tr("5: improbable"),
                                     tr("6: cannot be judged")};
    for (int i = 0; i < credibility.size(); ++i)
        m_credibility->addItem(credibility.at(i), i + 1);
    m_credibility->setCurrentIndex(std::max(0, m_credibility->findData(state.credibility)));

    auto *form = new QFormLayout;
    form->addRow(tr("Tags:"), presets);
    form->addRow(QString(), m_otherTags);
    form->addRow(tr("Source reliability:"), m_reliability);
    form->addRow(tr("Information credibility:"), m_credibility);
    form->addRow(tr("Note:"), m_note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(target);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(640, 420);
}

AnnotationState AnnotationDialog::state() const
{
    AnnotationState state;
    for (const QCheckBox *box : m_presets)
        if (box->isChecked())
            state.tags.push_back(box->property("tag").toString().toStdString());
    for (const QString &tag : m_otherTags->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const std::string clean = tag.simplified().toStdString();
        if (!clean.empty() &&
            std::find(state.tags.begin(), state.tags.end(), clean) == state.tags.end())
            state.tags.push_back(clean);
    }
    std::sort(state.tags.begin(), state.tags.end());
    state.note = m_note->toPlainText().toStdString();
    state.reliability = m_reliability->currentData().toString().toStdString();
    state.credibility = m_credibility->currentData().toInt();
    return state;
}

} // namespace chorus::ui
