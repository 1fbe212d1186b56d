#include "models/PostTableModel.h"

#include "controllers/CaseReader.h"
#include "views/Formatting.h"

#include <QFont>

#include <algorithm>

namespace chorus::ui {

namespace {
// Rows a request reads: a window shows 30-60. A search's first rows wait for them, and at ten
// million posts each costs 60-90 us (its pages scattered over the file): 256 were 18-23 ms of
// a narrowed search's 45-50 ms.
constexpr int ChunkSize = 64;
constexpr std::size_t MaxInFlight = 2; // a fast scroll only fetches where it stops
// Views longer than this page from anchors: OFFSET 65,536 costs a few milliseconds, OFFSET
// five million half a second. A slice reads 100,000 keys (15 ms by time or account, 120 ms
// for the unclustered part of the cluster order), so a page asked for meanwhile waits one
// slice at most.
constexpr qint64 AnchoredViewRows = 65536;
constexpr qint64 AnchorSliceRows = 100000;
// A slice of the posts' order keys: at ten million posts, 2.8-2.9 s in all and at most 78-86 ms
// a slice (a slice of a million took up to 285 ms, and a page asked for meanwhile waits for
// the slice being read; bench_post_query --key-slice).
constexpr qint64 OrderKeySliceRows = 100000;
// Rows given to the view at a time (more as it scrolls to its end, fetchMore()). Qt's
// QHeaderView keeps an item per row and makes them all at a reset: ten million rows kept the
// window from reacting for 0.3 s (docs/performance.md), 250,000 rows take a few ms.
constexpr qint64 DefaultShownRowsStep = 250000;

// Reads the rest of the posts' keys before a search's count or page when it costs less with
// them (PostQueries::readOrderKeysFor); `keys` nullptr for a table that does not read them. A
// failed or interrupted reading leaves them as usable as before, and the query goes without.
void readKeysIfTheyPay(const CaseStore &store, const PostFilter &filter, PostQueries::KeysUse use,
                       PostSort sort, PostOrderKeys *keys, PostQueries::KeysPage page = {})
{
    if (keys)
        static_cast<void>(PostQueries(store).readOrderKeysFor(filter, use, sort, *keys, page));
}
} // namespace

PostTableModel::PostTableModel(QObject *parent)
    : QAbstractTableModel(parent), m_reader(new CaseReader(this)),
      m_shownRowsStep(DefaultShownRowsStep), m_cache(ChunkSize, 256)
{}

PostTableModel::~PostTableModel() = default;

void PostTableModel::openCase(const QString &path)
{
    m_open = !path.isEmpty();
    m_reader->open(path);
    m_orderKeys = std::make_shared<PostOrderKeys>();
    m_readingOrderKeys = false;
    m_keysHeld = false;
    m_keysWhole = false;
    m_keysFromKeptCopy = true; // until a slice says otherwise
    restart();
    // The keys from the start, a slice at a time between the view's queries: a search typed as
    // the case opens needs them (their first pass, at least) for its count and first page.
    if (m_open && m_readsOrderKeys)
        readOrderKeys();
}

void PostTableModel::setShownRowsStep(qint64 rows)
{
    m_shownRowsStep = std::max<qint64>(rows, 1);
}

void PostTableModel::setFilter(const PostFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    restart();
}

void PostTableModel::reload()
{
    restart();
}

void PostTableModel::setHighlightedAccounts(const QSet<qint64> &accounts)
{
    m_highlighted = accounts;
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::FontRole});
}

void PostTableModel::restart()
{
    m_reader->interrupt(); // the running query belongs to an old generation
    beginResetModel();
    ++m_generation;
    m_cache.clear();
    m_wanted.clear();
    m_inFlight.clear();
    m_anchors.reset();
    m_readingAnchors = false; // a slice in flight belongs to the old generation
    m_backgroundStarted = false;
    m_pageComing = m_open;
    m_count = m_open ? -1 : 0;
    m_shown = 0;
    endResetModel();
    if (!m_open) {
        emit countChanged(0);
        return;
    }
    const quint64 generation = m_generation;
    m_reader->runCurrent(
        [filter = m_filter, sort = m_sort, keys = m_orderKeys,
         readsKeys = m_readsOrderKeys](const CaseStore &store) {
            readKeysIfTheyPay(store, filter, PostQueries::KeysUse::Count, sort,
                              readsKeys ? keys.get() : nullptr);
            return PostQueries(store, keys.get()).count(filter);
        },
        [this, generation](Result<std::int64_t> count) {
            if (generation != m_generation)
                return;
            if (!count) {
                if (!count.error().cancelled) {
                    emit queryFailed(QString::fromStdString(count.error().message));
                    noPageComes();
                }
                return;
            }
            // The rows appear at once as placeholders; chunks follow on demand.
            beginResetModel();
            m_count = count.value();
            m_shown = std::min(m_count, m_shownRowsStep);
            endResetModel();
            emit countChanged(m_count);
            if (m_count > AnchoredViewRows)
                m_anchors = std::make_shared<PageAnchors>();
            if (m_count == 0)
                startBackgroundReads(); // no page comes
        });
    // A view that shows the table asks for the first rows next: queued now, after the count,
    // they need not wait for the count to reach the window and the view to paint again (3-7
    // ms as a ten-million-post case opens, more while the window is busy). A table that no
    // view has asked rows of (not shown) still reads none until one does.
    if (m_rowsAsked) {
        want(0);
        fetchNext();
    }
}

