#include "views/Formatting.h"

#include <QDateTime>
#include <QLocale>

namespace chorus::ui {

QString formatUtc(std::int64_t epochSeconds)
{
    if (epochSeconds == 0)
        return {};
    return QDateTime::fromSecsSinceEpoch(epochSeconds, Qt::UTC)
        .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString formatUtcDate(std::int64_t epochSeconds)
{
    if (epochSeconds == 0)
        return {};
    return QDateTime::fromSecsSinceEpoch(epochSeconds, Qt::UTC)
        .toString(QStringLiteral("yyyy-MM-dd"));
}

QString singleLine(const QString &text)
{
    QString line = text;
    line.replace(QLatin1String("\r\n"), QStringLiteral(" \u23CE "));
    line.replace(QLatin1Char('\n'), QStringLiteral(" \u23CE "));
    line.replace(QLatin1Char('\r'), QStringLiteral(" \u23CE "));
    return line;
}

QString plainTextToolTip(const QString &text)
{
    if (text.isEmpty())
        return {};
    return QStringLiteral("<p style='white-space:pre-wrap'>") + text.toHtmlEscaped() +
           QStringLiteral("</p>");
}

QString formatCount(std::int64_t n)
{
    return QLocale().toString(qlonglong(n));
}

} // namespace chorus::ui
