#include "views/Formatting.h"

#include <QCoreApplication>
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

QString postKindLabel(const QString &kind)
{
    static const char *const Kinds[][2] = {
        {"post", QT_TRANSLATE_NOOP("PostKind", "post")},
        {"reply", QT_TRANSLATE_NOOP("PostKind", "reply")},
        {"repost", QT_TRANSLATE_NOOP("PostKind", "repost")},
        {"quote", QT_TRANSLATE_NOOP("PostKind", "quote")},
    };
    for (const auto &entry : Kinds) {
        if (kind == QLatin1String(entry[0]))
            return QCoreApplication::translate("PostKind", entry[1]);
    }
    return kind;
}

} // namespace chorus::ui
