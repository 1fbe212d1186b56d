#include "views/ClustersView.h"

#include "controllers/CaseReader.h"
#include "controllers/SelectionController.h"
#include "query/ClusterQueries.h"
#include "views/Formatting.h"

#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <map>

namespace chorus::ui {

namespace {
constexpr int ClusterLimit = 500;
constexpr int IdRole = Qt::UserRole + 1;
constexpr int CampaignRole = Qt::UserRole + 2;
enum Column {
    NumberColumn,
    ScoreColumn,
    PostsColumn,
    AccountsColumn,
    FirstColumn,
    LastColumn,
    TextColumn
};
} // namespace

ClustersView::ClustersView(SelectionController *selection, QWidget *parent)
    : QWidget(parent), m_selection(selection),
      m_reader(new CaseReader(this, BackgroundPriority::Panel)), m_tree(new QTreeWidget(this)),
      m_empty(new QLabel(this))
{
    m_tree->setHeaderLabels({tr("Cluster"), tr("Score"), tr("Posts"), tr("Accounts"),
                             tr("First (UTC)"), tr("Last (UTC)"), tr("Representative text")});
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setWordWrap(false);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setToolTip(tr("Expand a cluster to see the components of its score."));
    const int digit = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    m_tree->setColumnWidth(NumberColumn, digit * 12);
    m_tree->setColumnWidth(ScoreColumn, digit * 9);
    m_tree->setColumnWidth(PostsColumn, digit * 12);
    m_tree->setColumnWidth(AccountsColumn, digit * 9);
    m_tree->setColumnWidth(FirstColumn, digit * 17);
    m_tree->setColumnWidth(LastColumn, digit * 17);
    m_empty->setTextFormat(Qt::PlainText);
    m_empty->setWordWrap(true);
    m_empty->setText(tr("No clusters yet. Run Analysis \u203A Find Clusters (Ctrl+R)."));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_empty);
    layout->addWidget(m_tree, 1);

    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        // A score component selects its cluster; a campaign row selects nothing by itself.
        while (item && !item->data(NumberColumn, IdRole).isValid())
            item = item->parent();
        if (item && item->data(NumberColumn, IdRole).toLongLong() > 0)
            m_selection->selectCluster(item->data(NumberColumn, IdRole).toLongLong());
        else if (item && item->data(NumberColumn, CampaignRole).toInt() > 0) {
            // A campaign is not a cluster: the cluster selection clears, then the campaign
            // is shown (and selecting any cluster again, even the same one, replaces it).
            m_selection->selectCluster(0);
            emit campaignSelected(item->data(NumberColumn, CampaignRole).toInt());
        }
    });
    connect(m_selection, &SelectionController::clusterSelected, this,
            &ClustersView::followSelection);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QTreeWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        QTreeWidgetItem *item = m_tree->itemAt(at);
        while (item && !item->data(NumberColumn, IdRole).isValid())
            item = item->parent();
        if (!item)
            return;
        const qint64 cluster = item->data(NumberColumn, IdRole).toLongLong();
        const int campaign = item->data(NumberColumn, CampaignRole).toInt();
        QMenu menu(this);
        if (cluster > 0)
            menu.addAction(tr("Annotate Cluster\u2026"), this,
                           [this, cluster] { emit annotateClusterRequested(cluster); });
        else if (campaign > 0)
            menu.addAction(tr("Annotate Campaign\u2026"), this,
                           [this, campaign] { emit annotateCampaignRequested(campaign); });
        menu.exec(m_tree->viewport()->mapToGlobal(at));
    });
}

int ClustersView::clusterCount() const
{
    return int(m_clusterItems.size());
}

void ClustersView::selectByNumber(int number)
{
    if (number > 0 && number <= clusterCount())
        m_tree->setCurrentItem(m_clusterItems[std::size_t(number - 1)]);
}

bool ClustersView::selectCampaign(int campaign)
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        if (QTreeWidgetItem *item = m_tree->topLevelItem(i);
            item->data(NumberColumn, CampaignRole).toInt() == campaign) {
            m_tree->setCurrentItem(item);
            return true;
        }
    return false;
}

void ClustersView::openCase(const QString &path)
{
    m_reader->open(path);
    m_tree->clear();
    reload();
}

void ClustersView::reload()
{
    const quint64 generation = ++m_generation;
    m_reader->run([](const CaseStore &store) { return loadLatestClusters(store, ClusterLimit); },
                  [this, generation](Result<std::vector<ClusterItem>> clusters) {
                      if (generation != m_generation)
                          return;
                      show(clusters ? clusters.value() : std::vector<ClusterItem>{});
                      if (!clusters)
                          m_empty->setText(QString::fromStdString(clusters.error().message));
                  });
}

