#pragma once

#include "evidence/Annotations.h"

#include <QWidget>

#include <vector>

class QComboBox;
class QTreeWidget;

namespace chorus::ui {

class AnnotationController;
class CaseReader;
class SelectionController;

// Every annotation of the case, filtered by tag and kind: double-click goes to its target (a
// cluster as it is in the latest run, an account), right-click edits it. GUI thread; reads
// through its own CaseReader.
class AnnotationsView : public QWidget
{
    Q_OBJECT
public:
    AnnotationsView(SelectionController *selection, AnnotationController *annotations,
                    QWidget *parent = nullptr);

    void openCase(const QString &path);
    void reload();

signals:
    // The distinct tags of the case's annotations, sorted.
    void tagsChanged(const QStringList &tags);

private:
    void show();
    void edit(const Annotation &annotation);
    void goTo(const Annotation &annotation);

    SelectionController *m_selection;
    AnnotationController *m_annotations;
    CaseReader *m_reader;
    QComboBox *m_tag;
    QComboBox *m_kind;
    QTreeWidget *m_tree;
    std::vector<Annotation> m_all;
};

} // namespace chorus::ui
