#include "views/AnnotationsView.h"

#include "controllers/AnnotationController.h"
#include "controllers/CaseReader.h"
#include "controllers/SelectionController.h"
#include "views/Formatting.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace chorus::ui {

namespace {

constexpr int IndexRole = Qt::UserRole + 1;

QString kindLabel(AnnotationKind kind)
{
    switch (kind) {
    case AnnotationKind::Post:
        return AnnotationsView::tr("Post");
    case AnnotationKind::Account:
        return AnnotationsView::tr("Account");
    case AnnotationKind::Cluster:
        return AnnotationsView::tr("Cluster");
    case AnnotationKind::Campaign:
        return AnnotationsView::tr("Campaign");
    case AnnotationKind::Community:
        break;
    }
    return AnnotationsView::tr("Community");
}

QString whereNow(const Annotation &a)
{
    if (a.rowId)
        return {};
    if (!a.now)
        return AnnotationsView::tr("not in the latest run");
    return AnnotationsView::tr("now #%1 of run %2 (%3% same)")
        .arg(a.now->number)
        .arg(a.now->runId)
        .arg(qRound(a.now->overlap * 100));
}

} // namespace

AnnotationsView::AnnotationsView(SelectionController *selection, AnnotationController *annotations,
                                 QWidget *parent)
    : QWidget(parent), m_selection(selection), m_annotations(annotations),
      m_reader(new CaseReader(this, BackgroundPriority::Panel)), m_tag(new QComboBox(this)),
      m_kind(new QComboBox(this)), m_tree(new QTreeWidget(this))
{
    m_kind->addItem(tr("All kinds"), -1);
    for (AnnotationKind kind :
         {AnnotationKind::Post, AnnotationKind::Account, AnnotationKind::Cluster,
          AnnotationKind::Campaign, AnnotationKind::Community})
        m_kind->addItem(kindLabel(kind), int(kind));
    m_tree->setHeaderLabels(
        {tr("Target"), tr("Tags"), tr("Grade"), tr("Note"), tr("Analyst"), tr("Changed (UTC)")});
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->header()->setSectionResizeMode(QHeaderView::Interactive);
    const int digit = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    m_tree->setColumnWidth(0, digit * 22);
    m_tree->setColumnWidth(1, digit * 16);
    m_tree->setColumnWidth(2, digit * 6);
    m_tree->setColumnWidth(3, digit * 30);
    const auto annotationAt = [this](QTreeWidgetItem *item) -> const Annotation * {
        if (!item)
            return nullptr;
        const qsizetype index = item->data(0, IndexRole).toLongLong();
        return index >= 0 && index < qsizetype(m_all.size()) ? &m_all[std::size_t(index)] : nullptr;
    };
    connect(m_tree, &QTreeWidget::itemActivated, this, [this, annotationAt](QTreeWidgetItem *item) {
        if (const Annotation *a = annotationAt(item))
            goTo(*a);
    });
    connect(m_tree, &QTreeWidget::customContextMenuRequested, this,
            [this, annotationAt](const QPoint &at) {
                const Annotation *a = annotationAt(m_tree->itemAt(at));
                if (!a)
                    return;
                const Annotation annotation = *a;
                QMenu menu(this);
                menu.addAction(tr("Edit Annotation\u2026"), this,
                               [this, annotation] { edit(annotation); });
                menu.addAction(tr("Go to Target"), this, [this, annotation] { goTo(annotation); });
                menu.exec(m_tree->viewport()->mapToGlobal(at));
            });
    connect(m_tag, &QComboBox::currentIndexChanged, this, &AnnotationsView::show);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &AnnotationsView::show);

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Tag:"), this));
    filters->addWidget(m_tag, 1);
    filters->addWidget(m_kind, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(filters);
    layout->addWidget(m_tree);
}

void AnnotationsView::openCase(const QString &path)
{
    m_reader->open(path);
    reload();
}

void AnnotationsView::reload()
{
    m_reader->run([](const CaseStore &store) { return Annotations(store).list(); },
                  [this](const Result<std::vector<Annotation>> &list) {
                      m_all = list ? list.value() : std::vector<Annotation>{};
                      const QString current = m_tag->currentData().toString();
                      QSet<QString> tags;
                      for (const Annotation &a : m_all)
                          for (const std::string &tag : a.state.tags)
                              tags.insert(QString::fromStdString(tag));
                      QStringList sorted(tags.begin(), tags.end());
                      sorted.sort(Qt::CaseInsensitive);
                      const QSignalBlocker blocker(m_tag);
                      m_tag->clear();
                      m_tag->addItem(tr("All tags"), QString());
                      for (const QString &tag : sorted)
                          m_tag->addItem(tag, tag);
                      m_tag->setCurrentIndex(std::max(0, m_tag->findData(current)));
                      show();
                      emit tagsChanged(sorted);
                  });
}

void AnnotationsView::show()
{
    const QString tag = m_tag->currentData().toString();
    const int kind = m_kind->currentData().toInt();
    m_tree->clear();
    QList<QTreeWidgetItem *> items;
    for (std::size_t i = 0; i < m_all.size(); ++i) {
        const Annotation &a = m_all[i];
        QStringList tags;
        for (const std::string &t : a.state.tags)
            tags << QString::fromStdString(t);
        if ((!tag.isEmpty() && !tags.contains(tag)) || (kind >= 0 && int(a.kind) != kind))
            continue;
        const QString target = QString::fromStdString(a.label);
        const QString now = whereNow(a);
        auto *item = new QTreeWidgetItem(
            {singleLine(target), singleLine(tags.join(QStringLiteral(", "))),
             QString::fromStdString(a.state.grade()),
             singleLine(QString::fromStdString(a.state.note)),
             singleLine(QString::fromStdString(a.analyst)), formatUtc(a.changedAt)});
        item->setData(0, IndexRole, qint64(i));
        item->setToolTip(
            0, plainTextToolTip(kindLabel(a.kind) + QStringLiteral(": ") + target +
                                (now.isEmpty() ? QString() : QStringLiteral("\n") + now)));
        item->setToolTip(3, plainTextToolTip(QString::fromStdString(a.state.note)));
        items << item;
    }
    m_tree->addTopLevelItems(items);
}

void AnnotationsView::edit(const Annotation &a)
{
    switch (a.kind) {
    case AnnotationKind::Post:
        m_annotations->annotatePost(a.rowId.value_or(0));
        break;
    case AnnotationKind::Account:
        m_annotations->annotateAccount(a.rowId.value_or(0));
        break;
    case AnnotationKind::Cluster:
        if (a.now)
            m_annotations->annotateCluster(a.now->clusterId);
        break;
    case AnnotationKind::Campaign:
        if (a.now)
            m_annotations->annotateCampaign(int(a.now->number));
        break;
    case AnnotationKind::Community:
        if (a.now)
            m_annotations->annotateCommunity(int(a.now->number));
        break;
    }
}

void AnnotationsView::goTo(const Annotation &a)
{
    if (a.kind == AnnotationKind::Account && a.rowId)
        m_selection->selectAccount(*a.rowId);
    else if (a.kind == AnnotationKind::Cluster && a.now)
        m_selection->selectCluster(a.now->clusterId);
}

} // namespace chorus::ui
