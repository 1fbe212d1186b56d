// The report's appendices: the accounts, the audit trail, the characters no font could draw.
#include "render/ReportSections.h"

namespace chorus::render {

using T = ReportText;

namespace {

// An audit entry's details, shortened: the full JSON is in the case (chorus-cli audit --json).
constexpr int DetailCharacters = 360;

void writeAccounts(ReportContext &report)
{
    ReportFlow &flow = report.flow;
    flow.heading(report.text(T::AppendixAccounts), 1);
    flow.paragraph(report.text(T::AppendixAccountsIntro));
    if (report.content.accounts.empty()) {
        flow.paragraph(report.text(T::None));
        return;
    }
    std::vector<QStringList> rows;
    for (const ReportAccount &account : report.content.accounts)
        rows.push_back({untrusted(account.handle), untrusted(account.platformId),
                        account.createdAt ? cellTime(*account.createdAt) : QStringLiteral("-"),
                        untrusted(account.location), QString::number(account.postsInCluster),
                        tagsText(account.firedSignals)});
    flow.table({{report.text(T::ColHandle), 1.3},
                {QStringLiteral("ID"), 1.1, true},
                {report.text(T::ColCreated), 1.2},
                {report.text(T::ColLocation), 1.4},
                {report.text(T::ColPostsIn), 0.5, false, true},
                {report.text(T::ColSignals), 2}},
               rows);
}

void writeAudit(ReportContext &report)
{
    ReportFlow &flow = report.flow;
    flow.heading(report.text(T::AppendixAudit), 1);
    std::vector<QStringList> rows;
    for (const AuditEntry &entry : report.content.audit) {
        QString details = untrusted(entry.details);
        if (details.size() > DetailCharacters)
            details = details.left(DetailCharacters) + QStringLiteral(" [...]");
        rows.push_back({QString::number(entry.seq), cellTime(entry.at), untrusted(entry.analyst),
                        untrusted(entry.action), untrusted(entry.subject), details,
                        QString::fromStdString(entry.hash.substr(0, 16))});
    }
    flow.table({{report.text(T::ColSeq), 0.35, false, true},
                {report.text(T::ColTime), 1.2},
                {report.text(T::ColAnalyst), 0.9},
                {report.text(T::ColAction), 0.8},
                {report.text(T::ColSubject), 1},
                {report.text(T::ColDetails), 2.7},
                {report.text(T::ColHash), 1.3, true}},
               rows);
}

void writeGlyphNotice(ReportContext &report, const GlyphCoverage &glyphs)
{
    ReportFlow &flow = report.flow;
    flow.heading(report.text(T::GlyphsHeading), 2);
    if (glyphs.missing().empty()) {
        flow.paragraph(report.text(T::GlyphsNone));
        return;
    }
    QStringList codes;
    for (const char32_t c : glyphs.missing())
        codes << QStringLiteral("U+%1").arg(qulonglong(c), 4, 16, QLatin1Char('0')).toUpper();
    flow.paragraph(report.text(T::GlyphsSome).arg(codes.join(QStringLiteral(", "))));
}

} // namespace

void writeAppendices(ReportContext &report)
{
    writeAccounts(report);
    writeAudit(report);
    writeGlyphNotice(report, report.glyphs);
}

} // namespace chorus::render
