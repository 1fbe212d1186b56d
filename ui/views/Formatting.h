#pragma once

#include <QString>

#include <cstdint>

namespace chorus::ui {

// "2017-08-19 15:13" in UTC; empty for 0.
QString formatUtc(std::int64_t epochSeconds);
// "2017-08-19" in UTC; empty for 0.
QString formatUtcDate(std::int64_t epochSeconds);
// A post's text on one table line: line breaks shown as a visible mark.
QString singleLine(const QString &text);
// A tool tip that shows imported text literally: QToolTip guesses rich text from the
// content, so the text is escaped and wrapped rather than passed raw.
QString plainTextToolTip(const QString &text);
// A number with thousands separators in the user's locale.
QString formatCount(std::int64_t n);
// A post kind as stored ("post", "reply", "repost", "quote") in the user's language;
// unknown kinds are shown as stored.
QString postKindLabel(const QString &kind);

} // namespace chorus::ui
