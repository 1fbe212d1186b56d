#include "render/PlainText.h"

namespace chorus::render {

QString plainText(const std::string &text)
{
    QString s = QString::fromStdString(text);
    for (QChar &c : s)
        if (c.category() == QChar::Other_Control || c.isNonCharacter())
            c = QLatin1Char(' ');
    return s;
}

} // namespace chorus::render
