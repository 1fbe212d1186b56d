#include "import/JsonView.h"

#include "import/JsonTextRepair.h"

#include "text/TextCleaner.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <simdjson.h>

#include <cstdio>
#include <cstring>
#include <optional>
#include <type_traits>

namespace chorus {

namespace dom = simdjson::dom;

// The views hold simdjson's handles (a document pointer and a tape index, trivially
// copyable) as bytes, so that only this file includes simdjson.
static_assert(std::is_trivially_copyable_v<dom::element> && sizeof(dom::element) == 16);
static_assert(std::is_trivially_copyable_v<dom::object> && sizeof(dom::object) == 16);
static_assert(std::is_trivially_copyable_v<dom::array> && sizeof(dom::array) == 16);
static_assert(std::is_trivially_copyable_v<dom::array::iterator> &&
              sizeof(dom::array::iterator) == 16);
static_assert(std::is_trivially_copyable_v<dom::object::iterator> &&
              sizeof(dom::object::iterator) == 16);

struct JsonAccess
{
    template <typename Handle> static Handle load(const unsigned char (&bytes)[16])
    {
        Handle handle;
        std::memcpy(static_cast<void *>(&handle), bytes, sizeof handle);
        return handle;
    }
    template <typename Handle> static void store(unsigned char (&bytes)[16], const Handle &handle)
    {
        std::memcpy(bytes, static_cast<const void *>(&handle), sizeof handle);
    }

