#include "views/CaseOverviewView.h"

#include "controllers/CaseReader.h"
#include "query/PostQueries.h"
#include "store/CaseStore.h"
#include "views/Formatting.h"
#include "views/TableSupport.h"

#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace chorus::ui {

namespace {

struct Overview
{
    Result<CaseSummary> summary = Error{};
    Result<std::vector<ImportIssue>> issues = Error{};
    std::vector<std::pair<std::string, std::int64_t>> languages;
};

// Table cells are plain text: QTableWidgetItem never interprets markup.
void setRow(QTableWidget *table, int row, const QStringList &cells)
{
    for (int column = 0; column < cells.size(); ++column)
        table->setItem(row, column, plainCell(cells.at(column)));
}

} // namespace

CaseOverviewView::CaseOverviewView(QWidget *parent)
    : QWidget(parent), m_reader(new CaseReader(this, BackgroundPriority::Panel)),
      m_summary(new QLabel(this)),
      m_sources(
          makeReadOnlyTable({tr("File"), tr("Format"), tr("Read"), tr("Imported"), tr("Duplicate"),
                             tr("Rejected"), tr("Imported at (UTC)"), tr("SHA-256")},
                            this)),
      m_issues(makeReadOnlyTable(
          {tr("File"), tr("Line"), tr("Field"), tr("Severity"), tr("Reason"), tr("Excerpt")}, this))
{
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_summary->setText(tr("No case open. Use File \u203A New Case or Open Case."));
    auto *splitter = new QSplitter(Qt::Vertical, this);
    auto *sourcesBox = new QWidget(splitter);
    auto *sourcesLayout = new QVBoxLayout(sourcesBox);
    sourcesLayout->setContentsMargins(0, 0, 0, 0);
    sourcesLayout->addWidget(new QLabel(tr("Sources"), sourcesBox));
    sourcesLayout->addWidget(m_sources);
    auto *issuesBox = new QWidget(splitter);
    auto *issuesLayout = new QVBoxLayout(issuesBox);
    issuesLayout->setContentsMargins(0, 0, 0, 0);
    issuesLayout->addWidget(new QLabel(tr("Import problems"), issuesBox));
    issuesLayout->addWidget(m_issues);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);
}

void CaseOverviewView::openCase(const QString &path)
{
    m_reader->open(path);
    m_sources->setRowCount(0);
    m_issues->setRowCount(0);
    if (path.isEmpty()) {
        m_summary->setText(tr("No case open."));
        return;
    }
    m_summary->setText(tr("Loading %1 ...").arg(QFileInfo(path).fileName()));
    reload();
}

void CaseOverviewView::reload()
{
    const quint64 generation = ++m_generation;
    m_reader->run(
        [](const CaseStore &store) {
            Overview overview;
            overview.summary = store.summary();
            overview.issues = store.issues(0, 1000);
            if (auto languages = PostQueries(store).languages())
                overview.languages = std::move(languages.value());
            return overview;
        },
        [this, generation](Overview overview) {
            if (generation != m_generation)
                return;
            if (!overview.summary) {
                m_summary->setText(QString::fromStdString(overview.summary.error().message));
                return;
            }
            const CaseSummary &s = overview.summary.value();
            QString span;
            if (s.posts > 0)
                span =
                    tr(", %1 to %2 (UTC)").arg(formatUtc(s.firstPostAt), formatUtc(s.lastPostAt));
            QString summary = tr("%1 posts by %2 accounts from %3 sources%4. %5 import problems.")
                                  .arg(formatCount(s.posts), formatCount(s.accounts))
                                  .arg(s.sources.size())
                                  .arg(span, formatCount(s.issues));
            if (s.contextPosts > 0)
                summary += QLatin1Char(' ') +
                           tr("%1 of the posts are context (originals that collected posts "
                              "refer to); the period is the collected posts'.")
                               .arg(formatCount(s.contextPosts));
            if (s.textIndexPending > 0)
                summary += QLatin1Char(' ') + tr("Text search waits for %1 posts to be indexed.")
                                                  .arg(formatCount(s.textIndexPending));
            m_summary->setText(summary);
            m_sources->setRowCount(int(s.sources.size()));
            for (int i = 0; i < int(s.sources.size()); ++i) {
                const SourceInfo &source = s.sources[std::size_t(i)];
                QString format = QString::fromStdString(source.format);
                if (source.compression != "none")
                    format = tr("%1 (%2)").arg(format, QString::fromStdString(source.compression));
                setRow(m_sources, i,
                       {QString::fromStdString(source.fileName), format,
                        formatCount(source.rowsRead), formatCount(source.rowsImported),
                        formatCount(source.rowsDuplicate), formatCount(source.rowsRejected),
                        formatUtc(source.importedAt), QString::fromStdString(source.sha256)});
                QString where = QString::fromStdString(source.filePath).toHtmlEscaped();
                if (!source.member.empty())
                    where +=
                        QStringLiteral("<br>") +
                        tr("Archive SHA-256: %1").arg(QString::fromStdString(source.archiveSha256));
                m_sources->item(i, 0)->setToolTip(where);
            }
            fitColumns(m_sources);
            const auto issues =
                overview.issues ? overview.issues.value() : std::vector<ImportIssue>{};
            m_issues->setRowCount(int(issues.size()));
            for (int i = 0; i < int(issues.size()); ++i) {
                const ImportIssue &issue = issues[std::size_t(i)];
                setRow(m_issues, i,
                       {QString::fromStdString(issue.file),
                        issue.line > 0 ? QString::number(issue.line) : QString(), // whole file
                        QString::fromStdString(issue.field), QString::fromStdString(issue.severity),
                        QString::fromStdString(issue.reason),
                        QString::fromStdString(issue.excerpt)});
            }
            fitColumns(m_issues, 320);
            QStringList languages;
            for (const auto &language : overview.languages)
                languages << QString::fromStdString(language.first);
            emit loaded(s.posts, s.accounts, languages);
            emit textIndexPending(s.textIndexPending);
        });
}

} // namespace chorus::ui
