#include "import/HtmlText.h"

#include <QTest>

#include <string>

using namespace chorus;

// The HTML-to-text converter shared by the Mastodon (and YouTube) importers.
class TestHtmlText : public QObject
{
    Q_OBJECT
private slots:
    void convertsToText_data();
    void convertsToText();
    void mastodonLinksKeepTheirMarks();
    void linkAttributesDecoded();
    void invalidUtf8IsCleaned();
    void hostileInputStaysLinear_data();
    void hostileInputStaysLinear();
    void decodesEntitiesInPlainText_data();
    void decodesEntitiesInPlainText();
};

void TestHtmlText::convertsToText_data()
{
    QTest::addColumn<QByteArray>("html");
    QTest::addColumn<QString>("text");
    const auto row = [](const char *name, const char *html, const QString &text) {
        QTest::newRow(name) << QByteArray(html) << text;
    };
    row("plain text", "hello", QStringLiteral("hello"));
    row("paragraphs", "<p>one</p><p>two</p>", QStringLiteral("one\n\ntwo"));
    row("line breaks in every spelling", "a<br>b<br/>c<br />d<BR>e",
        QStringLiteral("a\nb\nc\nd\ne"));
    row("line break closing a paragraph", "<p>a<br></p><p>b</p>", QStringLiteral("a\n\nb"));
    row("line break after a paragraph", "<p>a</p><br><p>b</p>", QStringLiteral("a\n\nb"));
    row("two line breaks", "a<br><br>b", QStringLiteral("a\n\nb"));
    row("white space collapses", "  <p>  a \n\t b  </p>  ", QStringLiteral("a b"));
    row("space before a break dropped", "<p>a <br> b </p>", QStringLiteral("a\nb"));
    row("pre keeps white space", "<pre>a\n  b</pre>", QStringLiteral("a\n  b"));
    row("list items", "<ul><li>one</li><li>two</li></ul>after",
        QStringLiteral("one\ntwo\n\nafter"));
    row("upper-case tags", "<P>a</P><P>b</P>", QStringLiteral("a\n\nb"));
    row("mastodon shortened link: the full URL",
        "<p><a href=\"https://example.org/a/very/long/path\" rel=\"nofollow noopener\">"
        "<span class=\"invisible\">https://</span><span class=\"ellipsis\">example.org/a/ve"
        "</span><span class=\"invisible\">ry/long/path</span></a></p>",
        QStringLiteral("https://example.org/a/very/long/path"));
    row("mention and hashtag read as written",
        "<p><span class=\"h-card\"><a href=\"https://mastodon.social/@Gargron\" "
        "class=\"u-url mention\">@<span>Gargron</span></a></span> hello "
        "<a href=\"https://mastodon.social/tags/fediverse\" class=\"mention hashtag\" "
        "rel=\"tag\">#<span>fediverse</span></a></p>",
        QStringLiteral("@Gargron hello #fediverse"));
    row("character references",
        "&amp; &lt; &gt; &quot; &#39; &#x27; &apos; &eacute;t&eacute; &hellip;",
        QStringLiteral("& < > \" ' ' ' été …"));
    row("escaped markup stays text", "&lt;p&gt;not a tag&lt;/p&gt;",
        QStringLiteral("<p>not a tag</p>"));
    row("double escaping decoded once", "&amp;lt;", QStringLiteral("&lt;"));
    row("numeric references past the BMP", "&#x1F600;&#128512;", QStringLiteral("😀😀"));
    row("numeric reference without semicolon", "it&#39s", QStringLiteral("it's"));
    row("C1 numbers read as Windows-1252", "a&#150;b&#146;", QStringLiteral("a–b’"));
    row("impossible code points", "&#0;&#xD800;&#99999999999999999999;&#x110000;",
        QStringLiteral("\uFFFD\uFFFD\uFFFD\uFFFD"));
    row("unknown or unterminated names stay", "&bogus; AT&T &amp &#; &#x;",
        QStringLiteral("&bogus; AT&T &amp &#; &#x;"));
    row("a less-than sign in text", "a < b and 3<4 <3", QStringLiteral("a < b and 3<4 <3"));
    row("unclosed tag keeps the rest", "<p>cut here <a href=\"https://ex&amp;",
        QStringLiteral("cut here <a href=\"https://ex&"));
    row("unclosed comment keeps the rest", "a<!-- b", QStringLiteral("a<!-- b"));
    row("comment dropped", "a<!-- hidden -->b", QStringLiteral("ab"));
    row("doctype dropped", "<!DOCTYPE html><p>a</p>", QStringLiteral("a"));
    row("script and style text dropped", "a<script>alert('<p>')</script>b<style>p{}</STYLE>c",
        QStringLiteral("abc"));
    row("unclosed script keeps its text", "a<script>x", QStringLiteral("ax"));
    row("quoted greater-than inside a tag", "<a title=\"1 > 0\" href='x'>link</a>",
        QStringLiteral("link"));
    row("empty", "", QString());
    row("only markup", "<p><br></p>", QString());
}

void TestHtmlText::convertsToText()
{
    QFETCH(QByteArray, html);
    QFETCH(QString, text);
    const HtmlText result = convertHtml(std::string_view(html.constData(), size_t(html.size())));
    QCOMPARE(QString::fromStdString(result.text), text);
    QVERIFY(!result.repaired);
}

