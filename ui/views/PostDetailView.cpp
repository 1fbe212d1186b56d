#include "views/PostDetailView.h"

#include "controllers/CaseReader.h"
#include "evidence/Annotations.h"
#include "query/PostQueries.h"
#include "store/CaseStore.h"
#include "views/Formatting.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace chorus::ui {

namespace {

struct Loaded
{
    Result<PostDetail> post;
    AnnotationState own;
    AnnotationState account;
};

QString describe(const AnnotationState &state)
{
    QStringList parts;
    QStringList tags;
    for (const std::string &tag : state.tags)
        tags << QString::fromStdString(tag);
    if (!tags.isEmpty())
        parts << tags.join(QStringLiteral(", "));
    if (!state.grade().empty())
        parts << PostDetailView::tr("grade %1").arg(QString::fromStdString(state.grade()));
    if (!state.note.empty())
        parts << QString::fromStdString(state.note);
    return parts.isEmpty() ? PostDetailView::tr("none") : parts.join(QStringLiteral("; "));
}

QString joined(const std::vector<std::string> &items)
{
    QStringList list;
    for (const std::string &item : items)
        list << QString::fromStdString(item);
    return list.join(QStringLiteral("  "));
}

} // namespace

PostDetailView::PostDetailView(QWidget *parent)
    : QWidget(parent), m_reader(new CaseReader(this)), m_text(new QPlainTextEdit(this)),
      m_facts(new QLabel(this)), m_annotations(new QLabel(this)),
      m_annotate(new QPushButton(tr("Annotate Post\u2026"), this))
{
    m_text->setReadOnly(true);
    m_text->setPlaceholderText(tr("Select a post in the posts table."));
    for (QLabel *label : {m_facts, m_annotations}) {
        label->setTextFormat(Qt::PlainText); // imported handles, file names, notes
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    }
    m_annotate->setEnabled(false);
    connect(m_annotate, &QPushButton::clicked, this, [this] {
        if (m_postId != 0)
            emit annotateRequested(m_postId);
    });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_text, 2);
    layout->addWidget(m_facts);
    layout->addWidget(m_annotations);
    layout->addWidget(m_annotate, 0, Qt::AlignLeft);
    layout->addStretch(1);
}

void PostDetailView::openCase(const QString &path)
{
    m_reader->open(path);
    showPost(0);
}

void PostDetailView::showPost(qint64 postId)
{
    m_postId = postId;
    reload();
}

void PostDetailView::reload()
{
    const qint64 postId = m_postId;
    m_annotate->setEnabled(postId != 0);
    if (postId == 0) {
        m_text->clear();
        m_facts->clear();
        m_annotations->clear();
        return;
    }
    m_reader->run(
        [postId](const CaseStore &store) {
            Loaded loaded{PostQueries(store).detail(postId), {}, {}};
            if (!loaded.post)
                return loaded;
            const Annotations annotations(store);
            const auto stateOf = [&](const Result<AnnotationTarget> &target) {
                if (!target)
                    return AnnotationState{};
                const auto state = annotations.stateOf(target.value());
                return state ? state.value() : AnnotationState{};
            };
            loaded.own = stateOf(annotations.postById(postId));
            loaded.account = stateOf(annotations.accountById(loaded.post.value().accountId));
            return loaded;
        },
        [this, postId](const Loaded &loaded) {
            if (postId != m_postId)
                return; // another post was chosen meanwhile
            if (!loaded.post) {
                m_text->setPlainText(QString::fromStdString(loaded.post.error().message));
                return;
            }
            const PostDetail &p = loaded.post.value();
            m_text->setPlainText(QString::fromStdString(p.text));
            QStringList facts;
            facts << tr("%1 %2:%3, %4 UTC, %5")
                         .arg(postKindLabel(QString::fromStdString(p.kind)),
                              QString::fromStdString(p.platform),
                              QString::fromStdString(p.platformId), formatUtc(p.createdAt),
                              QString::fromStdString(p.language));
            facts << tr("By @%1 (%2), account %3")
                         .arg(singleLine(QString::fromStdString(p.handle)),
                              singleLine(QString::fromStdString(p.displayName)),
                              QString::fromStdString(p.accountPlatformId));
            for (const auto &[label, value] :
                 {std::pair{tr("Reply to"), p.replyTo}, std::pair{tr("Repost of"), p.repostOf},
                  std::pair{tr("Quotes"), p.quoteOf}})
                if (!value.empty())
                    facts << label + QStringLiteral(" ") + QString::fromStdString(value);
            if (p.context)
                facts << tr("Context: the file holds this post because a collected post "
                            "refers to it");
            if (!p.place.empty() || !p.placeCountry.empty())
                facts << tr("Place: %1 (%2)")
                             .arg(singleLine(QString::fromStdString(p.place)),
                                  QString::fromStdString(p.placeCountry));
            if (!p.editHistory.empty())
                facts << tr("Edited: versions %1").arg(joined(p.editHistory));
            if (!p.urls.empty())
                facts << tr("Links: %1").arg(joined(p.urls));
            if (!p.hashtags.empty())
                facts << tr("Hashtags: %1").arg(joined(p.hashtags));
            if (p.clusterNumber != 0)
                facts << tr("In cluster #%1 of the latest run").arg(p.clusterNumber);
            facts << tr("Source: %1, line %2 (SHA-256 %3)")
                         .arg(QString::fromStdString(p.sourceFile))
                         .arg(p.sourceLine)
                         .arg(QString::fromStdString(p.sourceSha256));
            m_facts->setText(facts.join(QLatin1Char('\n')));
            m_annotations->setText(tr("Post annotation: %1\nAccount annotation: %2")
                                       .arg(describe(loaded.own), describe(loaded.account)));
        });
}

} // namespace chorus::ui
