#include "render/ReportFonts.h"

#include <QFontDatabase>
#include <QStringView>

namespace chorus::render {

namespace {

const QString Sans = QStringLiteral("DejaVu Sans");
const QString Mono = QStringLiteral("DejaVu Sans Mono");

// Characters that draw nothing by design: format controls (joiners, bidi marks) and variation
// selectors. They need no glyph.
bool drawsNothing(char32_t c)
{
    return QChar::category(c) == QChar::Other_Format || (c >= 0xFE00 && c <= 0xFE0F) ||
           (c >= 0xE0100 && c <= 0xE01EF) || QChar::isSpace(c) || c < 0x20;
}

} // namespace

QFont reportFont(double points, bool bold)
{
    QFont font(Sans);
    font.setPointSizeF(points);
    font.setBold(bold);
    font.setKerning(true);
    // No ligatures: "fi" must stay two letters for pdftotext and a reader's search. Scripts
    // that need shaping (Arabic, Indic) are still shaped.
    font.setStyleStrategy(QFont::PreferNoShaping);
    return font;
}

QFont reportMonoFont(double points)
{
    QFont font(Mono);
    font.setStyleHint(QFont::Monospace);
    font.setPointSizeF(points);
    font.setStyleStrategy(QFont::PreferNoShaping);
    return font;
}

GlyphCoverage::GlyphCoverage()
{
    m_fonts.push_back(QRawFont::fromFont(reportFont(10)));
    for (const QString &family : QFontDatabase::families()) {
        if (family == Sans)
            continue;
        QFont font(family);
        font.setPointSize(10);
        const QRawFont raw = QRawFont::fromFont(font);
        if (raw.isValid())
            m_fonts.push_back(raw);
    }
}

bool GlyphCoverage::canDraw(char32_t c)
{
    if (drawsNothing(c))
        return true;
    const auto known = m_known.find(c);
    if (known != m_known.end())
        return known->second;
    bool found = false;
    for (const QRawFont &font : m_fonts)
        if ((found = font.supportsCharacter(c)))
            break;
    m_known.emplace(c, found);
    return found;
}

QString GlyphCoverage::drawable(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const char32_t c : QStringView(text).toUcs4()) {
        if (canDraw(c)) {
            out.append(QString::fromUcs4(&c, 1));
            continue;
        }
        m_missing.insert(c);
        out += QStringLiteral("[U+%1]").arg(qulonglong(c), 4, 16, QLatin1Char('0')).toUpper();
    }
    return out;
}

} // namespace chorus::render
