#pragma once

#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

namespace chorus {

// An allocator whose construct() without arguments default-initialises: for numbers, nothing
// is written. resize() of a vector of a gigabyte then costs nothing until the elements are
// written, by the threads that compute them (and poll Cancel), instead of a zero-fill of the
// whole array on one thread first.
template <typename T> struct DefaultInitAllocator : std::allocator<T>
{
    template <typename U> struct rebind
    {
        using other = DefaultInitAllocator<U>;
    };
    DefaultInitAllocator() = default;
    template <typename U> DefaultInitAllocator(const DefaultInitAllocator<U> &) noexcept {}

    template <typename U> void construct(U *p) noexcept(std::is_nothrow_default_constructible_v<U>)
    {
        ::new (static_cast<void *>(p)) U;
    }
    template <typename U, typename... Args> void construct(U *p, Args &&...args)
    {
        std::construct_at(p, std::forward<Args>(args)...);
    }
};

// A vector whose resize() leaves new numbers unwritten: the caller writes every element.
template <typename T> using UninitializedVector = std::vector<T, DefaultInitAllocator<T>>;

} // namespace chorus
