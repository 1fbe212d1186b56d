#pragma once

#include <QFont>
#include <QRawFont>
#include <QString>

#include <set>
#include <unordered_map>
#include <vector>

namespace chorus::render {

// The report's fonts: DejaVu (fonts-dejavu-core), embedded by QPdfWriter. Sizes in points.
QFont reportFont(double points, bool bold = false);
QFont reportMonoFont(double points);

// Which characters some installed font can draw. Qt falls back from DejaVu to any installed
// font that has a glyph; a character no font has would come out as an empty box, so the
// report writes it as [U+XXXX] instead and lists it (never a silent loss).
class GlyphCoverage
{
public:
    GlyphCoverage();

    // The text with every character no installed font can draw replaced by [U+XXXX].
    QString drawable(const QString &text);
    // The characters replaced so far, in code point order.
    const std::set<char32_t> &missing() const { return m_missing; }

private:
    bool canDraw(char32_t c);

    std::vector<QRawFont> m_fonts; // DejaVu Sans first, then every other installed family
    std::unordered_map<char32_t, bool> m_known;
    std::set<char32_t> m_missing;
};

} // namespace chorus::render
