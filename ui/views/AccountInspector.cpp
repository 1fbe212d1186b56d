#include "views/AccountInspector.h"

#include "controllers/CaseReader.h"
#include "controllers/SelectionController.h"
#include "models/PostTableModel.h"
#include "views/AccountEvidence.h"
#include "views/Formatting.h"
#include "views/TableSupport.h"

#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace chorus::ui {

struct AccountInspector::Details
{
    qint64 accountId = 0;
    Result<AccountProfile> profile = Error{};
    std::vector<AccountCluster> clusters;
    AccountEvidence evidence;
};

namespace {

QString optionalNumber(const std::optional<std::int64_t> &value)
{
    return value ? formatCount(*value) : QString();
}

} // namespace

AccountInspector::AccountInspector(SelectionController *selection, QWidget *parent)
    : QWidget(parent), m_selection(selection), m_reader(new CaseReader(this)),
      m_title(new QLabel(this)), m_form(new QFormLayout),
      m_signals(
          makeReadOnlyTable({tr("Signal"), tr("Value"), tr("Fired"), tr("Explanation")}, this)),
      m_clusters(makeReadOnlyTable({tr("Cluster"), tr("Score"), tr("Posts by account")}, this)),
      m_partners(makeReadOnlyTable(
          {tr("Partner"), tr("Weight"), tr("Actions"), tr("Mean gap (s)"), tr("Types")}, this)),
      m_posts(new PostTableModel(this)), m_postsTable(new QTableView(this))
{
    m_title->setTextFormat(Qt::PlainText);
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_title->setFont(bold);
    m_title->setText(tr("Select a post, a cluster member or a partner to inspect its account."));
    m_title->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_title, &QLabel::customContextMenuRequested, this, [this](const QPoint &at) {
        const qint64 account = m_selection->accountId();
        if (account == 0)
            return;
        QMenu menu(this);
        menu.addAction(tr("Annotate Account\u2026"), this,
                       [this, account] { emit annotateAccountRequested(account); });
        menu.exec(m_title->mapToGlobal(at));
    });
    m_title->setWordWrap(true);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_postsTable->setModel(m_posts);
    m_postsTable->setSortingEnabled(true);
    m_postsTable->sortByColumn(PostTableModel::TimeColumn, Qt::AscendingOrder);
    m_postsTable->verticalHeader()->hide();
    m_postsTable->setWordWrap(false);
    m_postsTable->horizontalHeader()->setStretchLastSection(true);
    m_postsTable->hideColumn(PostTableModel::AccountColumn);
    m_postsTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    const int digit = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    m_postsTable->horizontalHeader()->resizeSection(PostTableModel::TimeColumn, digit * 18);
    m_postsTable->horizontalHeader()->resizeSection(PostTableModel::KindColumn, digit * 7);
    m_postsTable->horizontalHeader()->resizeSection(PostTableModel::LanguageColumn, digit * 5);
    m_postsTable->horizontalHeader()->resizeSection(PostTableModel::ClusterColumn, digit * 8);

    auto *tabs = new QTabWidget(this);
    tabs->addTab(m_signals, tr("Signals"));
    tabs->addTab(m_postsTable, tr("Posts"));
    tabs->addTab(m_clusters, tr("Clusters"));
    tabs->addTab(m_partners, tr("Partners"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_title);
    layout->addLayout(m_form);
    layout->addWidget(tabs, 1);

    connect(m_selection, &SelectionController::accountSelected, this, &AccountInspector::reload);
    connect(m_clusters, &QTableWidget::cellClicked, this, [this](int row) {
        m_selection->selectCluster(m_clusters->item(row, 0)->data(Qt::UserRole).toLongLong());
    });
    connect(m_partners, &QTableWidget::cellDoubleClicked, this, [this](int row) {
        m_selection->selectAccount(m_partners->item(row, 0)->data(Qt::UserRole).toLongLong());
    });
}

void AccountInspector::openCase(const QString &path)
{
    m_reader->open(path);
    m_posts->openCase(path);
    reload();
}

