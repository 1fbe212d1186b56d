#include "views/PostsView.h"

#include "controllers/SelectionController.h"
#include "models/PostTableModel.h"
#include "views/Formatting.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace chorus::ui {

PostsView::PostsView(SelectionController *selection, QWidget *parent)
    : QWidget(parent), m_selection(selection), m_model(new PostTableModel(this)),
      m_table(new QTableView(this)), m_search(new QLineEdit(this)), m_kind(new QComboBox(this)),
      m_language(new QComboBox(this)), m_tag(new QComboBox(this)),
      m_context(new QCheckBox(tr("Context posts"), this)), m_clusterChip(new QToolButton(this)),
      m_groupChip(new QToolButton(this)), m_rangeChip(new QToolButton(this)),
      m_count(new QLabel(this)), m_searchDelay(new QTimer(this))
{
    m_model->setReadsOrderKeys(true); // its searches are put in order from them
    m_count->setObjectName(QStringLiteral("postsCount"));
    m_search->setPlaceholderText(tr("Search text (all words)"));
    m_search->setClearButtonEnabled(true);
    m_search->setToolTip(tr("Full-text search: posts containing every word typed. "
                            "Operators are searched as words."));
    m_kind->addItem(tr("All kinds"), QString());
    for (const char *kind : {"post", "reply", "repost", "quote"})
        m_kind->addItem(postKindLabel(QString::fromLatin1(kind)), QString::fromLatin1(kind));
    m_language->addItem(tr("All languages"), QString());
    m_language->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_tag->addItem(tr("All tags"), QString());
    m_tag->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_tag->setToolTip(tr("Posts tagged so: the post, its account, or a cluster, campaign or "
                         "community it belongs to."));
    m_context->setChecked(true);
    m_context->setToolTip(tr("Show the posts that a file holds only because collected posts "
                             "refer to them: reposted, quoted or replied-to originals. The "
                             "timeline and the case period count collected posts only."));
    for (QToolButton *chip : {m_clusterChip, m_groupChip, m_rangeChip}) {
        chip->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        chip->setAutoRaise(true);
        chip->setToolTip(tr("Click to remove this filter"));
        chip->hide();
    }
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_search, 3);
    bar->addWidget(m_kind);
    bar->addWidget(m_language);
    bar->addWidget(m_tag);
    bar->addWidget(m_context);
    bar->addWidget(m_clusterChip);
    bar->addWidget(m_groupChip);
    bar->addWidget(m_rangeChip);
    bar->addWidget(m_count, 1, Qt::AlignRight);

    m_table->setModel(m_model);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(PostTableModel::TimeColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(true);
    const int digit = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    header->resizeSection(PostTableModel::TimeColumn, digit * 18);
    header->resizeSection(PostTableModel::AccountColumn, digit * 16);
    // Wide enough for the kinds and headers in French ("publication", "Publications").
    header->resizeSection(PostTableModel::KindColumn, digit * 12);
    header->resizeSection(PostTableModel::LanguageColumn, digit * 6);
    header->resizeSection(PostTableModel::ClusterColumn, digit * 9);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_table);

    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250); // search when the user pauses typing
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, &PostsView::applyFilter);
    connect(m_search, &QLineEdit::returnPressed, this, &PostsView::applyFilter);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &PostsView::applyFilter);
    connect(m_context, &QCheckBox::toggled, this, &PostsView::applyFilter);
    connect(m_language, &QComboBox::currentIndexChanged, this, &PostsView::applyFilter);
    connect(m_tag, &QComboBox::currentIndexChanged, this, &PostsView::applyFilter);
    connect(m_clusterChip, &QToolButton::clicked, m_selection,
            [this] { m_selection->selectCluster(0); });
    connect(m_groupChip, &QToolButton::clicked, m_selection,
            [this] { m_selection->selectAccountGroup({}); });
    connect(m_rangeChip, &QToolButton::clicked, m_selection,
            [this] { m_selection->selectTimeRange(0, 0); });
    connect(m_selection, &SelectionController::filterChanged, this, &PostsView::applyFilter);
    connect(m_selection, &SelectionController::clusterAccountsChanged, this,
            [this] { m_model->setHighlightedAccounts(m_selection->clusterAccounts()); });
    connect(m_model, &PostTableModel::countChanged, this, [this](qint64 count) {
        m_count->setText(tr("%1 posts").arg(formatCount(count)));
        m_count->setToolTip({});
        emit countChanged(count);
    });
    // Where the count would be: a view left "counting" or "loading" would hide the failure.
    connect(m_model, &PostTableModel::queryFailed, this, [this](const QString &message) {
        m_count->setText(tr("Could not read the posts"));
        m_count->setToolTip(message);
    });
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QTableView::customContextMenuRequested, this, [this](const QPoint &at) {
        const QModelIndex index = m_table->indexAt(at);
        const QVariant post = index.data(PostTableModel::PostIdRole);
        const QVariant account = index.data(PostTableModel::AccountIdRole);
        if (!post.isValid())
            return;
        QMenu menu(this);
        menu.addAction(tr("Annotate Post\u2026"), this,
                       [this, post] { emit annotatePostRequested(post.toLongLong()); });
        menu.addAction(tr("Annotate Its Account\u2026"), this,
                       [this, account] { emit annotateAccountRequested(account.toLongLong()); });
        menu.exec(m_table->viewport()->mapToGlobal(at));
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                const QVariant account = current.data(PostTableModel::AccountIdRole);
                if (account.isValid())
                    m_selection->selectAccount(account.toLongLong());
                const QVariant post = current.data(PostTableModel::PostIdRole);
                if (post.isValid())
                    emit postSelected(post.toLongLong());
            });
}

