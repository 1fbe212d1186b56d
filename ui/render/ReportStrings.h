#pragma once

#include <QString>

#include <string>

namespace chorus::render {

// The report's fixed texts. chorus-cli loads no Qt translator (the GUI's Qt Linguist files
// are for widgets), so the report carries its own small table: English and French.
enum class ReportText {
    DefaultTitle,
    Analyst,
    Generated,
    ChorusVersion,
    Fingerprint,
    FingerprintNote,
    CaseOverview,
    Posts,
    Accounts,
    Sources,
    FirstPost,
    LastPost,
    SummaryHeading,
    SummaryIntro,
    AnnotatedItems,
    NoAnnotations,
    TopClusters,
    NoClusterRun,
    CampaignsHeading,
    NoCampaigns,
    CampaignLinks,
    MoreLinks,
    ColShared,
    ColSmaller,
    ColOverlap,
    ColExpected,
    ColNumber,
    ColScore,
    ColPosts,
    ColAccounts,
    ColFirst,
    ColLast,
    ColText,
    ColParts,
    ColCampaign,
    ColClusters,
    ColLanguages,
    ColItem,
    ColTags,
    ColNote,
    ColGrade,
    ColAnalyst,
    ColNow,
    NowIn,
    NotFoundNow,
    MethodHeading,
    RunHeading,
    RunFacts,
    ColParameter,
    ColValue,
    RunSummary,
    ScorePartsHeading,
    ScorePartsIntro,
    ColPart,
    ColFormula,
    ColWeight,
    ColContribution,
    ColMeaning,
    SignalsHeading,
    SignalsIntro,
    ColSignal,
    SignalThresholds,
    LimitsHeading,
    Limit1,
    Limit2,
    Limit3,
    Limit4,
    ProvHeading,
    ProvIntro,
    ColFile,
    ColSize,
    ColSha,
    ColFormat,
    ColRead,
    ColImported,
    ColDuplicate,
    ColRejected,
    ColImportedAt,
    ClusterHeading,
    ClusterFacts,
    NoCampaign,
    AnalystAnnotation,
    AnnotationLine,
    Representative,
    Variants,
    NoVariants,
    ColSimilarity,
    ColHandle,
    ColCreated,
    ColLocation,
    ColSignals,
    ColPostsIn,
    AccountsLeftOut,
    TimelineHeading,
    MapHeading,
    GraphHeading,
    NoGraph,
    NetworkHeading,
    NoNetwork,
    AnnotationsHeading,
    AppendixAccounts,
    AppendixAccountsIntro,
    AppendixAudit,
    ColSeq,
    ColTime,
    ColAction,
    ColSubject,
    ColDetails,
    ColHash,
    GlyphsHeading,
    GlyphsNone,
    GlyphsSome,
    FooterFingerprint,
    FooterPage,
    None,
    Count // not a text
};

// The languages the report is written in: "en", "fr".
bool isReportLanguage(const std::string &language);

class ReportStrings
{
public:
    explicit ReportStrings(std::string language) : m_language(std::move(language)) {}

    QString operator()(ReportText text) const;
    // What a score part ("size", "burstiness", ...) or an account signal
    // ("creation_burst_day", ...) means; the name itself when it is not known.
    QString scorePartMeaning(const std::string &part) const;
    QString signalMeaning(const std::string &signal) const;
    // "10 minutes", "1 day": a timeline bin.
    QString duration(long long seconds) const;
    const std::string &language() const { return m_language; }

private:
    bool french() const { return m_language == "fr"; }
    std::string m_language;
};

} // namespace chorus::render