void TestHtmlText::mastodonLinksKeepTheirMarks()
{
    const HtmlText result = convertHtml(
        "<p><span class=\"h-card\"><a href=\"https://mstdn.jp/@bob\" class=\"u-url mention\">"
        "@<span>bob</span></a></span> <a href=\"https://mstdn.jp/tags/jp\" class=\"mention "
        "hashtag\" rel=\"tag\">#<span>jp</span></a> <a href=\" https://example.org/x \" "
        "rel=\"nofollow noopener noreferrer\" target=\"_blank\">example.org/x</a> <a>no href</a>"
        "</p>");
    QCOMPARE(result.text, std::string("@bob #jp example.org/x no href"));
    QCOMPARE(result.links.size(), size_t(3));
    QCOMPARE(result.links[0].href, std::string("https://mstdn.jp/@bob"));
    QVERIFY(result.links[0].hasClass("mention"));
    QVERIFY(!result.links[0].hasClass("hashtag"));
    QVERIFY(!result.links[0].hasRel("tag"));
    QCOMPARE(result.links[1].href, std::string("https://mstdn.jp/tags/jp"));
    QVERIFY(result.links[1].hasClass("hashtag"));
    QVERIFY(result.links[1].hasRel("tag"));
    QCOMPARE(result.links[2].href, std::string("https://example.org/x"));
    QVERIFY(!result.links[2].hasClass("mention"));
    QVERIFY(result.links[2].hasRel("noopener"));
    QVERIFY(!result.links[2].hasRel("noop"));
}

void TestHtmlText::linkAttributesDecoded()
{
    const HtmlText result = convertHtml("<A HREF=https://e.org/?a=1&amp;b=2 CLASS=mention>x</A>"
                                        "<a href='https://e.org/&#x3F;q'>y</a>");
    QCOMPARE(result.text, std::string("xy"));
    QCOMPARE(result.links.size(), size_t(2));
    QCOMPARE(result.links[0].href, std::string("https://e.org/?a=1&b=2"));
    QVERIFY(result.links[0].hasClass("mention"));
    QCOMPARE(result.links[1].href, std::string("https://e.org/?q"));
}

void TestHtmlText::invalidUtf8IsCleaned()
{
    const HtmlText result = convertHtml(std::string_view("<p>caf\xC3 ok\0!</p>", 16));
    QCOMPARE(QString::fromStdString(result.text), QStringLiteral("caf\uFFFD ok!"));
    QVERIFY(result.repaired);
    // A reference never makes invalid UTF-8 (a lone surrogate becomes U+FFFD).
    const HtmlText surrogate = convertHtml("&#xDC00;");
    QCOMPARE(QString::fromStdString(surrogate.text), QStringLiteral("\uFFFD"));
    QVERIFY(!surrogate.repaired);
}

void TestHtmlText::hostileInputStaysLinear_data()
{
    QTest::addColumn<QByteArray>("html");
    QTest::addColumn<QByteArray>("text");
    // 200,000 repetitions: a quadratic scan would take minutes and hit the test timeout.
    const int n = 200000;
    QTest::newRow("unclosed scripts") << QByteArray("<script>").repeated(n) << QByteArray();
    QTest::newRow("unclosed styles")
        << QByteArray("<style>x").repeated(n) << QByteArray("x").repeated(n);
    QTest::newRow("tags never closed")
        << QByteArray("<a").repeated(n) << QByteArray("<a").repeated(n);
    QTest::newRow("comment openers")
        << QByteArray("<!--").repeated(n) << QByteArray("<!--").repeated(n);
    QTest::newRow("huge number") << "&#" + QByteArray(n, '9') + ";x" << QByteArray("\xEF\xBF\xBDx");
    QTest::newRow("long entity name") << "&" + QByteArray(n, 'a') + ";"
                                      << "&" + QByteArray(n, 'a') + ";";
    QTest::newRow("many links") << QByteArray("<a href=\"https://e.org/\">e</a>").repeated(n)
                                << QByteArray("e").repeated(n);
}

void TestHtmlText::hostileInputStaysLinear()
{
    QFETCH(QByteArray, html);
    QFETCH(QByteArray, text);
    const HtmlText result = convertHtml(std::string_view(html.constData(), size_t(html.size())));
    QCOMPARE(QByteArray::fromStdString(result.text), text);
}

void TestHtmlText::decodesEntitiesInPlainText_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("decoded");
    QTest::newRow("reddit quote") << QByteArray("&gt;quoted\n\nmine &amp; yours")
                                  << QStringLiteral(">quoted\n\nmine & yours");
    QTest::newRow("tags are not touched") << QByteArray("<b>a</b>") << QStringLiteral("<b>a</b>");
    QTest::newRow("white space kept") << QByteArray("a  \n b") << QStringLiteral("a  \n b");
    QTest::newRow("once only") << QByteArray("&amp;#39;") << QStringLiteral("&#39;");
    QTest::newRow("dangling ampersand") << QByteArray("a & b &") << QStringLiteral("a & b &");
}

void TestHtmlText::decodesEntitiesInPlainText()
{
    QFETCH(QByteArray, raw);
    QFETCH(QString, decoded);
    QCOMPARE(QString::fromStdString(
                 decodeHtmlEntities(std::string_view(raw.constData(), size_t(raw.size())))),
             decoded);
}

QTEST_GUILESS_MAIN(TestHtmlText)
#include "tst_html_text.moc"