QTreeWidgetItem *ClustersView::clusterItem(const ClusterItem &c)
{
    auto *item = new QTreeWidgetItem;
    item->setText(NumberColumn, tr("#%1").arg(c.number));
    item->setData(NumberColumn, IdRole, c.id);
    item->setText(ScoreColumn, QString::number(c.score, 'f', 2));
    item->setText(PostsColumn, formatCount(c.size));
    item->setText(AccountsColumn, formatCount(c.accounts));
    item->setText(FirstColumn, formatUtc(c.firstAt));
    item->setText(LastColumn, formatUtc(c.lastAt));
    item->setText(TextColumn, singleLine(c.representativeText)); // plain text item
    item->setToolTip(TextColumn, plainTextToolTip(c.representativeText));
    for (int column : {ScoreColumn, PostsColumn, AccountsColumn})
        item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
    for (const ScoreComponentItem &component : c.components) {
        auto *child = new QTreeWidgetItem(item);
        child->setText(NumberColumn, component.name);
        child->setText(ScoreColumn, QString::number(component.contribution, 'f', 2));
        child->setTextAlignment(ScoreColumn, Qt::AlignRight | Qt::AlignVCenter);
        child->setText(TextColumn, tr("value %1, adds %2 to the score")
                                       .arg(QString::number(component.value, 'g', 4),
                                            QString::number(component.contribution, 'f', 2)));
        child->setForeground(TextColumn, palette().brush(QPalette::PlaceholderText));
    }
    return item;
}

void ClustersView::show(const std::vector<ClusterItem> &clusters)
{
    const QSignalBlocker block(m_tree);
    m_tree->clear();
    m_clusterItems.clear();
    m_empty->setVisible(clusters.empty());
    // A campaign's row stands where its best cluster would; its clusters go under it.
    std::map<int, QTreeWidgetItem *> campaigns;
    struct CampaignTotals
    {
        double score = 0;
        qint64 posts = 0;
        QStringList members;
    };
    std::map<int, CampaignTotals> totals;
    QList<QTreeWidgetItem *> top;
    for (const ClusterItem &c : clusters) {
        QTreeWidgetItem *item = clusterItem(c);
        m_clusterItems.push_back(item);
        if (c.campaign <= 0) {
            top << item;
            continue;
        }
        QTreeWidgetItem *&campaign = campaigns[c.campaign];
        if (!campaign) {
            campaign = new QTreeWidgetItem;
            campaign->setData(NumberColumn, IdRole, qint64(0));
            campaign->setData(NumberColumn, CampaignRole, c.campaign);
            QFont bold = campaign->font(NumberColumn);
            bold.setBold(true);
            for (int column = 0; column <= TextColumn; ++column)
                campaign->setFont(column, bold);
            top << campaign;
        }
        campaign->addChild(item);
        CampaignTotals &total = totals[c.campaign];
        total.score += c.score;
        total.posts += c.size;
        total.members << tr("#%1").arg(c.number);
    }
    for (const auto &[number, campaign] : campaigns) {
        const CampaignTotals &total = totals[number];
        // One line across the row: the short columns would cut "Campaign 1" off.
        campaign->setText(
            NumberColumn,
            tr("Campaign %1: %n clusters, %2 posts, score %3 (%4)", nullptr, campaign->childCount())
                .arg(number)
                .arg(formatCount(total.posts), QString::number(total.score, 'f', 2),
                     total.members.join(QStringLiteral(", "))));
        campaign->setToolTip(NumberColumn,
                             tr("Clusters linked because the same accounts posted them. "
                                "chorus-cli campaigns shows the evidence for each link."));
    }
    m_tree->addTopLevelItems(top);
    for (const auto &[number, campaign] : campaigns) {
        campaign->setFirstColumnSpanned(true);
        campaign->setExpanded(true);
    }
    followSelection(m_selection->clusterId());
    std::vector<ClusterItem> best(clusters.begin(),
                                  clusters.begin() + std::min<std::ptrdiff_t>(5, clusters.size()));
    emit loaded(best);
}

void ClustersView::followSelection(qint64 clusterId)
{
    for (QTreeWidgetItem *item : m_clusterItems) {
        if (item->data(NumberColumn, IdRole).toLongLong() == clusterId) {
            if (m_tree->currentItem() != item &&
                !(m_tree->currentItem() && m_tree->currentItem()->parent() == item))
                m_tree->setCurrentItem(item);
            break;
        }
    }
    if (clusterId == 0) {
        const QSignalBlocker block(m_tree);
        m_tree->setCurrentItem(nullptr);
        m_tree->clearSelection();
        return;
    }
    // The cluster's accounts, so that the other views can highlight them.
    m_reader->run(
        [clusterId](const CaseStore &store) { return ClusterQueries(store).accounts(clusterId); },
        [this, clusterId](Result<std::vector<ClusterAccountInfo>> accounts) {
            QSet<qint64> set;
            if (accounts) {
                for (const ClusterAccountInfo &account : accounts.value())
                    set.insert(account.accountId);
            } else {
                m_empty->setText(tr("Cannot read the accounts of the cluster: %1")
                                     .arg(QString::fromStdString(accounts.error().message)));
                m_empty->setVisible(true);
            }
            m_selection->setClusterAccounts(clusterId, set);
        });
}

} // namespace chorus::ui
