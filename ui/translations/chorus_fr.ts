<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>AppStartup</name>
    <message>
        <source>The demo case is not installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot copy the demo case to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseController</name>
    <message>
        <source>%1: already in the case, nothing new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2): %3 read, %4 imported, %5 duplicate, %6 rejected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::ui::AboutDialog</name>
    <message>
        <source>About Chorus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Chorus %1&lt;/h2&gt;&lt;p&gt;An investigation workbench for coordinated posting campaigns. Chorus works only on the files you give it and never connects to the network.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Built with&lt;/b&gt;&lt;br&gt;Qt %2 (running %3)&lt;br&gt;SQLite %4&lt;br&gt;QCustomPlot %5&lt;br&gt;Boost %6.%7.%8&lt;/p&gt;&lt;p&gt;&lt;b&gt;Data licences&lt;/b&gt;&lt;br&gt;Test sample &lt;i&gt;russian_coord_tweets&lt;/i&gt;: from the R package CooRTweet (MIT licence), data of Kulichkina, Righetti &amp;amp; Waldherr (2024).&lt;br&gt;Geographic names, where used: GeoNames (CC BY 4.0).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::ui::AccountInspector</name>
    <message>
        <source>Signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posts by account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean gap (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a post, a cluster member or a partner to inspect its account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clusters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Followers / following</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posts in case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 to %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::ui::AnalysisDialog</name>
    <message>
        <source>Analysis Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Default: %2%3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::ui::CaseController</name>
    <message>
        <source>Wait for the running task to finish or cancel it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Importing %n files</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chorus::ui::CaseOverviewView</name>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported at (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excerpt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case open. Use File › New Case or Open Case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading %1 ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 to %2 (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 posts by %2 accounts from %3 sources%4. %5 import problems.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::ui::ClustersView</name>
    <message>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Representative text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expand a cluster to see the components of its score.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No clusters yet. Run Analysis › Find Clusters (Ctrl+R).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value %1, adds %2 to the score</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::ui::ImportDialog</name>
    <message>
        <source>the author&apos;s account id (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>when it was posted: ISO 8601, epoch seconds, ... (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the post&apos;s text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the post&apos;s id; without it a post is named FILE:LINE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the author&apos;s handle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id of the post reposted (makes it a repost)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id of the post replied to (makes it a reply)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id of the post quoted (makes it a quote)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>links, several per cell allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hashtags, several per cell allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mentioned handles, several per cell allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the author&apos;s free-text location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>language code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>when the author&apos;s account was created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>latitude of the post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>longitude of the post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns (generic CSV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excerpt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which column holds what. Remembered for files with the same header.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First rows of %1 as they will be stored:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems in these rows:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read as %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::ui::MainWindow</name>
    <message>
        <source>Chorus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clusters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Case...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Case...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Files...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find in Posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear &amp;Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Chorus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the running task; the case stays as it was before it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled; the case was left as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Chorus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 (%2 posts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 posts shown · %3 accounts · %4 clusters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create or open a case first (File menu).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another task is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chorus cases (*.chorus)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collections (*.csv *.tsv *.json *.jsonl *.ndjson);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::ui::PostTableModel</name>
    <message>
        <source>loading...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::ui::PostsView</name>
    <message>
        <source>Search text (all words)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full-text search: posts containing every word typed. Operators are searched as words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All languages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to remove this filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In selected cluster ✕</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2 ✕</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chorus::ui::TimelineView</name>
    <message>
        <source>posts per bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag: select a time range. Wheel: zoom. Ctrl+drag: pan. Double-click: clear the range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts by creation date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posts by weekday and hour (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fri</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hour of day (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>selected cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bin size: %1. Drag to select a time range, wheel to zoom, Ctrl+drag to pan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>
