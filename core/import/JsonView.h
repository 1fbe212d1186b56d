#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace chorus {

class JsonObject;
class JsonArray;

// Read-only views into a parsed JSON document (simdjson's DOM, kept out of this header). A view
// is valid while the JsonDocument that parsed it lives and has not parsed again: importers read
// a record's fields in the handler that receives it and keep only what they copy out. Strings
// are UTF-8 views into the document; numbers keep 64-bit integers exact. The names follow
// Qt's QJsonValue, QJsonObject and QJsonArray, which the importers used before.
class JsonValue
{
public:
    enum class Type { Undefined, Null, Bool, Number, String, Array, Object };

    JsonValue() = default; // undefined: a key that is not there
    Type type() const { return m_type; }
    bool isUndefined() const { return m_type == Type::Undefined; }
    bool isNull() const { return m_type == Type::Null; }
    bool isBool() const { return m_type == Type::Bool; }
    bool isDouble() const { return m_type == Type::Number; } // any number, as in Qt
    bool isString() const { return m_type == Type::String; }
    bool isArray() const { return m_type == Type::Array; }
    bool isObject() const { return m_type == Type::Object; }

    bool toBool(bool otherwise = false) const;
    double toDouble(double otherwise = 0) const;
    // The number when it is a whole number that fits 64 bits (1, -3, 2.0), otherwise nullopt.
    std::optional<std::int64_t> toInteger() const;
    // The string, empty when the value is not one.
    std::string_view toString() const;
    std::string toStdString() const { return std::string(toString()); }
    // A string value equal to `text`.
    bool operator==(std::string_view text) const { return isString() && toString() == text; }
    // An empty object (array) when the value is not one.
    JsonObject toObject() const;
    JsonArray toArray() const;

    // Compact JSON text of the value, cut to about `maxLength` bytes ("..." appended).
    std::string json(std::size_t maxLength = 160) const;

private:
    friend struct JsonAccess;
    Type m_type = Type::Undefined;
    alignas(8) unsigned char m_element[16] = {};
};

class JsonArray
{
public:
    class Iterator
    {
    public:
        JsonValue operator*() const;
        Iterator &operator++();
        bool operator!=(const Iterator &other) const;
        bool operator==(const Iterator &other) const { return !(*this != other); }

    private:
        friend struct JsonAccess;
        alignas(8) unsigned char m_iterator[16] = {};
    };

    JsonArray() = default; // empty
    std::size_t size() const;
    bool isEmpty() const { return m_empty || size() == 0; }
    // Walks the array from its start: use iteration for anything but the first few elements.
    JsonValue at(std::size_t index) const;
    JsonValue operator[](std::size_t index) const { return at(index); }
    JsonValue first() const { return at(0); }
    Iterator begin() const;
    Iterator end() const;
    std::string json(std::size_t maxLength = 160) const;

private:
    friend struct JsonAccess;
    bool m_empty = true;
    alignas(8) unsigned char m_array[16] = {};
};

class JsonObject
{
public:
    JsonObject() = default; // empty
    // Undefined when `key` is not a member. The search starts after the member found last
    // (importers read fields mostly in the order exports write them). With a repeated key,
    // which RFC 8259 leaves open and no API export writes, it is the first of that name from
    // there on, not always the object's first (Qt's reader kept the last): finding the same
    // one every time would cost a scan of the whole object on every lookup.
    JsonValue value(std::string_view key) const;
    JsonValue operator[](std::string_view key) const { return value(key); }
    bool contains(std::string_view key) const { return !value(key).isUndefined(); }
    std::size_t size() const;
    bool isEmpty() const { return m_empty || size() == 0; }
    std::string json(std::size_t maxLength = 160) const;

    // Calls visit(key, value) for each member in order.
    template <typename Visit> void forEach(Visit &&visit) const
    {
        forEachMember([](void *context, std::string_view key,
                         const JsonValue &value) { (*static_cast<Visit *>(context))(key, value); },
                      &visit);
    }

private:
    friend struct JsonAccess;
    using MemberVisit = void (*)(void *context, std::string_view key, const JsonValue &value);
    void forEachMember(MemberVisit visit, void *context) const;
    bool m_empty = true;
    alignas(8) unsigned char m_object[16] = {};
    // Where the last lookup found its key: the next one starts after it. Importers mostly
    // ask for members in the order a platform writes them, so a lookup is then one step
    // instead of a scan from the first member.
    mutable bool m_resumes = false;
    alignas(8) mutable unsigned char m_resume[16] = {};
};

// Parses JSON text and owns the result; views into it stay valid until the next parse.
class JsonDocument
{
public:
    JsonDocument();
    ~JsonDocument();
    JsonDocument(const JsonDocument &) = delete;
    JsonDocument &operator=(const JsonDocument &) = delete;

    // Parses `bytes` as one JSON value. Invalid UTF-8, NUL bytes and unpaired surrogate
    // escapes ("\ud83d" alone) are replaced first and `repaired` set, so that one bad byte
    // costs a warning, not the record. Text that strict JSON refuses but Qt's parser took (raw
    // tabs or newlines in strings, integers past 64 bits, read as doubles) is read as Qt read
    // it. False, with `error` naming the offset, when not JSON.
    // `readableAfter`: how many bytes after `bytes` may be read (not used) by the parser; with
    // 64 or more the bytes are parsed where they are, without a copy.
    bool parse(std::string_view bytes, std::string &error, bool &repaired,
               std::size_t readableAfter = 0);
    JsonValue root() const;

private:
    bool parseStrict(std::string_view bytes, int &code, std::size_t readableAfter = 0);
    struct Parser;
    std::unique_ptr<Parser> m_parser;
};

// Appends `text` as a JSON string literal: quoted, with quotes, backslashes and control
// characters escaped.
void appendJsonString(std::string &out, std::string_view text);

} // namespace chorus
