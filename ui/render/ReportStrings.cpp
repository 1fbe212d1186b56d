#include "render/ReportStrings.h"

#include <array>
#include <map>
#include <utility>

namespace chorus::render {

namespace {

struct Pair
{
    const char *en;
    const char *fr;
};

using T = ReportText;

// Every text in both languages, indexed by ReportText; %1, %2 ... are filled in by the caller.
const std::map<ReportText, Pair> &table()
{
    static const std::map<ReportText, Pair> texts = {
        {T::DefaultTitle,
         {"Coordinated posting: evidence report", "Publications coordonnées : rapport de preuve"}},
        {T::Analyst, {"Analyst", "Analyste"}},
        {T::Generated, {"Generated", "Produit le"}},
        {T::ChorusVersion, {"Chorus version", "Version de Chorus"}},
        {T::Fingerprint, {"Case fingerprint", "Empreinte du dossier"}},
        {T::FingerprintNote,
         {"The case fingerprint is the SHA-256 at the head of the case's hash-chained audit trail "
          "when this report was made. 'chorus-cli audit CASE --verify' checks the chain; this "
          "report's own entry follows the entry with this hash.",
          "L'empreinte du dossier est le SHA-256 en tête de la piste d'audit chaînée du dossier au "
          "moment du rapport. « chorus-cli audit DOSSIER --verify » vérifie la chaîne ; l'entrée "
          "de ce rapport suit celle qui porte ce hachage."}},
        {T::CaseOverview, {"The case", "Le dossier"}},
        {T::Posts, {"Posts", "Publications"}},
        {T::Accounts, {"Accounts", "Comptes"}},
        {T::Sources, {"Sources", "Sources"}},
        {T::FirstPost, {"First post", "Première publication"}},
        {T::LastPost, {"Last post", "Dernière publication"}},
        {T::SummaryHeading, {"1. Summary of findings", "1. Résumé des constats"}},
        {T::SummaryIntro,
         {"Items the analyst annotated come first, then the highest-scoring clusters of "
          "near-identical posts and the campaigns that link them. Scores rank; they do not prove.",
          "Les éléments annotés par l'analyste viennent d'abord, puis les grappes de publications "
          "quasi identiques les mieux classées et les campagnes qui les relient. Le score classe ; "
          "il ne prouve pas."}},
        {T::AnnotatedItems, {"Annotated items", "Éléments annotés"}},
        {T::NoAnnotations, {"No item has been annotated.", "Aucun élément n'a été annoté."}},
        {T::TopClusters,
         {"Top %1 of %2 clusters (run %3)", "Les %1 premières des %2 grappes (analyse %3)"}},
        {T::NoClusterRun,
         {"The case has no text-clustering run (chorus-cli analyze).",
          "Le dossier n'a aucune analyse de grappes de textes (chorus-cli analyze)."}},
        {T::CampaignsHeading, {"Campaigns", "Campagnes"}},
        {T::NoCampaigns,
         {"No clusters are linked into a campaign.", "Aucune grappe n'est reliée en campagne."}},
        {T::CampaignLinks,
         {"The evidence: accounts shared by linked clusters",
          "La preuve : comptes partagés par les grappes reliées"}},
        {T::MoreLinks,
         {"and %1 more links (chorus-cli campaigns --json)",
          "et %1 autres liens (chorus-cli campaigns --json)"}},
        {T::ColShared, {"Shared", "Partagés"}},
        {T::ColSmaller, {"Of the smaller", "De la plus petite"}},
        {T::ColOverlap, {"Overlap", "Part"}},
        {T::ColExpected, {"By chance", "Par hasard"}},
        {T::ColNumber, {"#", "n°"}},
        {T::ColScore, {"Score", "Score"}},
        {T::ColPosts, {"Posts", "Publ."}},
        {T::ColAccounts, {"Accounts", "Comptes"}},
        {T::ColFirst, {"First (UTC)", "Début (UTC)"}},
        {T::ColLast, {"Last (UTC)", "Fin (UTC)"}},
        {T::ColText, {"Representative text", "Texte représentatif"}},
        {T::ColParts, {"Score parts", "Parts du score"}},
        {T::ColCampaign, {"Campaign", "Campagne"}},
        {T::ColClusters, {"Clusters", "Grappes"}},
        {T::ColLanguages, {"Languages", "Langues"}},
        {T::ColItem, {"Item", "Élément"}},
        {T::ColTags, {"Tags", "Étiquettes"}},
        {T::ColNote, {"Note", "Note"}},
        {T::ColGrade, {"Grade", "Cote"}},
        {T::ColAnalyst, {"Analyst", "Analyste"}},
        {T::ColNow, {"Now", "Aujourd'hui"}},
        {T::NowIn,
         {"#%1 of run %2, %3% same members", "n° %1 de l'analyse %2, %3 % mêmes membres"}},
        {T::NotFoundNow, {"not in the latest run", "absent de la dernière analyse"}},
        {T::MethodHeading, {"2. Methodology", "2. Méthode"}},
        {T::RunHeading, {"Analysis run %1 (%2)", "Analyse %1 (%2)"}},
        {T::RunFacts,
         {"Chorus %1; started %2, finished %3; input: %4 posts, %5 accounts.",
          "Chorus %1 ; début %2, fin %3 ; entrée : %4 publications, %5 comptes."}},
        {T::ColParameter, {"Parameter", "Paramètre"}},
        {T::ColValue, {"Value", "Valeur"}},
        {T::RunSummary, {"What the run found", "Ce que l'analyse a trouvé"}},
        {T::ScorePartsHeading,
         {"What a cluster's score is made of", "De quoi est fait le score d'une grappe"}},
        {T::ScorePartsIntro,
         {"A cluster's score is the sum of its parts; each part is a weight times a function of "
          "a measured value, so the ranking can be checked by hand.",
          "Le score d'une grappe est la somme de ses parts ; chaque part est un poids multiplié "
          "par une fonction d'une valeur mesurée, de sorte que le classement se vérifie à la "
          "main."}},
        {T::ColPart, {"Part", "Part"}},
        {T::ColFormula, {"Formula", "Formule"}},
        {T::ColWeight, {"Weight", "Poids"}},
        {T::ColContribution, {"Contribution", "Contribution"}},
        {T::ColMeaning, {"Meaning", "Signification"}},
        {T::SignalsHeading, {"Account signals", "Signaux des comptes"}},
        {T::SignalsIntro,
         {"Signals are evaluated per account in the network run; each fired signal is stored with "
          "the numbers behind it (chorus-cli accounts).",
          "Les signaux sont évalués par compte lors de l'analyse du réseau ; chaque signal "
          "déclenché est conservé avec ses chiffres (chorus-cli accounts)."}},
        {T::ColSignal, {"Signal", "Signal"}},
        {T::SignalThresholds,
         {"Signal thresholds (fixed in this version of Chorus)",
          "Seuils des signaux (fixés dans cette version de Chorus)"}},
        {T::LimitsHeading, {"Limitations", "Limites"}},
        {T::Limit1,
         {"Organic coordination exists: fans, activists and news audiences repeat slogans, share "
          "the same links and post at the same moments without being directed.",
          "La coordination spontanée existe : partisans, militants et lecteurs reprennent des "
          "slogans, partagent les mêmes liens et publient au même moment sans être dirigés."}},
        {T::Limit2,
         {"Near-duplicate text is not proof of inauthentic behaviour: quotes, petitions, copypasta "
          "and 'share if you agree' posts are copied by real people.",
          "Un texte quasi identique ne prouve pas un comportement inauthentique : citations, "
          "pétitions et messages « partagez si vous êtes d'accord » sont copiés par de vraies "
          "personnes."}},
        {T::Limit3,
         {"The findings are only as complete as the collection: posts that were not collected, "
          "deleted or rejected at import are not seen.",
          "Les constats ne valent que pour la collecte : les publications non collectées, "
          "supprimées ou rejetées à l'import ne sont pas vues."}},
        {T::Limit4,
         {"Claimed locations are what profiles say, not where accounts are.",
          "Les lieux déclarés sont ce que disent les profils, pas où sont les comptes."}},
        {T::ProvHeading, {"3. Data provenance", "3. Provenance des données"}},
        {T::ProvIntro,
         {"Every imported file with its size, SHA-256 and row counts as recorded at import.",
          "Chaque fichier importé avec sa taille, son SHA-256 et ses comptes de lignes "
          "enregistrés à l'import."}},
        {T::ColFile, {"File", "Fichier"}},
        {T::ColSize, {"Bytes", "Octets"}},
        {T::ColSha, {"SHA-256", "SHA-256"}},
        {T::ColFormat, {"Format", "Format"}},
        {T::ColRead, {"Read", "Lues"}},
        {T::ColImported, {"Imported", "Importées"}},
        {T::ColDuplicate, {"Duplicate", "Doublons"}},
        {T::ColRejected, {"Rejected", "Rejetées"}},
        {T::ColImportedAt, {"Imported at (UTC)", "Importé le (UTC)"}},
        {T::ClusterHeading, {"4.%1 Cluster #%2", "4.%1 Grappe n° %2"}},
        {T::ClusterFacts,
         {"Score %1: %2 posts by %3 accounts from %4 to %5; languages %6; campaign %7.",
          "Score %1 : %2 publications de %3 comptes du %4 au %5 ; langues %6 ; campagne %7."}},
        {T::NoCampaign, {"none", "aucune"}},
        {T::AnalystAnnotation, {"The analyst's annotation", "Annotation de l'analyste"}},
        {T::AnnotationLine,
         {"Tags: %1; grade: %2; by %3, %4.", "Étiquettes : %1 ; cote : %2 ; par %3, le %4."}},
        {T::Representative, {"Representative text", "Texte représentatif"}},
        {T::Variants,
         {"Sample variants, least similar first", "Variantes, les moins semblables d'abord"}},
        {T::NoVariants,
         {"Every post has the same text.", "Toutes les publications ont le même texte."}},
        {T::ColSimilarity, {"Similarity", "Similarité"}},
        {T::ColHandle, {"Handle", "Identifiant"}},
        {T::ColCreated, {"Created", "Créé le"}},
        {T::ColLocation, {"Claimed location", "Lieu déclaré"}},
        {T::ColSignals, {"Signals", "Signaux"}},
        {T::ColPostsIn, {"Posts", "Publ."}},
        {T::AccountsLeftOut,
         {"%1 more accounts with fewer posts are not listed.",
          "%1 autres comptes, avec moins de publications, ne sont pas listés."}},
        {T::TimelineHeading,
         {"Posts over time (bins of %1, UTC)", "Publications dans le temps (tranches de %1, UTC)"}},
        {T::MapHeading, {"Where its accounts say they are", "Où ses comptes disent être"}},
        {T::GraphHeading, {"Its co-text network", "Son réseau de co-texte"}},
        {T::NoGraph,
         {"No co-text network: the case has no network run (chorus-cli network) or no two of its "
          "accounts posted within the window.",
          "Pas de réseau de co-texte : le dossier n'a pas d'analyse de réseau (chorus-cli network) "
          "ou aucun couple de ses comptes n'a publié dans la fenêtre."}},
        {T::NetworkHeading, {"5. Coordination network", "5. Réseau de coordination"}},
        {T::NoNetwork,
         {"The case has no network run (chorus-cli network).",
          "Le dossier n'a pas d'analyse de réseau (chorus-cli network)."}},
        {T::AnnotationsHeading, {"6. Annotated items", "6. Éléments annotés"}},
        {T::AppendixAccounts, {"Appendix A. Accounts", "Annexe A. Comptes"}},
        {T::AppendixAccountsIntro,
         {"The accounts listed in the cluster sections, by handle; posts counted over those "
          "clusters.",
          "Les comptes listés dans les sections des grappes, par identifiant ; publications "
          "comptées sur ces grappes."}},
        {T::AppendixAudit, {"Appendix B. Audit trail", "Annexe B. Piste d'audit"}},
        {T::ColSeq, {"#", "n°"}},
        {T::ColTime, {"Time (UTC)", "Heure (UTC)"}},
        {T::ColAction, {"Action", "Action"}},
        {T::ColSubject, {"Subject", "Objet"}},
        {T::ColDetails, {"Details", "Détails"}},
        {T::ColHash, {"Hash", "Hachage"}},
        {T::GlyphsHeading, {"Characters", "Caractères"}},
        {T::GlyphsNone,
         {"Every character shown in this report was drawn with an installed font; the fonts are "
          "embedded in this PDF.",
          "Chaque caractère de ce rapport a été dessiné avec une police installée ; les polices "
          "sont incorporées à ce PDF."}},
        {T::GlyphsSome,
         {"No installed font can draw these characters; they are shown as [U+XXXX] where they "
          "occur: %1",
          "Aucune police installée ne sait dessiner ces caractères ; ils sont écrits [U+XXXX] là "
          "où ils apparaissent : %1"}},
        {T::FooterFingerprint, {"Case fingerprint %1", "Empreinte %1"}},
        {T::FooterPage, {"Page %1 of %2", "Page %1 sur %2"}},
        {T::None, {"none", "aucun"}},
    };
    return texts;
}

const std::map<std::string, Pair> &scoreParts()
{
    static const std::map<std::string, Pair> parts = {
        {"size",
         {"More copies, with diminishing returns: 1,000 copies are not 500 times as suspicious as "
          "2.",
          "Plus de copies, à rendement décroissant : 1 000 copies ne sont pas 500 fois plus "
          "suspectes que 2."}},
        {"account spread",
         {"Many accounts posting one text is a campaign; one account repeating itself is spam.",
          "Beaucoup de comptes publiant un texte font une campagne ; un compte qui se répète fait "
          "du pourriel."}},
        {"burstiness",
         {"Copies posted within minutes of each other point to coordination.",
          "Des copies publiées à quelques minutes d'intervalle indiquent une coordination."}},
        {"account-age concentration",
         {"Accounts created in the same month point to a batch of fresh accounts.",
          "Des comptes créés le même mois indiquent un lot de comptes récents."}},
        {"place mismatch",
         {"The text names a place and most accounts claim to be far from it: a crowd that was not "
          "there.",
          "Le texte nomme un lieu et la plupart des comptes disent être loin : une foule qui n'y "
          "était pas."}},
    };
    return parts;
}

const std::map<std::string, Pair> &signalMeanings()
{
    static const std::map<std::string, Pair> meanings = {
        {"creation_burst_day",
         {"Created on a day when many more accounts of the case were created than on a usual day.",
          "Créé un jour où bien plus de comptes du dossier ont été créés qu'un jour ordinaire."}},
        {"creation_burst_week",
         {"Created in a week when many more accounts of the case were created than usual.",
          "Créé une semaine où bien plus de comptes du dossier ont été créés que d'habitude."}},
        {"generated_handle",
         {"A handle that looks generated: a long trailing run of digits or of consonants.",
          "Un identifiant qui semble généré : longue suite finale de chiffres ou de consonnes."}},
        {"shared_display_name",
         {"The same display name as several other accounts, more than usual.",
          "Le même nom affiché que plusieurs autres comptes, plus que d'habitude."}},
        {"shared_bio",
         {"The same profile text as other accounts.",
          "Le même texte de profil que d'autres comptes."}},
        {"posting_rate",
         {"At least 72 posts a day (DFRLab's rule of thumb for automation).",
          "Au moins 72 publications par jour (repère du DFRLab pour l'automatisation)."}},
        {"repost_share",
         {"Almost only reposts (at least 90% of at least 10 posts).",
          "Presque uniquement des republications (au moins 90 % d'au moins 10 publications)."}},
        {"hour_profile",
         {"Posts at hours of the day unlike the collection as a whole.",
          "Publie à des heures de la journée différentes de l'ensemble de la collecte."}},
        {"top_cluster",
         {"Posted in the highest-scoring duplicate clusters.",
          "A publié dans les grappes de doublons les mieux classées."}},
        {"top_community",
         {"Belongs to one of the largest communities of the network.",
          "Appartient à l'une des plus grandes communautés du réseau."}},
        {"claimed_location_far_from_topic",
         {"Claims a place far from the place named by a place-mismatch cluster it posted in.",
          "Déclare un lieu éloigné de celui que nomme une grappe à lieu discordant où il a "
          "publié."}},
    };
    return meanings;
}

QString pick(const Pair &pair, bool french)
{
    return QString::fromUtf8(french ? pair.fr : pair.en);
}

} // namespace

bool isReportLanguage(const std::string &language)
{
    return language == "en" || language == "fr";
}

QString ReportStrings::operator()(ReportText text) const
{
    const auto it = table().find(text);
    return it == table().end() ? QString() : pick(it->second, french());
}

QString ReportStrings::scorePartMeaning(const std::string &part) const
{
    const auto it = scoreParts().find(part);
    return it == scoreParts().end() ? QString::fromStdString(part) : pick(it->second, french());
}

QString ReportStrings::signalMeaning(const std::string &signal) const
{
    const auto it = signalMeanings().find(signal);
    return it == signalMeanings().end() ? QString::fromStdString(signal)
                                        : pick(it->second, french());
}

QString ReportStrings::duration(long long seconds) const
{
    static const std::array<std::pair<long long, Pair>, 5> units = {{
        {365LL * 86400, {"year", "an"}},
        {86400, {"day", "jour"}},
        {3600, {"hour", "heure"}},
        {60, {"minute", "minute"}},
        {1, {"second", "seconde"}},
    }};
    for (const auto &[size, name] : units) {
        if (seconds % size != 0)
            continue;
        const long long count = seconds / size;
        const QString word = pick(name, french());
        const bool plural = count > 1 && !(french() && word.endsWith(QLatin1Char('s')));
        return QString::number(count) + QLatin1Char(' ') + word +
               (plural ? QStringLiteral("s") : QString());
    }
    return QString::number(seconds);
}

} // namespace chorus::render
