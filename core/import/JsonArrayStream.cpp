#include "import/JsonArrayStream.h"

#include "import/ChunkedInput.h"
#include "import/ImportSupport.h"
#include "import/JsonRecordReader.h"

#include <QIODevice>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <limits>

namespace chorus {

namespace {

constexpr qsizetype ContextMemberLimit = 1 << 20;
constexpr qsizetype ExcerptLength = 120;

bool isSpace(int c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool endsScalar(char c)
{
    return c == ',' || c == '}' || c == ']' || c == ':' || isSpace(c);
}

std::string excerptOf(const QByteArray &bytes)
{
    std::string text = bytes.left(ExcerptLength).toStdString();
    if (bytes.size() > ExcerptLength)
        text += "...";
    return text;
}

// The members of an enclosing object read so far, handed to each element as `context`:
// kept as JSON text and parsed again only when a member was added since the last element.
class ContextMembers
{
public:
    // Adds `raw` (one JSON value's text) under `key` when it is valid JSON.
    void add(const std::string &key, const QByteArray &raw)
    {
        std::string error;
        bool repaired = false;
        const std::string wrapped = "[" + raw.toStdString() + "]";
        if (!m_scratch.parse(wrapped, error, repaired) || m_scratch.root().toArray().size() != 1)
            return;
        if (!m_text.empty())
            m_text += ',';
        appendJsonString(m_text, key);
        m_text += ":" + m_scratch.root().toArray().first().json(std::string::npos);
        m_stale = true;
    }
    const JsonObject &object()
    {
        if (m_stale) {
            std::string error;
            bool repaired = false;
            m_object = m_document.parse("{" + m_text + "}", error, repaired)
                           ? m_document.root().toObject()
                           : JsonObject();
            m_stale = false;
        }
        return m_object;
    }

private:
    std::string m_text;
    bool m_stale = false;
    JsonDocument m_scratch;
    JsonDocument m_document;
    JsonObject m_object;
};

// Byte-level reading of one JSON text without building it: values are skipped or copied out
// whole, so that only the parts a caller asks for are ever parsed.
class JsonScanner
{
public:
    explicit JsonScanner(QIODevice &in) : m_input(in) { m_consumed = m_input.start(); }

    // The next byte that is not white space (not consumed), or -1 at the end of the input.
    int peek()
    {
        for (;;) {
            while (m_input.pos < m_input.buffer.size()) {
                const char c = m_input.buffer[m_input.pos];
                if (!isSpace(c))
                    return static_cast<unsigned char>(c);
                m_line += c == '\n';
                ++m_input.pos;
                ++m_consumed;
            }
            if (!m_input.fill())
                return -1;
        }
    }
    void take()
    {
        ++m_input.pos;
        ++m_consumed;
    }

    enum class Scan { Complete, CutOff, Malformed };

    // Reads the value at the current byte. Its bytes are appended to `out` (when given) up to
    // `limit`; `overflow` tells that the copy stopped short.
    Scan value(QByteArray *out, qsizetype limit, bool &overflow)
    {
        overflow = false;
        const int first = peek();
        if (first < 0)
            return Scan::CutOff;
        int depth = 0;
        bool inString = false, escaped = false,
             scalar = first != '"' && first != '{' && first != '[';
        if (scalar && (first == ',' || first == '}' || first == ']' || first == ':'))
            return Scan::Malformed;
        for (;;) {
            if (m_input.pos >= m_input.buffer.size() && !m_input.fill())
                return scalar && !inString ? Scan::Complete : Scan::CutOff;
            const char *data = m_input.buffer.constData();
            const qsizetype size = m_input.buffer.size();
            const qsizetype start = m_input.pos;
            qsizetype i = start;
            bool done = false;
            for (; i < size && !done; ++i) {
                if (inString && !escaped) {
                    i = skipStringText(data, i, size);
                    if (i == size)
                        break;
                }
                const char c = data[i];
                m_line += c == '\n';
                if (inString) {
                    if (escaped)
                        escaped = false;
                    else if (c == '\\')
                        escaped = true;
                    else if (c == '"') {
                        inString = false;
                        done = depth == 0 && !scalar;
                    }
                } else if (scalar) {
                    if (endsScalar(c)) {
                        m_line -= c == '\n';
                        done = true;
                        --i; // the delimiter belongs to the caller
                    }
                } else if (c == '"') {
                    inString = true;
                } else if (c == '{' || c == '[') {
                    ++depth;
                } else if (c == '}' || c == ']') {
                    if (--depth < 0)
                        return Scan::Malformed;
                    done = depth == 0;
                }
            }
            if (out && !overflow) {
                const qsizetype room = limit - out->size();
                if (i - start > room)
                    overflow = true;
                out->append(data + start, std::min(i - start, room));
            }
            m_consumed += i - start;
            m_input.pos = i;
            if (done)
                return Scan::Complete;
        }
    }

    // The position of the next quote or backslash in data[i, size), or size: most bytes of an
    // export are string contents, which memchr passes over far faster than a byte loop.
    // Raw line breaks are not valid inside a string, but they are counted all the same.
    qsizetype skipStringText(const char *data, qsizetype i, qsizetype size)
    {
        const char *from = data + i;
        const char *end = data + size;
        const auto *quote = static_cast<const char *>(std::memchr(from, '"', size_t(end - from)));
        const char *stop = quote ? quote : end;
        if (const auto *backslash =
                static_cast<const char *>(std::memchr(from, '\\', size_t(stop - from))))
            stop = backslash;
        for (const char *p = from;
             (p = static_cast<const char *>(std::memchr(p, '\n', size_t(stop - p)))); ++p)
            ++m_line;
        return stop - data;
    }

    // An object key and its colon; false when the input is not a key there.
    bool key(std::string &name, bool &cutOff)
    {
        cutOff = false;
        if (peek() != '"')
            return false;
        QByteArray raw;
        bool overflow = false;
        const Scan scan = value(&raw, ContextMemberLimit, overflow);
        if (scan != Scan::Complete || overflow) {
            cutOff = scan == Scan::CutOff;
            return false;
        }
        if (!raw.contains('\\')) {
            name = raw.mid(1, raw.size() - 2).toStdString();
        } else {
            std::string error;
            bool repaired = false;
            name = m_keyDocument.parse(raw.toStdString(), error, repaired)
                       ? m_keyDocument.root().toStdString()
                       : std::string();
        }
        const int colon = peek();
        cutOff = colon < 0;
        if (colon != ':')
            return false;
        take();
        return true;
    }

    std::int64_t line() const { return m_line; }
    std::int64_t consumed() const { return m_consumed; }

private:
    ChunkedInput m_input;
    JsonDocument m_keyDocument; // keys with escapes
    std::int64_t m_line = 1;
    std::int64_t m_consumed = 0;
};

class ArrayWalker
{
public:
    ArrayWalker(QIODevice &in, const std::vector<std::string> &paths, RecordSink &sink,
                ProgressSink &progress, const JsonArrayElementHandler &handle)
        : m_scanner(in), m_paths(paths), m_sink(sink), m_progress(progress), m_handle(handle),
          m_total(in.size())
    {}

    Status run()
    {
        for (;;) {
            const int c = m_scanner.peek();
            if (c < 0)
                return m_documents == 0 ? Status(Error{"the file is empty"}) : Status();
            ++m_documents;
            ContextMembers none;
            Status status = c == '{'   ? (isTarget({}) ? element({}, none) : document())
                            : c == '[' ? array({}, none)
                                       : malformed("expected a JSON object or array");
            if (!status || m_stopped)
                return status;
        }
    }

private:
    bool isTarget(const std::string &path) const
    {
        return std::find(m_paths.begin(), m_paths.end(), path) != m_paths.end();
    }
    bool leadsToTarget(const std::string &path) const
    {
        return std::any_of(m_paths.begin(), m_paths.end(), [&](const std::string &target) {
            return path.empty() ||
                   (target.size() > path.size() && target.compare(0, path.size(), path) == 0 &&
                    target[path.size()] == '.');
        });
    }

    Status malformed(const std::string &what) const
    {
        return Error{"line " + std::to_string(m_scanner.line()) + ": not valid JSON (" + what +
                     ")"};
    }

    // The input ended outside an element: every complete element is kept.
    Status cutOff()
    {
        m_sink.warn(m_scanner.line(), "(file)",
                    "the file ends before its JSON document closes (cut off?)", "");
        m_stopped = true;
        return {};
    }

    // A top-level object walked for the arrays. One that holds none of them is rejected, so
    // that a record of another shape (a bare item among pages) is never dropped silently.
    Status document()
    {
        const std::int64_t line = m_scanner.line();
        const std::int64_t before = m_arrays;
        Status status = object({});
        if (status && !m_stopped && m_arrays == before)
            m_sink.reject(line, "(record)", "no " + pathList() + " array in this document", "");
        return status;
    }

    std::string pathList() const
    {
        std::string list;
        for (const std::string &path : m_paths)
            list += (list.empty() ? "'" : " or '") + path + "'";
        return list;
    }

    Status object(const std::string &path)
    {
        m_scanner.take(); // '{'
        ContextMembers context;
        for (bool first = true;; first = false) {
            int c = m_scanner.peek();
            if (c == '}') {
                m_scanner.take();
                return {};
            }
            if (!first) {
                if (c != ',')
                    return c < 0 ? cutOff() : malformed("expected ',' or '}'");
                m_scanner.take();
            }
            std::string key;
            bool keyCutOff = false;
            if (!m_scanner.key(key, keyCutOff))
                return keyCutOff ? cutOff() : malformed("expected an object key");
            const std::string member = path.empty() ? key : path + "." + key;
            c = m_scanner.peek();
            Status status;
            if (c == '[' && isTarget(member))
                status = array(member, context);
            else if ((c == '{' || c == '[') && leadsToTarget(member)) {
                ContextMembers none;
                status = c == '{' ? object(member) : array(member, none);
            } else
                status = contextMember(key, context);
            if (!status || m_stopped)
                return status;
        }
    }

    // A member of an object on the way to the arrays: kept as context when small.
    Status contextMember(const std::string &key, ContextMembers &context)
    {
        QByteArray raw;
        bool overflow = false;
        const JsonScanner::Scan scan = m_scanner.value(&raw, ContextMemberLimit, overflow);
        if (scan == JsonScanner::Scan::CutOff)
            return cutOff();
        if (scan == JsonScanner::Scan::Malformed)
            return malformed("unbalanced brackets");
        if (!overflow)
            context.add(key, raw);
        return {};
    }

    Status skip()
    {
        bool overflow = false;
        const JsonScanner::Scan scan = m_scanner.value(nullptr, 0, overflow);
        if (scan == JsonScanner::Scan::CutOff)
            return cutOff();
        return scan == JsonScanner::Scan::Malformed ? malformed("unbalanced brackets") : Status();
    }

    // An array: its elements are the records when `path` is a target, otherwise it is walked.
    Status array(const std::string &path, ContextMembers &context)
    {
        m_scanner.take(); // '['
        const bool records = isTarget(path);
        m_arrays += records;
        for (bool first = true;; first = false) {
            int c = m_scanner.peek();
            if (c == ']') {
                m_scanner.take();
                return {};
            }
            if (!first) {
                if (c != ',')
                    return c < 0 ? cutOff() : malformed("expected ',' or ']'");
                m_scanner.take();
                c = m_scanner.peek();
            }
            if (c < 0)
                return cutOff();
            Status status;
            if (records)
                status = element(path, context);
            else if (c == '{')
                status = path.empty() ? document() : object(path);
            else
                status = skip();
            if (!status || m_stopped)
                return status;
        }
    }

    Status element(const std::string &path, ContextMembers &context)
    {
        const std::int64_t line = m_scanner.line();
        QByteArray raw;
        bool overflow = false;
        const JsonScanner::Scan scan =
            m_scanner.value(&raw, std::numeric_limits<qsizetype>::max() / 2, overflow);
        if (scan == JsonScanner::Scan::Malformed)
            return malformed("unbalanced brackets in the record that starts on line " +
                             std::to_string(line));
        if (!reportProgress(m_progress, ++m_records, m_scanner.consumed(), m_total))
            return Error::cancel();
        if (scan == JsonScanner::Scan::CutOff) {
            m_sink.reject(line, "(record)", "the file ends inside this record (cut off)",
                          excerptOf(raw));
            m_stopped = true;
            return {};
        }
        JsonObject object;
        std::string problem = "expected a JSON object";
        bool repaired = false;
        if (!raw.startsWith('{') ||
            !parseJsonObject(m_document, std::string_view(raw.constData(), size_t(raw.size())),
                             object, problem, repaired)) {
            m_sink.reject(line, "(record)", problem, excerptOf(raw));
            return {};
        }
        if (repaired)
            m_sink.warn(line, "(record)", "invalid UTF-8 or NUL bytes replaced", excerptOf(raw));
        m_handle(JsonArrayElement{path, object, context.object(), line});
        return {};
    }

    JsonScanner m_scanner;
    JsonDocument m_document; // the current element
    const std::vector<std::string> &m_paths;
    RecordSink &m_sink;
    ProgressSink &m_progress;
    const JsonArrayElementHandler &m_handle;
    const std::int64_t m_total;
    std::int64_t m_records = 0;
    std::int64_t m_documents = 0;
    std::int64_t m_arrays = 0; // target arrays entered
    bool m_stopped = false;
};

} // namespace

Status readJsonArraysAt(QIODevice &in, const std::vector<std::string> &paths, RecordSink &sink,
                        ProgressSink &progress, const JsonArrayElementHandler &handle)
{
    return ArrayWalker(in, paths, sink, progress, handle).run();
}

} // namespace chorus
