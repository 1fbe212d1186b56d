#include "dialogs/ImportDialog.h"

#include "import/csv/GenericCsvImporter.h"
#include "import/ImportPreview.h"
#include "views/Formatting.h"
#include "views/TableSupport.h"

#include <QComboBox>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QVBoxLayout>

namespace chorus::ui {

namespace {

// The importer that needs a column mapping.
const char *const GenericCsvFormat = "csv";

void setCell(QTableWidget *table, int row, int column, const QString &text)
{
    table->setItem(row, column, plainCell(text));
}

} // namespace

QList<QPair<QString, QString>> ImportDialog::csvRoles()
{
    const QMap<QString, QString> help = {
        {QStringLiteral("author"), tr("the author's account id (required)")},
        {QStringLiteral("time"), tr("when it was posted: ISO 8601, epoch seconds, ... (required)")},
        {QStringLiteral("text"), tr("the post's text")},
        {QStringLiteral("post_id"), tr("the post's id; without it a post is named FILE:LINE")},
        {QStringLiteral("handle"), tr("the author's handle")},
        {QStringLiteral("repost_of"), tr("id of the post reposted (makes it a repost)")},
        {QStringLiteral("reply_to"), tr("id of the post replied to (makes it a reply)")},
        {QStringLiteral("quote_of"), tr("id of the post quoted (makes it a quote)")},
        {QStringLiteral("url"), tr("links, several per cell allowed")},
        {QStringLiteral("hashtag"), tr("hashtags, several per cell allowed")},
        {QStringLiteral("mention"), tr("mentioned handles, several per cell allowed")},
        {QStringLiteral("location"), tr("the author's free-text location")},
        {QStringLiteral("lang"), tr("language code")},
        {QStringLiteral("created"), tr("when the author's account was created")},
        {QStringLiteral("latitude"), tr("latitude of the post")},
        {QStringLiteral("longitude"), tr("longitude of the post")}};
    QList<QPair<QString, QString>> roles;
    for (const std::string &role : GenericCsvImporter::roles()) {
        const QString name = QString::fromStdString(role);
        roles.append({name, help.value(name)});
    }
    return roles;
}

ImportDialog::ImportDialog(const QStringList &files, QWidget *parent)
    : QDialog(parent), m_files(files), m_format(new QComboBox(this)), m_detected(new QLabel(this)),
      m_mappingBox(new QGroupBox(tr("Columns (generic CSV)"), this)), m_mapping(new QGridLayout),
      m_preview(makeReadOnlyTable(
          {tr("Time (UTC)"), tr("Account"), tr("Kind"), tr("Lang"), tr("Id"), tr("Text")}, this)),
      m_problems(makeReadOnlyTable(
          {tr("Line"), tr("Field"), tr("Severity"), tr("Reason"), tr("Excerpt")}, this)),
      m_problem(new QLabel(this))
{
    setWindowTitle(tr("Import"));
    resize(900, 640);
    QStringList names;
    for (const QString &file : files)
        names << QFileInfo(file).fileName();
    auto *filesLabel = new QLabel(names.join(QStringLiteral(", ")), this);
    filesLabel->setTextFormat(Qt::PlainText);
    filesLabel->setWordWrap(true);
    m_format->addItem(tr("Detect automatically"), QString());
    for (const std::string &name : importerNames())
        m_format->addItem(QString::fromStdString(name), QString::fromStdString(name));
    m_detected->setTextFormat(Qt::PlainText);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b22222"));

    auto *top = new QFormLayout;
    top->addRow(tr("Files:"), filesLabel);
    top->addRow(tr("Format:"), m_format);
    top->addRow(QString(), m_detected);
    m_mappingBox->setLayout(m_mapping);
    m_mappingBox->setToolTip(
        tr("Which column holds what. Remembered for files with the same header."));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Import"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ImportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_mappingBox);
    layout->addWidget(
        new QLabel(tr("First rows of %1 as they will be stored:").arg(names.value(0)), this));
    layout->addWidget(m_preview, 3);
    layout->addWidget(m_problem);
    layout->addWidget(new QLabel(tr("Problems in these rows:"), this));
    layout->addWidget(m_problems, 1);
    layout->addWidget(buttons);

    connect(m_format, &QComboBox::currentIndexChanged, this, &ImportDialog::refresh);
    refresh();
}

void ImportDialog::accept()
{
    rememberMapping();
    QDialog::accept();
}

ImportOptions ImportDialog::options() const
{
    ImportOptions options;
    options.format = m_format->currentData().toString().toStdString();
    if (options.format.empty() && m_effectiveFormat == GenericCsvFormat)
        options.format = GenericCsvFormat; // never detected: say it
    const auto roles = csvRoles();
    if (m_mappingBox->isVisible() || !m_roleBoxes.isEmpty()) {
        for (int i = 0; i < m_roleBoxes.size() && i < roles.size(); ++i) {
            const QString column = m_roleBoxes.at(i)->currentData().toString();
            if (!column.isEmpty())
                options.mapping[roles.at(i).first.toStdString()] = column.toStdString();
        }
    }
    return options;
}

QString ImportDialog::mappingKey() const
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    for (const std::string &column : m_columns)
        hash.addData(QByteArray::fromStdString(column + '\x1f'));
    return QStringLiteral("csvMappings/") + QString::fromLatin1(hash.result().toHex().left(16));
}

