#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>

namespace chorus {

// Cooperative cancellation shared between the thread that asks and the worker that checks.
// Thread-safe: request() from any thread, isCancelled() polled by the worker.
class CancelToken
{
public:
    void request() { m_cancelled.store(true, std::memory_order_relaxed); }
    bool isCancelled() const { return m_cancelled.load(std::memory_order_relaxed); }
    void reset() { m_cancelled.store(false, std::memory_order_relaxed); }

private:
    std::atomic<bool> m_cancelled{false};
};

// What long work is doing. Core reports stages as identifiers, never as sentences: the UI
// translates them (ui/controllers/StageText), the command line prints describeStage().
enum class Stage {
    ReadingFile,  // subject: file name; detail: format name
    IndexingFile, // subject: file name (the posts indexes)
    ReadingPosts, // clustering input
    NormalizingTexts,
    ComputingSignatures,
    FindingPairs, // candidate pairs found and verified
    Grouping,
    ScoringClusters,
    StoringClusters,
    ReadingActions, // subject: co-action type ("co-text")
    LinkingActions, // subject: co-action type
    MeasuringNetwork,
    FindingCommunities,
    LayingOut,
    EvaluatingSignals,
    SavingNetworkRun,
    Clustering,         // a job made of several analyses: its clustering part
    BuildingNetwork,    // ... and its network part
    ResolvingLocations, // account locations against the gazetteer
    IndexingText,       // the full-text index catching up with imported posts
    IndexingFilters,    // the filter indexes an import left pending (TextIndex)
    IndexingViews,      // page anchors, accounts by creation day (StoredPageAnchors,
                        // AccountCreationDays)
    AssemblingReport,   // the report's content read (its clusters' figures laid out)
    PaginatingReport,   // the report laid out once to count its pages
    DrawingReport,      // ... and again, drawn
};

struct StageEvent
{
    Stage stage = Stage::ReadingPosts;
    std::string subject;
    std::string detail;
};

// A stable name for logs and tests ("reading-posts").
const char *stageId(Stage stage);
// The stage in English, for the command line and benchmarks ("Reading posts.csv as x-io").
std::string describeStage(const StageEvent &event);

// Where long core work reports how far it got. Core never shows anything itself: the UI
// forwards these calls to a progress bar, the CLI to stderr. Called on the worker thread.
class ProgressSink
{
public:
    virtual ~ProgressSink() = default;
    // done/total in units of the current stage; total 0 means unknown.
    virtual void progress(std::int64_t done, std::int64_t total) = 0;
    virtual bool isCancelled() const { return false; }
    void stage(Stage stage, std::string subject = {}, std::string detail = {})
    {
        onStage(StageEvent{stage, std::move(subject), std::move(detail)});
    }

protected:
    virtual void onStage(const StageEvent &event) { (void)event; }
};

// A ProgressSink that discards progress and never cancels; for callers that do not care.
class NullProgress final : public ProgressSink
{
public:
    void progress(std::int64_t, std::int64_t) override {}
};

// Passes a cancel request through and keeps a part's own progress to itself (the outer job
// reports its own steps).
class CancelOnly final : public ProgressSink
{
public:
    explicit CancelOnly(const ProgressSink &outer) : m_outer(outer) {}
    void progress(std::int64_t, std::int64_t) override {}
    bool isCancelled() const override { return m_outer.isCancelled(); }

private:
    const ProgressSink &m_outer;
};

// Adapts a CancelToken plus an optional callback to the ProgressSink interface.
class CallbackProgress final : public ProgressSink
{
public:
    using Callback = std::function<void(std::int64_t, std::int64_t)>;
    using StageCallback = std::function<void(const StageEvent &)>;
    explicit CallbackProgress(Callback callback = {}, const CancelToken *token = nullptr,
                              StageCallback stageCallback = {})
        : m_callback(std::move(callback)), m_stage(std::move(stageCallback)), m_token(token)
    {}
    void progress(std::int64_t done, std::int64_t total) override
    {
        if (m_callback)
            m_callback(done, total);
    }
    bool isCancelled() const override { return m_token && m_token->isCancelled(); }

protected:
    void onStage(const StageEvent &event) override
    {
        if (m_stage)
            m_stage(event);
    }

private:
    Callback m_callback;
    StageCallback m_stage;
    const CancelToken *m_token;
};

} // namespace chorus