void AccountInspector::reload()
{
    const qint64 accountId = m_selection->accountId();
    const quint64 generation = ++m_generation;
    PostFilter filter;
    filter.accountId = accountId == 0 ? -1 : accountId; // -1: no account, no posts
    m_posts->setFilter(filter);
    m_reader->run(
        [accountId](const CaseStore &store) {
            Details details;
            details.accountId = accountId;
            if (accountId == 0)
                return details;
            const AccountQueries queries(store);
            details.profile = queries.profile(accountId);
            if (auto clusters = queries.clusters(accountId))
                details.clusters = std::move(clusters.value());
            details.evidence = loadAccountEvidence(store, accountId);
            return details;
        },
        [this, generation](Details details) {
            if (generation == m_generation)
                show(details);
        });
}

void AccountInspector::setField(const QString &key, const QString &value)
{
    auto *label = new QLabel(value, this);
    label->setTextFormat(Qt::PlainText); // profile fields are imported text
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    m_form->addRow(key, label);
}

void AccountInspector::show(const Details &details)
{
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_signals->setRowCount(0);
    m_clusters->setRowCount(0);
    m_partners->setRowCount(0);
    if (details.accountId == 0 || !details.profile) {
        m_title->setText(
            details.accountId == 0
                ? tr("Select a post, a cluster member or a partner to inspect its account.")
                : QString::fromStdString(details.profile.error().message));
        return;
    }
    const AccountProfile &a = details.profile.value();
    m_title->setText(a.handle.empty() ? QString::fromStdString(a.platformId)
                                      : QStringLiteral("@") + QString::fromStdString(a.handle));
    setField(tr("Name"), QString::fromStdString(a.displayName));
    setField(tr("Platform id"), QString::fromStdString(a.platform + " " + a.platformId));
    setField(tr("Created"), a.createdAt ? formatUtcDate(*a.createdAt) : tr("unknown"));
    setField(tr("Location"), QString::fromStdString(a.location));
    setField(tr("Bio"), QString::fromStdString(a.bio));
    setField(tr("Followers / following"),
             tr("%1 / %2").arg(optionalNumber(a.followers), optionalNumber(a.following)));
    setField(tr("Posts in case"), tr("%1 (%2 to %3)")
                                      .arg(formatCount(a.postsInCase), formatUtc(a.firstPostAt),
                                           formatUtc(a.lastPostAt)));

    const auto &signalRows = details.evidence.signalRows;
    m_signals->setRowCount(int(signalRows.size()));
    for (int i = 0; i < int(signalRows.size()); ++i) {
        const AccountSignalRow &s = signalRows[std::size_t(i)];
        m_signals->setItem(i, 0, plainCell(s.name));
        m_signals->setItem(i, 1, plainCell(QString::number(s.value, 'g', 4)));
        m_signals->setItem(i, 2, plainCell(s.fired ? tr("yes") : tr("no")));
        m_signals->setItem(i, 3, plainCell(s.explanation));
        if (s.fired) {
            for (int c = 0; c < 4; ++c)
                m_signals->item(i, c)->setBackground(QColor(255, 224, 178));
        }
    }
    if (!details.evidence.error.isEmpty()) {
        const int row = m_signals->rowCount();
        m_signals->setRowCount(row + 1);
        m_signals->setItem(
            row, 0,
            plainCell(tr("Cannot read the network analysis: %1").arg(details.evidence.error)));
        m_signals->setSpan(row, 0, 1, 4);
    }
    fitColumns(m_signals);

    m_clusters->setRowCount(int(details.clusters.size()));
    for (int i = 0; i < int(details.clusters.size()); ++i) {
        const AccountCluster &c = details.clusters[std::size_t(i)];
        m_clusters->setItem(i, 0, plainCell(tr("#%1").arg(c.number), qint64(c.clusterId)));
        m_clusters->setItem(i, 1, plainCell(QString::number(c.score, 'f', 2)));
        m_clusters->setItem(i, 2, plainCell(formatCount(c.postsByAccount)));
    }

    const auto &partners = details.evidence.partners;
    m_partners->setRowCount(int(partners.size()));
    for (int i = 0; i < int(partners.size()); ++i) {
        const AccountPartnerRow &p = partners[std::size_t(i)];
        m_partners->setItem(i, 0, plainCell(p.handle, p.accountId));
        m_partners->setItem(i, 1, plainCell(QString::number(p.weight)));
        m_partners->setItem(i, 2, plainCell(QString::number(p.actions)));
        m_partners->setItem(i, 3, plainCell(QString::number(p.meanGap, 'f', 1)));
        m_partners->setItem(i, 4, plainCell(p.types));
    }
    fitColumns(m_partners);
}

} // namespace chorus::ui
