#include "render/ReportFlow.h"

#include <QPageSize>
#include <QPdfWriter>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace chorus::render;

// The report's page layout on a real PDF, read back with pdftotext page by page: tables break
// between rows, never inside one, and repeat their header; every page has its footer; text is
// drawn as typed.
class TestReportFlow : public QObject
{
    Q_OBJECT
private slots:
    void tablesBreakBetweenRowsAndRepeatTheirHeader();

private:
    static int layOut(const QString &path, int totalPages);
    static QString pageText(const QString &pdf, int page);
};

namespace {

constexpr int Rows = 160;

// Row r: a short cell, and every 7th row a cell long enough to wrap over several lines; the
// markers RnnnS and RnnnE open and close the row's long cell.
QStringList row(int r)
{
    const QString id = QStringLiteral("R%1").arg(r, 3, 10, QLatin1Char('0'));
    QString text = id + QStringLiteral("S ");
    for (int w = 0; w < (r % 7 == 0 ? 60 : 3); ++w)
        text += QStringLiteral("word%1 ").arg(w);
    return {id, text + id + QStringLiteral("E"), QString::number(r * 17)};
}

} // namespace

int TestReportFlow::layOut(const QString &path, int totalPages)
{
    QPdfWriter pdf(path);
    pdf.setResolution(72);
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    QPainter painter(&pdf);
    GlyphCoverage glyphs;
    ReportFlow flow(pdf, painter, glyphs, QStringLiteral("Footer fingerprint"),
                    QStringLiteral("Page %1 of %2"), totalPages);
    flow.heading(QStringLiteral("A long table"), 1);
    flow.paragraph(QStringLiteral("<b>bold</b> &amp; <img src=x> stays as typed"));
    std::vector<QStringList> rows;
    for (int r = 1; r <= Rows; ++r)
        rows.push_back(row(r));
    flow.table({{QStringLiteral("Column A"), 1},
                {QStringLiteral("Column B"), 5},
                {QStringLiteral("Column C"), 1, false, true}},
               rows);
    flow.finish();
    painter.end();
    return flow.page();
}

QString TestReportFlow::pageText(const QString &pdf, int page)
{
    QProcess process;
    process.start(QStringLiteral("pdftotext"),
                  {QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"),
                   QString::number(page), pdf, QStringLiteral("-")});
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        qFatal("pdftotext failed");
    return QString::fromUtf8(process.readAllStandardOutput());
}

void TestReportFlow::tablesBreakBetweenRowsAndRepeatTheirHeader()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("flow.pdf"));
    const int pages = layOut(path, 0);
    QVERIFY(pages >= 4);
    QCOMPARE(layOut(path, pages), pages); // the second pass lays out the same pages

    std::vector<int> pageOfStart(Rows + 1, 0), pageOfEnd(Rows + 1, 0);
    for (int page = 1; page <= pages; ++page) {
        const QString text = pageText(path, page);
        QVERIFY2(text.contains(QStringLiteral("Page %1 of %2").arg(page).arg(pages)),
                 qPrintable(QString::number(page)));
        QVERIFY(text.contains(QStringLiteral("Footer fingerprint")));
        bool anyRow = false;
        for (int r = 1; r <= Rows; ++r) {
            const QString id = QStringLiteral("R%1").arg(r, 3, 10, QLatin1Char('0'));
            if (text.contains(id + QLatin1Char('S'))) {
                QCOMPARE(pageOfStart[r], 0);
                pageOfStart[r] = page;
                anyRow = true;
            }
            if (text.contains(id + QLatin1Char('E')))
                pageOfEnd[r] = page;
        }
        if (anyRow) // the header row on every page the table continues on
            QVERIFY2(text.contains(QStringLiteral("Column B")), qPrintable(QString::number(page)));
    }
    for (int r = 1; r <= Rows; ++r) {
        QVERIFY2(pageOfStart[r] > 0, qPrintable(QString::number(r)));
        QCOMPARE(pageOfEnd[r], pageOfStart[r]); // no row split across pages
        if (r > 1)
            QVERIFY(pageOfStart[r] >= pageOfStart[r - 1]);
    }
    QVERIFY(
        pageText(path, 1).contains(QStringLiteral("<b>bold</b> &amp; <img src=x> stays as typed")));
}

QTEST_MAIN(TestReportFlow)
#include "tst_report_flow.moc"
