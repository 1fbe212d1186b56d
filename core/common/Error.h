#pragma once

#include <string>
#include <utility>

namespace chorus {

// Why an operation failed, in words fit for the user (file, line and field where known).
// Core returns these; the UI and CLI decide how to show them.
struct Error
{
    std::string message;
    bool cancelled = false;

    static Error cancel() { return Error{"cancelled", true}; }
};

// A value or an Error. Small on purpose: C++20 has no std::expected.
template <typename T> class Result
{
public:
    Result(T value) : m_value(std::move(value)), m_ok(true) {}
    Result(Error error) : m_error(std::move(error)), m_ok(false) {}

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const T &value() const & { return m_value; }
    T &value() & { return m_value; }
    // By value: `for (auto &x : f().value())` must not walk a vector inside a dead temporary.
    T value() && { return std::move(m_value); }
    const T *operator->() const { return &m_value; }
    T *operator->() { return &m_value; }
    const Error &error() const { return m_error; }

private:
    T m_value{};
    Error m_error;
    bool m_ok;
};

// For operations that return nothing but may fail.
class Status
{
public:
    Status() = default;
    Status(Error error) : m_error(std::move(error)), m_ok(false) {}
    static Status success() { return {}; }

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

} // namespace chorus