void PostsView::openCase(const QString &path)
{
    m_model->openCase(path);
}

void PostsView::reload()
{
    m_model->reload();
}

void PostsView::setLanguages(const QStringList &languages)
{
    const QString current = m_language->currentData().toString();
    QSignalBlocker block(m_language);
    m_language->clear();
    m_language->addItem(tr("All languages"), QString());
    for (const QString &language : languages)
        m_language->addItem(language, language);
    m_language->setCurrentIndex(std::max(0, m_language->findData(current)));
}

void PostsView::setTextIndexPending(qint64 posts)
{
    const bool ready = posts == 0;
    m_search->setPlaceholderText(
        ready ? tr("Search text (all words)")
              : tr("Text search: %1 posts still to index").arg(formatCount(posts)));
    if (!ready && !m_search->text().isEmpty())
        m_search->clear(); // a search on part of the posts would look complete
    m_search->setEnabled(ready);
}

void PostsView::setTags(const QStringList &tags)
{
    const QString current = m_tag->currentData().toString();
    QSignalBlocker block(m_tag);
    m_tag->clear();
    m_tag->addItem(tr("All tags"), QString());
    for (const QString &tag : tags)
        m_tag->addItem(tag, tag);
    const int index = m_tag->findData(current);
    m_tag->setCurrentIndex(std::max(0, index));
    if (index < 0 && !current.isEmpty())
        applyFilter(); // the tag the posts were filtered by is gone
}

void PostsView::annotationsChanged()
{
    if (!m_tag->currentData().toString().isEmpty())
        reload();
}

void PostsView::setKindFilter(const QString &kind)
{
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(kind)));
}

void PostsView::applyFilter()
{
    PostFilter filter = m_selection->filter();
    filter.text = m_search->text().toStdString();
    filter.kind = m_kind->currentData().toString().toStdString();
    filter.language = m_language->currentData().toString().toStdString();
    filter.tag = m_tag->currentData().toString().toStdString();
    filter.collectedOnly = !m_context->isChecked();
    m_model->setFilter(filter);
    updateChips();
}

void PostsView::updateChips()
{
    m_clusterChip->setVisible(m_selection->clusterId() != 0);
    m_clusterChip->setText(tr("In selected cluster \u2715"));
    m_groupChip->setVisible(!m_selection->accountGroup().isEmpty());
    m_groupChip->setText(
        tr("By %n selected account(s) \u2715", nullptr, int(m_selection->accountGroup().size())));
    m_rangeChip->setVisible(m_selection->hasTimeRange());
    m_rangeChip->setText(
        tr("%1 \u2013 %2 \u2715")
            .arg(formatUtc(m_selection->timeFrom()), formatUtc(m_selection->timeTo())));
}

} // namespace chorus::ui
