#include "network/CoordinationNetworkBuilder.h"

#include <algorithm>
#include <tuple>

namespace chorus {

struct CoordinationNetworkBuilder::Slot
{
    std::uint64_t key = 0;
    std::uint64_t lastObject = 0; // counts each object once per pair
    double gapSum = 0;
    std::uint32_t weight = 0;
    std::uint32_t actions = 0;
    std::uint8_t types = 0;
};

namespace {

std::uint64_t mix(std::uint64_t key)
{
    key ^= key >> 33;
    key *= 0xff51afd7ed558ccdULL;
    key ^= key >> 33;
    return key;
}

} // namespace

void sortEvents(std::vector<CoEvent> &events)
{
    const auto before = [](const CoEvent &a, const CoEvent &b) {
        return std::tie(a.object, a.time, a.account, a.post) <
               std::tie(b.object, b.time, b.account, b.post);
    };
    // Callers that needed the order earlier (the interval estimate) already sorted: skip.
    if (!std::is_sorted(events.begin(), events.end(), before))
        std::sort(events.begin(), events.end(), before);
}

CoordinationNetworkBuilder::CoordinationNetworkBuilder(std::int64_t windowSeconds)
    : m_window(windowSeconds), m_slots(1024)
{}

CoordinationNetworkBuilder::~CoordinationNetworkBuilder() = default;

CoordinationNetworkBuilder::Slot &CoordinationNetworkBuilder::slot(std::uint64_t key)
{
    if ((m_used + 1) * 10 > m_slots.size() * 7)
        grow();
    const std::size_t mask = m_slots.size() - 1;
    std::size_t index = mix(key) & mask;
    while (m_slots[index].key != 0 && m_slots[index].key != key)
        index = (index + 1) & mask;
    if (m_slots[index].key == 0) {
        m_slots[index].key = key;
        ++m_used;
    }
    return m_slots[index];
}

void CoordinationNetworkBuilder::grow()
{
    std::vector<Slot> old(m_slots.size() * 2);
    old.swap(m_slots);
    const std::size_t mask = m_slots.size() - 1;
    for (const Slot &s : old) {
        if (s.key == 0)
            continue;
        std::size_t index = mix(s.key) & mask;
        while (m_slots[index].key != 0)
            index = (index + 1) & mask;
        m_slots[index] = s;
    }
}

void CoordinationNetworkBuilder::add(CoActionType type, std::vector<CoEvent> events)
{
    sortEvents(events);
    std::uint32_t maxObject = 0;
    for (const CoEvent &e : events)
        maxObject = std::max(maxObject, e.object);
    const std::uint64_t base = m_objectBase;
    forEachCoAction(events, m_window, [&](const CoEvent &a, const CoEvent &b) {
        if (a.account == b.account)
            return;
        const std::uint64_t low = std::min(a.account, b.account);
        const std::uint64_t high = std::max(a.account, b.account);
        Slot &s = slot((low << 32) | high);
        const std::uint64_t object = base + b.object;
        if (s.lastObject != object) {
            s.lastObject = object;
            ++s.weight;
        }
        ++s.actions;
        s.gapSum += double(b.time - a.time);
        s.types |= std::uint8_t(type);
        ++m_coActions;
    });
    m_objectBase = base + maxObject + 1;
}

std::vector<CoEdge> CoordinationNetworkBuilder::edges(std::int64_t minWeight) const
{
    std::vector<CoEdge> result;
    for (const Slot &s : m_slots) {
        if (s.key == 0 || std::int64_t(s.weight) < minWeight)
            continue;
        CoEdge edge;
        edge.source = std::int64_t(s.key >> 32);
        edge.target = std::int64_t(s.key & 0xffffffffULL);
        edge.weight = s.weight;
        edge.actions = s.actions;
        edge.meanGap = s.actions ? s.gapSum / s.actions : 0;
        edge.types = s.types;
        result.push_back(edge);
    }
    std::sort(result.begin(), result.end(), [](const CoEdge &a, const CoEdge &b) {
        return std::tie(a.source, a.target) < std::tie(b.source, b.target);
    });
    return result;
}

} // namespace chorus
