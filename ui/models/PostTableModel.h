#pragma once

#include "models/RowCache.h"
#include "query/PostQueries.h"

#include <QAbstractTableModel>
#include <QSet>

#include <memory>
#include <vector>

namespace chorus::ui {

class CaseReader;

// The posts of the open case under a filter, for a QTableView, without ever holding them
// all: rowCount() is the filtered count, up to 250,000 rows at first and more each time the
// view scrolls to its end (fetchMore), rows not loaded yet show a placeholder, and the
// chunk around a requested row is fetched by a CaseReader thread and announced with
// dataChanged. Every filter, sort or case change starts a new generation; answers from
// older generations are dropped. Text is returned as plain QString. GUI thread.
class PostTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        AccountColumn,
        KindColumn,
        LanguageColumn,
        ClusterColumn,
        TextColumn,
        ColumnCount
    };
    enum Role { PostIdRole = Qt::UserRole + 1, AccountIdRole, CreatedAtRole, ClusterNumberRole };

    explicit PostTableModel(QObject *parent = nullptr);
    ~PostTableModel() override;

    void openCase(const QString &path); // empty: close
    void setFilter(const PostFilter &filter);
    const PostFilter &filter() const { return m_filter; }
    // Re-reads count and rows (after an import or an analysis).
    void reload();
    // How many rows the view gets at first and at each fetchMore() (250,000 unless a test
    // makes it small); takes effect at the next count.
    void setShownRowsStep(qint64 rows);
    // Whether the model reads the case's order keys (PostOrderKeys: 15 bytes a post) from the
    // moment a case opens, a slice between its queries, for searches of the text (and before a
    // search's count or page when they cost less with them): the posts table does, a table
    // that never searches (one account's posts) does not. Off unless set; set it before
    // openCase().
    void setReadsOrderKeys(bool reads) { m_readsOrderKeys = reads; }
    // Rows by these accounts are shown in bold (the selected cluster's accounts).
    void setHighlightedAccounts(const QSet<qint64> &accounts);

    // The view's rows in all (rowCount() may show fewer so far); -1 while the count is being
    // computed.
    qint64 totalCount() const { return m_count; }
    bool isLoading() const { return m_count < 0 || !m_inFlight.empty(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    void sort(int column, Qt::SortOrder order) override;

signals:
    // The filtered count is known (also after a reload).
    void countChanged(qint64 count);
    // A request failed (e.g. the case file went away); message for the status bar.
    void queryFailed(const QString &message);
    // The posts' keys are read (setReadsOrderKeys): they hold every post of the case, or do not
    // fit their share of memory and searches go without. Again after posts were added and read.
    void orderKeysRead();

private:
    void restart();
    void want(qint64 chunk) const;
    void fetchNext();
    // Reads the next slice of the view's page anchors (a long view only), then the next.
    void extendAnchors();
    // After a generation's first page: reads on the order keys (begun as the case opened), then
    // the anchors; once per generation.
    void startBackgroundReads();
    // Reads the next slice of the posts' order keys, then the next, until they hold every post.
    void readOrderKeys();
    // Queues the slice held for a page, if one is.
    void resumeHeldKeys();
    // The generation's count or page failed: its keys' slices wait for no page.
    void noPageComes();

    CaseReader *m_reader;
    PostFilter m_filter;
    PostSort m_sort = PostSort::Time;
    bool m_descending = false;
    qint64 m_count = -1;
    qint64 m_shown = 0; // rows given to the view so far (rowCount)
    qint64 m_shownRowsStep;
    quint64 m_generation = 0;
    QSet<qint64> m_highlighted;
    RowCache<PostRow> m_cache;
    // Every 1024th row's key, for pages deep in a long view; grows slice by slice.
    std::shared_ptr<const PageAnchors> m_anchors;
    // The open case's posts' times and accounts, read slice by slice as it opens (and after
    // posts are added), or at once for a search that costs less with them: a search's pages are
    // put in order from them. Read and changed only by jobs on the reader's thread, which run
    // one at a time (never from the GUI thread).
    std::shared_ptr<PostOrderKeys> m_orderKeys;
    bool m_readsOrderKeys = false;
    bool m_readingOrderKeys = false;
    bool m_keysFromKeptCopy = true; // the last slice read the case's kept keys, not a walk
    // The next slice waits for the generation's first page job to be queued: queued before it,
    // the slice would hold that page up (resumeHeldKeys()).
    bool m_keysHeld = false;
    // A first page of this generation is still to be asked for or to arrive (false once the
    // background reads start, or a count or page fails).
    bool m_pageComing = false;
    bool m_keysWhole = false; // the last slice found the keys whole (orderKeysRead sent)
    bool m_readingAnchors = false;
    bool m_backgroundStarted = false; // this generation's keys and anchors reads
    // Chunks requested by the view but not yet sent, each with the round of requests it was
    // last asked for in (fetchNext() ends a round: the rows one paint of the view asks for
    // share one); mutable because data() is const.
    struct WantedChunk
    {
        qint64 chunk;
        quint64 round;
    };
    mutable std::vector<WantedChunk> m_wanted;
    // A view has asked for rows (data(), through want()): it shows the table, and will ask
    // for the first rows of each new search, which are then queued with its count (restart()).
    mutable bool m_rowsAsked = false;
    quint64 m_wantRound = 0;
    std::vector<qint64> m_inFlight;
    bool m_open = false;
};

} // namespace chorus::ui