    static JsonValue value(dom::element element)
    {
        JsonValue v;
        switch (element.type()) {
        case dom::element_type::ARRAY:
            v.m_type = JsonValue::Type::Array;
            break;
        case dom::element_type::OBJECT:
            v.m_type = JsonValue::Type::Object;
            break;
        case dom::element_type::INT64:
        case dom::element_type::UINT64:
        case dom::element_type::DOUBLE:
            v.m_type = JsonValue::Type::Number;
            break;
        case dom::element_type::STRING:
            v.m_type = JsonValue::Type::String;
            break;
        case dom::element_type::BOOL:
            v.m_type = JsonValue::Type::Bool;
            break;
        case dom::element_type::NULL_VALUE:
            v.m_type = JsonValue::Type::Null;
            break;
        }
        store(v.m_element, element);
        return v;
    }
    static dom::element element(const JsonValue &v) { return load<dom::element>(v.m_element); }
    static dom::object object(const JsonObject &o) { return load<dom::object>(o.m_object); }
    static dom::array array(const JsonArray &a) { return load<dom::array>(a.m_array); }
    static dom::array::iterator iterator(const JsonArray::Iterator &i)
    {
        return load<dom::array::iterator>(i.m_iterator);
    }
    static JsonArray::Iterator makeIterator(dom::array::iterator it)
    {
        JsonArray::Iterator i;
        store(i.m_iterator, it);
        return i;
    }
    static JsonObject makeObject(dom::object object)
    {
        JsonObject o;
        o.m_empty = false;
        store(o.m_object, object);
        return o;
    }
    static JsonArray makeArray(dom::array array)
    {
        JsonArray a;
        a.m_empty = false;
        store(a.m_array, array);
        return a;
    }
    static void forEach(const JsonObject &o, JsonObject::MemberVisit visit, void *context)
    {
        for (const dom::key_value_pair member : object(o))
            visit(context, member.key, value(member.value));
    }
};

namespace {

template <typename Handle> std::string compact(const Handle &handle, std::size_t maxLength)
{
    std::string text = simdjson::minify(handle);
    if (text.size() > maxLength) {
        // Cut on a character boundary: an excerpt is shown and stored as UTF-8.
        std::size_t cut = maxLength;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
            --cut;
        text.resize(cut);
        text += "...";
    }
    return text;
}

} // namespace

bool JsonValue::toBool(bool otherwise) const
{
    return isBool() ? bool(JsonAccess::element(*this).get_bool().value_unsafe()) : otherwise;
}

double JsonValue::toDouble(double otherwise) const
{
    if (!isDouble())
        return otherwise;
    return JsonAccess::element(*this).get_double().value_unsafe();
}

std::optional<std::int64_t> JsonValue::toInteger() const
{
    if (!isDouble())
        return std::nullopt;
    const dom::element e = JsonAccess::element(*this);
    switch (e.type()) {
    case dom::element_type::INT64:
        return e.get_int64().value_unsafe();
    case dom::element_type::UINT64: {
        const std::uint64_t u = e.get_uint64().value_unsafe();
        if (u > std::uint64_t(INT64_MAX))
            return std::nullopt;
        return std::int64_t(u);
    }
    default: {
        // A whole number written as a fraction (2.0) or an exponent (1e3), as Qt read it.
        const double d = e.get_double().value_unsafe();
        if (!(d >= -9.2e18 && d <= 9.2e18) || double(std::int64_t(d)) != d)
            return std::nullopt;
        return std::int64_t(d);
    }
    }
}

std::string_view JsonValue::toString() const
{
    if (!isString())
        return {};
    return JsonAccess::element(*this).get_string().value_unsafe();
}

JsonObject JsonValue::toObject() const
{
    if (!isObject())
        return {};
    return JsonAccess::makeObject(JsonAccess::element(*this).get_object().value_unsafe());
}

JsonArray JsonValue::toArray() const
{
    if (!isArray())
        return {};
    return JsonAccess::makeArray(JsonAccess::element(*this).get_array().value_unsafe());
}

std::string JsonValue::json(std::size_t maxLength) const
{
    if (isUndefined())
        return {};
    return compact(JsonAccess::element(*this), maxLength);
}

JsonValue JsonArray::Iterator::operator*() const
{
    return JsonAccess::value(*JsonAccess::iterator(*this));
}

JsonArray::Iterator &JsonArray::Iterator::operator++()
{
    dom::array::iterator it = JsonAccess::iterator(*this);
    ++it;
    JsonAccess::store(m_iterator, it);
    return *this;
}

bool JsonArray::Iterator::operator!=(const Iterator &other) const
{
    return std::memcmp(m_iterator, other.m_iterator, sizeof m_iterator) != 0;
}

std::size_t JsonArray::size() const
{
    return m_empty ? 0 : JsonAccess::array(*this).size();
}

JsonValue JsonArray::at(std::size_t index) const
{
    if (m_empty)
        return {};
    const auto element = JsonAccess::array(*this).at(index);
    return element.error() ? JsonValue() : JsonAccess::value(element.value_unsafe());
}

JsonArray::Iterator JsonArray::begin() const
{
    return m_empty ? Iterator() : JsonAccess::makeIterator(JsonAccess::array(*this).begin());
}

JsonArray::Iterator JsonArray::end() const
{
    return m_empty ? Iterator() : JsonAccess::makeIterator(JsonAccess::array(*this).end());
}

std::string JsonArray::json(std::size_t maxLength) const
{
    return m_empty ? std::string("[]") : compact(JsonAccess::array(*this), maxLength);
}

JsonValue JsonObject::value(std::string_view key) const
{
    if (m_empty)
        return {};
    const dom::object object = JsonAccess::object(*this);
    const dom::object::iterator begin = object.begin();
    const dom::object::iterator end = object.end();
    // From the member after the last one found to the end, then from the start to there.
    const dom::object::iterator start =
        m_resumes ? JsonAccess::load<dom::object::iterator>(m_resume) : begin;
    const auto found = [&](dom::object::iterator field) {
        const JsonValue value = JsonAccess::value(field.value());
        ++field;
        JsonAccess::store(m_resume, field);
        m_resumes = true;
        return value;
    };
    for (dom::object::iterator field = start; field != end; ++field)
        if (field.key_equals(key))
            return found(field);
    for (dom::object::iterator field = begin; field != start; ++field)
        if (field.key_equals(key))
            return found(field);
    return {};
}

std::size_t JsonObject::size() const
{
    return m_empty ? 0 : JsonAccess::object(*this).size();
}

std::string JsonObject::json(std::size_t maxLength) const
{
    return m_empty ? std::string("{}") : compact(JsonAccess::object(*this), maxLength);
}

void JsonObject::forEachMember(MemberVisit visit, void *context) const
{
    if (!m_empty)
        JsonAccess::forEach(*this, visit, context);
}

struct JsonDocument::Parser
{
    dom::parser parser;
    dom::element root;
    std::string padded; // the record with simdjson's padding, reused from record to record
};

JsonDocument::JsonDocument() : m_parser(std::make_unique<Parser>()) {}

JsonDocument::~JsonDocument() = default;

bool JsonDocument::parseStrict(std::string_view bytes, int &code, std::size_t readableAfter)
{
    // simdjson reads up to SIMDJSON_PADDING bytes past the end: in place when the caller's
    // buffer has them, else from a copy with room after it.
    const char *data = bytes.data();
    if (readableAfter < simdjson::SIMDJSON_PADDING) {
        std::string &padded = m_parser->padded;
        if (padded.size() < bytes.size() + simdjson::SIMDJSON_PADDING)
            padded.resize(bytes.size() + simdjson::SIMDJSON_PADDING);
        std::memcpy(padded.data(), bytes.data(), bytes.size());
        data = padded.data();
    }
    const auto result = m_parser->parser.parse(data, bytes.size(), false);
    code = int(result.error());
    if (result.error())
        return false;
    m_parser->root = result.value_unsafe();
    return true;
}

bool JsonDocument::parse(std::string_view bytes, std::string &error, bool &repaired,
                         std::size_t readableAfter)
{
    repaired = false;
    int code = 0;
    if (parseStrict(bytes, code, readableAfter))
        return true;
    // Rare: bytes that need repair (invalid UTF-8 or NUL bytes, unpaired surrogate escapes),
    // integers past 64 bits (read as doubles, as Qt read them), each fixed where simdjson
    // stops and parsed again (a record may need several), then JSON that only a lenient
    // reader takes. Qt's compact output keeps surrogates and huge integers as they were, so
    // those are fixed here, before it.
    std::string cleaned;
    for (int round = 0; round < 3; ++round) {
        std::optional<std::string> fixed;
        bool isRepair = true;
        if (code == simdjson::UTF8_ERROR || code == simdjson::UNESCAPED_CHARS) {
            if (!isValidUtf8(bytes) || bytes.find('\0') != std::string_view::npos)
                fixed = cleanText(bytes);
        } else if (code == simdjson::STRING_ERROR) {
            fixed = withUnpairedSurrogatesReplaced(bytes);
        } else if (code == simdjson::NUMBER_ERROR) {
            fixed = withHugeIntegersAsDecimals(bytes);
            isRepair = false;
        }
        if (!fixed)
            break;
        repaired = repaired || isRepair;
        cleaned = std::move(*fixed);
        bytes = cleaned;
        if (parseStrict(bytes, code))
            return true;
    }
    QJsonParseError qtError;
    const QJsonDocument lenient =
        QJsonDocument::fromJson(QByteArray(bytes.data(), qsizetype(bytes.size())), &qtError);
    if (qtError.error != QJsonParseError::NoError) {
        error = "invalid JSON at offset " + std::to_string(qtError.offset) + ": " +
                qtError.errorString().toStdString();
        return false;
    }
    const QByteArray strict = lenient.toJson(QJsonDocument::Compact);
    if (parseStrict(std::string_view(strict.constData(), std::size_t(strict.size())), code))
        return true;
    error = std::string("invalid JSON: ") + simdjson::error_message(simdjson::error_code(code));
    return false;
}

void appendJsonString(std::string &out, std::string_view text)
{
    out += '"';
    for (const char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", unsigned(c));
                out += escaped;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

JsonValue JsonDocument::root() const
{
    return JsonAccess::value(m_parser->root);
}

} // namespace chorus
