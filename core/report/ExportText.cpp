#include "report/ExportText.h"

namespace chorus {

QString xmlSafe(const std::string &text)
{
    QString result = QString::fromStdString(text);
    result.removeIf([](QChar c) {
        const char16_t u = c.unicode();
        return (u < 0x20 && u != 0x9 && u != 0xA && u != 0xD) || u == 0xFFFE || u == 0xFFFF;
    });
    return result;
}

std::string csvCell(const std::string &text)
{
    std::string cell = text;
    if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' ||
                          cell[0] == '\t' || cell[0] == '\r'))
        cell.insert(0, 1, '\'');
    if (cell.find_first_of(",\"\r\n") == std::string::npos)
        return cell;
    std::string quoted = "\"";
    for (char c : cell) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

} // namespace chorus