void ImportDialog::rememberMapping() const
{
    if (m_roleBoxes.isEmpty())
        return;
    QSettings settings;
    QVariantMap saved;
    for (const auto &[role, column] : options().mapping)
        saved.insert(QString::fromStdString(role), QString::fromStdString(column));
    settings.setValue(mappingKey(), saved);
}

void ImportDialog::refresh()
{
    ImportOptions current = options();
    if (m_roleBoxes.isEmpty())
        current.mapping.clear();
    auto preview = previewImport(m_files.value(0).toStdString(), current);
    m_preview->setRowCount(0);
    m_problems->setRowCount(0);
    if (!preview) {
        m_detected->setText(QString::fromStdString(preview.error().message));
        m_mappingBox->hide();
        return;
    }
    const ImportPreview &p = preview.value();
    m_detected->setText(
        tr("Read as %1: %2")
            .arg(QString::fromStdString(p.format), QString::fromStdString(p.description)));
    m_columns = p.columns;
    m_effectiveFormat = p.format;
    const bool generic = p.format == GenericCsvFormat && !p.columns.empty();
    m_mappingBox->setVisible(generic);
    if (generic && m_roleBoxes.isEmpty()) {
        const QVariantMap saved = QSettings().value(mappingKey()).toMap();
        for (const auto &[role, help] : csvRoles()) {
            auto *box = new QComboBox(m_mappingBox);
            box->addItem(tr("(none)"), QString());
            for (const std::string &column : p.columns)
                box->addItem(QString::fromStdString(column), QString::fromStdString(column));
            QString choice = saved.value(role).toString();
            if (choice.isEmpty() && box->findData(role) >= 0)
                choice = role; // a column named like the role
            box->setCurrentIndex(std::max(0, box->findData(choice)));
            box->setToolTip(help);
            box->setObjectName(QStringLiteral("role_") + role);
            // Two roles per row: sixteen roles in one column would push the preview away.
            const int index = int(m_roleBoxes.size());
            auto *label = new QLabel(role + QLatin1Char(':'), m_mappingBox);
            label->setToolTip(help);
            m_mapping->addWidget(label, index / 2, (index % 2) * 2);
            m_mapping->addWidget(box, index / 2, (index % 2) * 2 + 1);
            m_roleBoxes << box;
            connect(box, &QComboBox::currentIndexChanged, this, &ImportDialog::refresh);
        }
        if (!saved.isEmpty())
            return refresh(); // preview again with the remembered mapping
    }
    m_problem->setText(QString::fromStdString(p.problem));
    m_problem->setVisible(!p.problem.empty());
    m_preview->setRowCount(int(p.posts.size()));
    for (int i = 0; i < int(p.posts.size()); ++i) {
        const PostRecord &post = p.posts[std::size_t(i)];
        setCell(m_preview, i, 0, formatUtc(post.createdAt));
        setCell(m_preview, i, 1,
                QString::fromStdString(post.author.handle.empty() ? post.author.platformId
                                                                  : post.author.handle));
        setCell(m_preview, i, 2, QString::fromLatin1(postKindName(post.kind)));
        setCell(m_preview, i, 3, QString::fromStdString(post.language));
        setCell(m_preview, i, 4, QString::fromStdString(post.platformId));
        setCell(m_preview, i, 5, QString::fromStdString(post.text));
    }
    fitColumns(m_preview, 200);
    m_problems->setRowCount(int(p.issues.size()));
    for (int i = 0; i < int(p.issues.size()); ++i) {
        const ImportIssue &issue = p.issues[std::size_t(i)];
        setCell(m_problems, i, 0, QString::number(issue.line));
        setCell(m_problems, i, 1, QString::fromStdString(issue.field));
        setCell(m_problems, i, 2, QString::fromStdString(issue.severity));
        setCell(m_problems, i, 3, QString::fromStdString(issue.reason));
        setCell(m_problems, i, 4, QString::fromStdString(issue.excerpt));
    }
    fitColumns(m_problems, 320);
}

} // namespace chorus::ui