void PostTableModel::startBackgroundReads()
{
    // After the first page: the reader runs one job at a time, and the anchors of a common
    // word take most of a second. The keys first, as a search's anchors are read from them;
    // their reading may have begun as the case opened.
    if (m_backgroundStarted)
        return;
    m_backgroundStarted = true;
    m_pageComing = false; // the first page arrived, or none comes
    m_keysHeld = false;
    readOrderKeys();
}

void PostTableModel::readOrderKeys()
{
    if (!m_readsOrderKeys) {
        extendAnchors();
        return;
    }
    if (!m_open || m_readingOrderKeys)
        return;
    m_readingOrderKeys = true;
    const quint64 generation = m_generation;
    struct Slice
    {
        bool whole = false;
        bool fromKeptCopy = false; // the next slice too
    };
    m_reader->run(
        [keys = m_orderKeys](const CaseStore &store) -> Result<Slice> {
            const auto whole = PostQueries(store).extendOrderKeys(*keys, OrderKeySliceRows);
            if (!whole)
                return whole.error();
            return Slice{whole.value(),
                         keys->storedThrough > 0 && keys->keptPass < PostKeys::KeptDone};
        },
        [this, keys = m_orderKeys, generation](Result<Slice> slice) {
            if (keys != m_orderKeys) // read for a case closed since
                return;
            m_readingOrderKeys = false;
            if (slice)
                m_keysFromKeptCopy = slice->fromKeptCopy;
            // A slice interrupted by a restart leaves the keys usable: read on. A slice of the
            // kept copy takes 1-10 ms, and the keys are read on whatever the generation (a new
            // search's count waits for one at most), but not ahead of the generation's first
            // page: queued before it, the slice would hold it up (the count reads the keys it
            // needs itself). So a table whose view asks for no rows (not shown) reads no more
            // of them until it does. A walked slice takes up to 80 ms, and waits for that page to
            // arrive (startBackgroundReads). After another error searches read the rows, as
            // before the keys. The anchors wait for that page too.
            if (slice && slice->whole != m_keysWhole) {
                m_keysWhole = slice->whole;
                if (m_keysWhole)
                    emit orderKeysRead();
            }
            if ((slice && !slice->whole) || (!slice && generation != m_generation)) {
                if (m_pageComing && m_keysFromKeptCopy && m_inFlight.empty())
                    m_keysHeld = true; // until the page is queued (fetchNext)
                else if (m_backgroundStarted || m_keysFromKeptCopy)
                    readOrderKeys();
            } else if (m_backgroundStarted) {
                extendAnchors();
            }
        });
}

void PostTableModel::noPageComes()
{
    m_pageComing = false;
    resumeHeldKeys();
}

void PostTableModel::resumeHeldKeys()
{
    if (!m_keysHeld)
        return;
    m_keysHeld = false;
    readOrderKeys();
}

void PostTableModel::extendAnchors()
{
    // A search's anchors are read at once from the keys, when the keys are whole.
    if (!m_anchors || m_anchors->complete || m_readingOrderKeys || m_readingAnchors)
        return;
    m_readingAnchors = true;
    const quint64 generation = m_generation;
    m_reader->runCurrent(
        [filter = m_filter, sort = m_sort, descending = m_descending, anchors = *m_anchors,
         keys = m_orderKeys](const CaseStore &store) {
            return PostQueries(store, keys.get())
                .extendAnchors(filter, sort, descending, anchors, AnchorSliceRows);
        },
        [this, generation](Result<PageAnchors> anchors) {
            // A failed slice only leaves deep pages slower: pages still read without it.
            if (generation != m_generation)
                return;
            m_readingAnchors = false;
            if (!anchors)
                return;
            m_anchors = std::make_shared<const PageAnchors>(std::move(anchors).value());
            extendAnchors();
        });
}

int PostTableModel::rowCount(const QModelIndex &parent) const
{
    // A QTableView counts rows in int: 2^31 posts is far beyond one case file.
    return parent.isValid() ? 0 : int(m_shown);
}

bool PostTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_shown < m_count;
}

void PostTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const qint64 shown = std::min(m_count, m_shown + m_shownRowsStep);
    beginInsertRows({}, int(m_shown), int(shown - 1));
    m_shown = shown;
    endInsertRows();
}

int PostTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void PostTableModel::want(qint64 chunk) const
{
    m_rowsAsked = true;
    if (std::find(m_inFlight.begin(), m_inFlight.end(), chunk) != m_inFlight.end())
        return;
    const auto known = std::find_if(m_wanted.begin(), m_wanted.end(),
                                    [chunk](const WantedChunk &w) { return w.chunk == chunk; });
    if (known != m_wanted.end()) {
        known->round = m_wantRound; // still on screen
        return;
    }
    m_wanted.push_back({chunk, m_wantRound});
    // The most recent requests are where the view is now: keep a short list.
    if (m_wanted.size() > 8)
        m_wanted.erase(std::min_element(
            m_wanted.begin(), m_wanted.end(),
            [](const WantedChunk &a, const WantedChunk &b) { return a.round < b.round; }));
    QMetaObject::invokeMethod(const_cast<PostTableModel *>(this), &PostTableModel::fetchNext,
                              Qt::QueuedConnection);
}

void PostTableModel::fetchNext()
{
    while (m_inFlight.size() < MaxInFlight && !m_wanted.empty()) {
        // The chunks of the view's last paint are where it is now (a scroll that outran the
        // reader left the others), and their top one is seen first.
        const auto pick = std::min_element(
            m_wanted.begin(), m_wanted.end(), [](const WantedChunk &a, const WantedChunk &b) {
                return a.round != b.round ? a.round > b.round : a.chunk < b.chunk;
            });
        const qint64 chunk = pick->chunk;
        m_wanted.erase(pick);
        if (m_cache.hasChunk(chunk))
            continue;
        m_inFlight.push_back(chunk);
        const quint64 generation = m_generation;
        const qint64 offset = m_cache.firstRowOf(chunk);
        m_reader->runCurrent(
            [filter = m_filter, sort = m_sort, descending = m_descending, offset,
             anchors = m_anchors, keys = m_orderKeys,
             readsKeys = m_readsOrderKeys](const CaseStore &store) {
                readKeysIfTheyPay(store, filter, PostQueries::KeysUse::Page, sort,
                                  readsKeys ? keys.get() : nullptr,
                                  {descending, offset + ChunkSize});
                return PostQueries(store, keys.get())
                    .page(filter, sort, descending, offset, ChunkSize, anchors.get());
            },
            [this, generation, chunk](Result<std::vector<PostRow>> rows) {
                if (generation != m_generation)
                    return;
                m_inFlight.erase(std::remove(m_inFlight.begin(), m_inFlight.end(), chunk),
                                 m_inFlight.end());
                if (!rows) {
                    if (!rows.error().cancelled) {
                        emit queryFailed(QString::fromStdString(rows.error().message));
                        noPageComes();
                    }
                    fetchNext(); // the chunks wanted meanwhile still are
                    return;
                }
                const int first = int(m_cache.firstRowOf(chunk));
                const int last = std::min(first + int(rows->size()), rowCount()) - 1;
                m_cache.insertChunk(chunk, std::move(rows.value()));
                if (last >= first)
                    emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
                fetchNext();
                startBackgroundReads();
            });
    }
    ++m_wantRound; // the chunks asked for from now on are the view's next paint
    if (!m_inFlight.empty())
        resumeHeldKeys(); // after the pages just queued
}

QVariant PostTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const PostRow *row = m_cache.row(index.row());
    if (!row) {
        want(m_cache.chunkOf(index.row()));
        if (role == Qt::DisplayRole)
            return index.column() == TextColumn ? tr("loading...") : QString();
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return formatUtc(row->createdAt);
        case AccountColumn:
            return QString::fromStdString(row->accountHandle);
        case KindColumn:
            return row->context
                       ? tr("%1 (context)").arg(postKindLabel(QString::fromStdString(row->kind)))
                       : postKindLabel(QString::fromStdString(row->kind));
        case LanguageColumn:
            return QString::fromStdString(row->language);
        case ClusterColumn:
            return row->clusterNumber ? QVariant(qint64(row->clusterNumber)) : QVariant();
        case TextColumn:
            return singleLine(QString::fromStdString(row->text));
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == TextColumn)
            return plainTextToolTip(QString::fromStdString(row->text));
        return {};
    case Qt::FontRole:
        if (m_highlighted.contains(row->accountId)) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case PostIdRole:
        return qint64(row->id);
    case AccountIdRole:
        return qint64(row->accountId);
    case CreatedAtRole:
        return qint64(row->createdAt);
    case ClusterNumberRole:
        return qint64(row->clusterNumber);
    }
    return {};
}

QVariant PostTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time (UTC)");
    case AccountColumn:
        return tr("Account");
    case KindColumn:
        return tr("Kind");
    case LanguageColumn:
        return tr("Lang");
    case ClusterColumn:
        return tr("Cluster");
    case TextColumn:
        return tr("Text");
    }
    return {};
}

void PostTableModel::sort(int column, Qt::SortOrder order)
{
    PostSort sort = m_sort;
    if (column == TimeColumn)
        sort = PostSort::Time;
    else if (column == AccountColumn)
        sort = PostSort::Account;
    else if (column == ClusterColumn)
        sort = PostSort::Cluster;
    else
        return; // only the indexed orders: sorting 1M rows by text would stall every page
    const bool descending = order == Qt::DescendingOrder;
    if (sort == m_sort && descending == m_descending)
        return;
    m_sort = sort;
    m_descending = descending;
    restart();
}

} // namespace chorus::ui
