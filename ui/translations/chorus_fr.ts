<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>AnalysisParameters</name>
    <message>
        <source>Text similarity</source>
        <translation>Similarité des textes</translation>
    </message>
    <message>
        <source>Two posts are near copies when this share of their %1-character pieces is shared (Jaccard). Lower finds looser paraphrases and more noise.</source>
        <translation>Deux publications sont des quasi-copies quand cette part de leurs fragments de %1 caractères est commune (Jaccard). Plus bas, on trouve des paraphrases plus lâches et plus de bruit.</translation>
    </message>
    <message>
        <source>Piece length</source>
        <translation>Longueur des fragments</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> caractères</translation>
    </message>
    <message>
        <source>Length of the text pieces compared. Shorter pieces match more loosely.</source>
        <translation>Longueur des fragments de texte comparés. Des fragments plus courts se ressemblent plus facilement.</translation>
    </message>
    <message>
        <source>Smallest cluster</source>
        <translation>Plus petite grappe</translation>
    </message>
    <message>
        <source> posts</source>
        <translation> publications</translation>
    </message>
    <message>
        <source>Clusters with fewer posts are not reported.</source>
        <translation>Les grappes de moins de publications ne sont pas signalées.</translation>
    </message>
    <message>
        <source>Coordination window</source>
        <translation>Fenêtre de coordination</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Two accounts acting on the same object within this time count as acting together.</source>
        <translation>Deux comptes qui agissent sur le même objet dans ce délai sont considérés comme agissant ensemble.</translation>
    </message>
    <message>
        <source>Minimum shared objects</source>
        <translation>Objets communs minimum</translation>
    </message>
    <message>
        <source>Two accounts are linked when they acted together on at least this many objects.</source>
        <translation>Deux comptes sont liés lorsqu&apos;ils ont agi ensemble sur au moins ce nombre d&apos;objets.</translation>
    </message>
</context>
<context>
    <name>AnnotateCommand</name>
    <message>
        <source>Annotate %1</source>
        <translation>Annoter&#xa0;%1</translation>
    </message>
</context>
<context>
    <name>AppStartup</name>
    <message>
        <source>The demo case is not installed.</source>
        <translation>Le dossier de démonstration n&apos;est pas installé.</translation>
    </message>
    <message>
        <source>Cannot copy the demo case to %1.</source>
        <translation>Impossible de copier le dossier de démonstration dans %1.</translation>
    </message>
</context>
<context>
    <name>CanvasSupport</name>
    <message>
        <source>SVG (*.svg);;PDF (*.pdf);;PNG image (*.png)</source>
        <translation>SVG (*.svg);;PDF (*.pdf);;Image PNG (*.png)</translation>
    </message>
</context>
<context>
    <name>CaseController</name>
    <message>
        <source>%1: already in the case, nothing new</source>
        <translation>%1&#xa0;: déjà dans le dossier, rien de nouveau</translation>
    </message>
    <message>
        <source>%1 (%2): %3 read, %4 imported, %5 duplicate, %6 rejected</source>
        <translation>%1 (%2)&#xa0;: %3 lues, %4 importées, %5 en double, %6 rejetées</translation>
    </message>
</context>
<context>
    <name>EvidenceExport</name>
    <message>
        <source>Export Posts</source>
        <translation>Exporter les publications</translation>
    </message>
    <message>
        <source>Export Accounts</source>
        <translation>Exporter les comptes</translation>
    </message>
    <message>
        <source>Export Clusters</source>
        <translation>Exporter les grappes</translation>
    </message>
    <message>
        <source>Export Campaigns</source>
        <translation>Exporter les campagnes</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Wrote %1 rows to %2 (SHA-256 %3)</source>
        <translation>%1 lignes écrites dans&#xa0;%2 (SHA-256&#xa0;%3)</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>Exporter le rapport</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Wrote the report to %1 (SHA-256 %2)</source>
        <translation>Rapport écrit dans %1 (SHA-256 %2)</translation>
    </message>
</context>
<context>
    <name>PostKind</name>
    <message>
        <source>post</source>
        <translation>publication</translation>
    </message>
    <message>
        <source>reply</source>
        <translation>réponse</translation>
    </message>
    <message>
        <source>repost</source>
        <translation>repartage</translation>
    </message>
    <message>
        <source>quote</source>
        <translation>citation</translation>
    </message>
</context>
<context>
    <name>StageText</name>
    <message>
        <source>Reading %1</source>
        <translation>Lecture de %1</translation>
    </message>
    <message>
        <source>Reading %1 as %2</source>
        <translation>Lecture de %1 au format %2</translation>
    </message>
    <message>
        <source>Reading posts</source>
        <translation>Lecture des publications</translation>
    </message>
    <message>
        <source>Normalizing texts</source>
        <translation>Normalisation des textes</translation>
    </message>
    <message>
        <source>Computing text signatures</source>
        <translation>Calcul des signatures des textes</translation>
    </message>
    <message>
        <source>Finding and verifying candidate pairs</source>
        <translation>Recherche et vérification des paires candidates</translation>
    </message>
    <message>
        <source>Grouping near-identical posts</source>
        <translation>Regroupement des publications quasi identiques</translation>
    </message>
    <message>
        <source>Scoring clusters</source>
        <translation>Notation des grappes</translation>
    </message>
    <message>
        <source>Storing clusters</source>
        <translation>Enregistrement des grappes</translation>
    </message>
    <message>
        <source>Reading %1 actions</source>
        <translation>Lecture des actions %1</translation>
    </message>
    <message>
        <source>Linking accounts by %1</source>
        <translation>Liaison des comptes par %1</translation>
    </message>
    <message>
        <source>Measuring the network</source>
        <translation>Mesure du réseau</translation>
    </message>
    <message>
        <source>Finding communities</source>
        <translation>Recherche des communautés</translation>
    </message>
    <message>
        <source>Laying out the network</source>
        <translation>Disposition du réseau</translation>
    </message>
    <message>
        <source>Evaluating account signals</source>
        <translation>Évaluation des signaux des comptes</translation>
    </message>
    <message>
        <source>Saving the network run</source>
        <translation>Enregistrement de l&apos;analyse du réseau</translation>
    </message>
    <message>
        <source>Finding clusters of near-identical posts</source>
        <translation>Recherche des grappes de publications quasi identiques</translation>
    </message>
    <message>
        <source>Building the coordination network</source>
        <translation>Construction du réseau de coordination</translation>
    </message>
    <message>
        <source>Resolving account locations</source>
        <translation>Résolution des lieux des comptes</translation>
    </message>
    <message>
        <source>Reading the report&apos;s evidence</source>
        <translation>Lecture des preuves du rapport</translation>
    </message>
    <message>
        <source>Counting the report&apos;s pages</source>
        <translation>Pagination du rapport</translation>
    </message>
    <message>
        <source>Drawing the report</source>
        <translation>Rendu du rapport</translation>
    </message>
    <message>
        <source>Indexing %1</source>
        <translation>Indexation de %1</translation>
    </message>
    <message>
        <source>Indexing post texts for search</source>
        <translation>Indexation des textes pour la recherche</translation>
    </message>
    <message>
        <source>Indexing posts by kind and language</source>
        <translation>Indexation des publications par type et par langue</translation>
    </message>
    <message>
        <source>Indexing the posts table and timeline</source>
        <translation>Indexation de la table des publications et de la chronologie</translation>
    </message>
    <message>
        <source>about %1 s left</source>
        <translation>encore %1&#xa0;s environ</translation>
    </message>
    <message>
        <source>about %1 min left</source>
        <translation>encore %1&#xa0;min environ</translation>
    </message>
    <message>
        <source>about %1 h %2 min left</source>
        <translation>encore %1&#xa0;h %2&#xa0;min environ</translation>
    </message>
</context>
<context>
    <name>chorus::ui::AboutDialog</name>
    <message>
        <source>About Chorus</source>
        <translation>À propos de Chorus</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Chorus %1&lt;/h2&gt;&lt;p&gt;An investigation workbench for coordinated posting campaigns. Chorus works only on the files you give it and never connects to the network.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Built with&lt;/b&gt;&lt;br&gt;Qt %2 (running %3)&lt;br&gt;SQLite %4&lt;br&gt;QCustomPlot %5&lt;br&gt;Boost %6.%7.%8&lt;/p&gt;&lt;p&gt;&lt;b&gt;Data licences&lt;/b&gt;&lt;br&gt;Test sample &lt;i&gt;russian_coord_tweets&lt;/i&gt;: from the R package CooRTweet (MIT licence), data of Kulichkina, Righetti &amp;amp; Waldherr (2024).&lt;br&gt;Places: contains data from GeoNames (geonames.org, CC BY 4.0), filtered and modified; country names and codes from Debian iso-codes (LGPL 2.1+).&lt;br&gt;World map: made with Natural Earth (public domain), via world-atlas (ISC).&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Chorus %1&lt;/h2&gt;&lt;p&gt;Un poste de travail d&apos;enquête sur les campagnes de publication coordonnées. Chorus travaille uniquement sur les fichiers que vous lui fournissez et ne se connecte jamais au réseau.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Conçu avec&lt;/b&gt;&lt;br&gt;Qt %2 (en exécution&#xa0;: %3)&lt;br&gt;SQLite %4&lt;br&gt;QCustomPlot %5&lt;br&gt;Boost %6.%7.%8&lt;/p&gt;&lt;p&gt;&lt;b&gt;Licences des données&lt;/b&gt;&lt;br&gt;Échantillon de test &lt;i&gt;russian_coord_tweets&lt;/i&gt;&#xa0;: tiré du paquet R CooRTweet (licence MIT), données de Kulichkina, Righetti &amp;amp; Waldherr (2024).&lt;br&gt;Lieux&#xa0;: contient des données de GeoNames (geonames.org, CC BY 4.0), filtrées et modifiées&#xa0;; noms et codes des pays du projet Debian iso-codes (LGPL 2.1+).&lt;br&gt;Carte du monde&#xa0;: réalisée avec Natural Earth (domaine public), via world-atlas (ISC).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Licence&lt;/b&gt;&lt;br&gt;Chorus is free software: you may redistribute and modify it under the GNU General Public License, version 3 or later. It is linked against Qt (LGPL 3), QCustomPlot (GPL 3+), SQLite (public domain) and Boost (Boost Software License 1.0). The package&apos;s notices are in /usr/share/doc/chorus/copyright.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Licence&lt;/b&gt;&lt;br&gt;Chorus est un logiciel libre&#xa0;: vous pouvez le redistribuer et le modifier selon les termes de la licence publique générale GNU (GPL), version 3 ou ultérieure. Il est lié à Qt (LGPL 3), QCustomPlot (GPL 3+), SQLite (domaine public) et Boost (Boost Software License 1.0). Les mentions du paquet se trouvent dans /usr/share/doc/chorus/copyright.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>chorus::ui::AccountInspector</name>
    <message>
        <source>Signal</source>
        <translation>Signal</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Fired</source>
        <translation>Déclenché</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Explication</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Grappe</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Posts by account</source>
        <translation>Publications du compte</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partenaire</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Poids</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Mean gap (s)</source>
        <translation>Écart moyen (s)</translation>
    </message>
    <message>
        <source>Types</source>
        <translation>Types</translation>
    </message>
    <message>
        <source>Select a post, a cluster member or a partner to inspect its account.</source>
        <translation>Sélectionnez une publication, un membre de grappe ou un partenaire pour examiner son compte.</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>Signaux</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Publications</translation>
    </message>
    <message>
        <source>Clusters</source>
        <translation>Grappes</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Partenaires</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Platform id</source>
        <translation>Identifiant sur la plateforme</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé le</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Bio</source>
        <translation>Bio</translation>
    </message>
    <message>
        <source>Followers / following</source>
        <translation>Abonnés / abonnements</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Posts in case</source>
        <translation>Publications dans le dossier</translation>
    </message>
    <message>
        <source>%1 (%2 to %3)</source>
        <translation>%1 (du %2 au %3)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>Cannot read the network analysis: %1</source>
        <translation>Impossible de lire l&apos;analyse du réseau&#xa0;: %1</translation>
    </message>
    <message>
        <source>Annotate Account…</source>
        <translation>Annoter le compte…</translation>
    </message>
</context>
<context>
    <name>chorus::ui::AnalysisDialog</name>
    <message>
        <source>Analysis Parameters</source>
        <translation>Paramètres d&apos;analyse</translation>
    </message>
    <message>
        <source>%1 Default: %2%3.</source>
        <translation>%1 Par défaut&#xa0;: %2%3.</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lancer</translation>
    </message>
</context>
<context>
    <name>chorus::ui::AnnotationController</name>
    <message>
        <source>The annotation could not be stored: %1</source>
        <translation>L’annotation n’a pas pu être enregistrée&#xa0;:&#xa0;%1</translation>
    </message>
</context>
<context>
    <name>chorus::ui::AnnotationDialog</name>
    <message>
        <source>coordinated</source>
        <translation>coordonné</translation>
    </message>
    <message>
        <source>likely automated</source>
        <translation>probablement automatisé</translation>
    </message>
    <message>
        <source>organic</source>
        <translation>organique</translation>
    </message>
    <message>
        <source>needs review</source>
        <translation>à vérifier</translation>
    </message>
    <message>
        <source>false positive</source>
        <translation>faux positif</translation>
    </message>
    <message>
        <source>Annotate</source>
        <translation>Annoter</translation>
    </message>
    <message>
        <source>Other tags, separated by commas</source>
        <translation>Autres étiquettes, séparées par des virgules</translation>
    </message>
    <message>
        <source>What you found and why (plain text)</source>
        <translation>Ce que vous avez trouvé et pourquoi (texte brut)</translation>
    </message>
    <message>
        <source>Not graded</source>
        <translation>Non évalué</translation>
    </message>
    <message>
        <source>A: completely reliable</source>
        <translation>A&#xa0;: entièrement fiable</translation>
    </message>
    <message>
        <source>B: usually reliable</source>
        <translation>B&#xa0;: habituellement fiable</translation>
    </message>
    <message>
        <source>C: fairly reliable</source>
        <translation>C&#xa0;: assez fiable</translation>
    </message>
    <message>
        <source>D: not usually reliable</source>
        <translation>D&#xa0;: habituellement peu fiable</translation>
    </message>
    <message>
        <source>E: unreliable</source>
        <translation>E&#xa0;: non fiable</translation>
    </message>
    <message>
        <source>F: cannot be judged</source>
        <translation>F&#xa0;: fiabilité impossible à évaluer</translation>
    </message>
    <message>
        <source>1: confirmed by other sources</source>
        <translation>1&#xa0;: confirmé par d’autres sources</translation>
    </message>
    <message>
        <source>2: probably true</source>
        <translation>2&#xa0;: probablement vrai</translation>
    </message>
    <message>
        <source>3: possibly true</source>
        <translation>3&#xa0;: peut-être vrai</translation>
    </message>
    <message>
        <source>4: doubtful</source>
        <translation>4&#xa0;: douteux</translation>
    </message>
    <message>
        <source>5: improbable</source>
        <translation>5&#xa0;: improbable</translation>
    </message>
    <message>
        <source>6: cannot be judged</source>
        <translation>6&#xa0;: véracité impossible à évaluer</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Étiquettes&#xa0;:</translation>
    </message>
    <message>
        <source>Source reliability:</source>
        <translation>Fiabilité de la source&#xa0;:</translation>
    </message>
    <message>
        <source>Information credibility:</source>
        <translation>Crédibilité de l’information&#xa0;:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Note&#xa0;:</translation>
    </message>
</context>
<context>
    <name>chorus::ui::AnnotationsView</name>
    <message>
        <source>Post</source>
        <translation>Publication</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Grappe</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campagne</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Communauté</translation>
    </message>
    <message>
        <source>not in the latest run</source>
        <translation>absent de la dernière analyse</translation>
    </message>
    <message>
        <source>now #%1 of run %2 (%3% same)</source>
        <translation>maintenant nº&#xa0;%1 de l’analyse&#xa0;%2 (%3&#xa0;% identique)</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Cote</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Analyst</source>
        <translation>Analyste</translation>
    </message>
    <message>
        <source>Changed (UTC)</source>
        <translation>Modifiée (UTC)</translation>
    </message>
    <message>
        <source>Edit Annotation…</source>
        <translation>Modifier l’annotation…</translation>
    </message>
    <message>
        <source>Go to Target</source>
        <translation>Aller à la cible</translation>
    </message>
    <message>
        <source>Tag:</source>
        <translation>Étiquette&#xa0;:</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Toutes les étiquettes</translation>
    </message>
</context>
<context>
    <name>chorus::ui::AuditView</name>
    <message>
        <source>#</source>
        <translation>nº</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Heure (UTC)</translation>
    </message>
    <message>
        <source>Analyst</source>
        <translation>Analyste</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Verify Chain</source>
        <translation>Vérifier la chaîne</translation>
    </message>
    <message>
        <source>Recompute every entry&apos;s hash: an entry changed after it was written breaks the chain.</source>
        <translation>Recalcule l’empreinte de chaque entrée&#xa0;: une entrée modifiée après son écriture rompt la chaîne.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries. Case fingerprint (newest hash): %1</source>
        <translation>
            <numerusform>%n entrée. Empreinte du dossier (dernière empreinte)&#xa0;:&#xa0;%1</numerusform>
            <numerusform>%n entrées. Empreinte du dossier (dernière empreinte)&#xa0;:&#xa0;%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The chain is intact: %n entries, fingerprint %1</source>
        <translation>
            <numerusform>La chaîne est intacte&#xa0;:&#xa0;%n entrée, empreinte&#xa0;%1</numerusform>
            <numerusform>La chaîne est intacte&#xa0;:&#xa0;%n entrées, empreinte&#xa0;%1</numerusform>
        </translation>
    </message>
    <message>
        <source>The chain is broken: %1</source>
        <translation>La chaîne est rompue&#xa0;:&#xa0;%1</translation>
    </message>
</context>
<context>
    <name>chorus::ui::CaseController</name>
    <message>
        <source>Importing %1</source>
        <translation>Importation de %1</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n files</source>
        <translation>
            <numerusform>Importation de %n fichier</numerusform>
            <numerusform>Importation de %n fichiers</numerusform>
        </translation>
    </message>
    <message>
        <source>Analysing</source>
        <translation>Analyse en cours</translation>
    </message>
    <message>
        <source>%1 clusters of %2 posts; coordination network built</source>
        <translation>%1 grappes de %2 publications ; réseau de coordination construit</translation>
    </message>
    <message>
        <source>Laying out the network</source>
        <translation>Disposition du réseau</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) laid out again, %1 pinned in place</source>
        <translation>
            <numerusform>%n compte disposé à nouveau, %1 épinglé sur place</numerusform>
            <numerusform>%n comptes disposés à nouveau, %1 épinglés sur place</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n file(s) in the archive are not exports (media, web pages, scripts) and were passed over</source>
        <translation>
            <numerusform>%1&#xa0;: %n fichier de l’archive n’est pas un export (média, page web, script) et a été laissé de côté</numerusform>
            <numerusform>%1&#xa0;: %n fichiers de l’archive ne sont pas des exports (médias, pages web, scripts) et ont été laissés de côté</numerusform>
        </translation>
    </message>
    <message>
        <source>Indexing post texts for search</source>
        <translation>Indexation des textes pour la recherche</translation>
    </message>
    <message>
        <source>Indexes up to date</source>
        <translation>Index à jour</translation>
    </message>
    <message numerus="yes">
        <source>Text search ready: %n post(s) indexed</source>
        <translation>
            <numerusform>Recherche prête&#xa0;: %n publication indexée</numerusform>
            <numerusform>Recherche prête&#xa0;: %n publications indexées</numerusform>
        </translation>
    </message>
    <message>
        <source>Text search index stopped before the end: it is completed when the case is next opened</source>
        <translation>Indexation des textes interrompue avant la fin&#xa0;: elle sera achevée à la prochaine ouverture du dossier</translation>
    </message>
    <message>
        <source>Upgrading %1 to this version&apos;s case format</source>
        <translation>Mise à niveau de %1 vers le format de dossier de cette version</translation>
    </message>
    <message>
        <source>Case file upgraded to this version&apos;s format</source>
        <translation>Dossier converti au format de cette version</translation>
    </message>
    <message>
        <source>A case is being opened.</source>
        <translation>Un dossier est en cours d&apos;ouverture.</translation>
    </message>
    <message>
        <source>Create or open a case first (File menu).</source>
        <translation>Créez ou ouvrez d&apos;abord un dossier (menu Fichier).</translation>
    </message>
    <message>
        <source>Wait for the running task to finish, or cancel it.</source>
        <translation>Attendez la fin de la tâche en cours, ou annulez-la.</translation>
    </message>
</context>
<context>
    <name>chorus::ui::CaseOverviewView</name>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lues</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importées</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>En double</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejetées</translation>
    </message>
    <message>
        <source>Imported at (UTC)</source>
        <translation>Importé le (UTC)</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Excerpt</source>
        <translation>Extrait</translation>
    </message>
    <message>
        <source>No case open. Use File › New Case or Open Case.</source>
        <translation>Aucun dossier ouvert. Utilisez Fichier › Nouveau dossier ou Ouvrir un dossier.</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Import problems</source>
        <translation>Problèmes d&apos;importation</translation>
    </message>
    <message>
        <source>No case open.</source>
        <translation>Aucun dossier ouvert.</translation>
    </message>
    <message>
        <source>Loading %1 ...</source>
        <translation>Chargement de %1 ...</translation>
    </message>
    <message>
        <source>, %1 to %2 (UTC)</source>
        <translation>, du %1 au %2 (UTC)</translation>
    </message>
    <message>
        <source>%1 posts by %2 accounts from %3 sources%4. %5 import problems.</source>
        <translation>%1 publications de %2 comptes provenant de %3 sources%4. %5 problèmes d&apos;importation.</translation>
    </message>
    <message>
        <source>%1 of the posts are context (originals that collected posts refer to); the period is the collected posts&apos;.</source>
        <translation>%1 des publications sont du contexte (originaux auxquels renvoient les publications collectées)&#xa0;; la période est celle des publications collectées.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Archive SHA-256: %1</source>
        <translation>SHA-256 de l’archive&#xa0;: %1</translation>
    </message>
    <message>
        <source>Text search waits for %1 posts to be indexed.</source>
        <translation>La recherche attend l’indexation de %1 publications.</translation>
    </message>
</context>
<context>
    <name>chorus::ui::ClustersView</name>
    <message>
        <source>Cluster</source>
        <translation>Grappe</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Publications</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>First (UTC)</source>
        <translation>Première (UTC)</translation>
    </message>
    <message>
        <source>Last (UTC)</source>
        <translation>Dernière (UTC)</translation>
    </message>
    <message>
        <source>Representative text</source>
        <translation>Texte représentatif</translation>
    </message>
    <message>
        <source>Expand a cluster to see the components of its score.</source>
        <translation>Dépliez une grappe pour voir les composantes de son score.</translation>
    </message>
    <message>
        <source>No clusters yet. Run Analysis › Find Clusters (Ctrl+R).</source>
        <translation>Aucune grappe pour l&apos;instant. Lancez Analyse › Trouver les grappes (Ctrl+R).</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>value %1, adds %2 to the score</source>
        <translation>valeur %1, ajoute %2 au score</translation>
    </message>
    <message>
        <source>Cannot read the accounts of the cluster: %1</source>
        <translation>Impossible de lire les comptes de la grappe&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>Campaign %1: %n clusters, %2 posts, score %3 (%4)</source>
        <translation>
            <numerusform>Campagne %1&#xa0;: %n grappe, %2 publications, score %3 (%4)</numerusform>
            <numerusform>Campagne %1&#xa0;: %n grappes, %2 publications, score %3 (%4)</numerusform>
        </translation>
    </message>
    <message>
        <source>Clusters linked because the same accounts posted them. chorus-cli campaigns shows the evidence for each link.</source>
        <translation>Grappes liées parce que les mêmes comptes les ont publiées. chorus-cli campaigns montre la preuve de chaque lien.</translation>
    </message>
    <message>
        <source>Annotate Cluster…</source>
        <translation>Annoter la grappe…</translation>
    </message>
    <message>
        <source>Annotate Campaign…</source>
        <translation>Annoter la campagne…</translation>
    </message>
</context>
<context>
    <name>chorus::ui::EdgeEvidenceDialog</name>
    <message>
        <source>Evidence for a link</source>
        <translation>Preuves d&apos;un lien</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n co-action(s) within the run&apos;s window.</source>
        <translation>
            <numerusform>%1 : %n co-action dans la fenêtre de l&apos;analyse.</numerusform>
            <numerusform>%1 : %n co-actions dans la fenêtre de l&apos;analyse.</numerusform>
        </translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Shared object</source>
        <translation>Objet commun</translation>
    </message>
    <message>
        <source>Time A (UTC)</source>
        <translation>Heure A (UTC)</translation>
    </message>
    <message>
        <source>Time B (UTC)</source>
        <translation>Heure B (UTC)</translation>
    </message>
    <message>
        <source>Gap (s)</source>
        <translation>Écart (s)</translation>
    </message>
    <message>
        <source>Post A</source>
        <translation>Publication A</translation>
    </message>
    <message>
        <source>Post B</source>
        <translation>Publication B</translation>
    </message>
</context>
<context>
    <name>chorus::ui::GraphCanvas</name>
    <message>
        <source>No network to show. Run Analysis › Find Clusters and Network (Ctrl+R), or select a cluster.</source>
        <translation>Aucun réseau à montrer. Lancez Analyse › Trouver les grappes et le réseau (Ctrl+R), ou sélectionnez une grappe.</translation>
    </message>
    <message>
        <source>The strongest %1 links in view are drawn (of %2 in the drawing); zoom in for the rest.</source>
        <translation>Les %1 liens visibles les plus forts sont dessinés (sur %2 dans le dessin) ; zoomez pour voir les autres.</translation>
    </message>
    <message>
        <source>%1
community %2
weighted degree %3</source>
        <translation>%1
communauté %2
degré pondéré %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Communities</source>
        <translation>Communautés</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Campagnes</translation>
    </message>
    <message>
        <source>Signals fired</source>
        <translation>Signaux déclenchés</translation>
    </message>
    <message>
        <source>%1: %2 accounts</source>
        <translation>%1&#xa0;: %2 comptes</translation>
    </message>
    <message>
        <source>campaign %1: %2 accounts</source>
        <translation>campagne %1&#xa0;: %2 comptes</translation>
    </message>
    <message>
        <source>%1 signals: %2 accounts</source>
        <translation>%1 signaux&#xa0;: %2 comptes</translation>
    </message>
    <message>
        <source>none: %1 accounts</source>
        <translation>aucun&#xa0;: %1 comptes</translation>
    </message>
    <message>
        <source>other or none: %1 accounts</source>
        <translation>autre ou aucune&#xa0;: %1 comptes</translation>
    </message>
    <message>
        <source>Disc size: weighted degree</source>
        <translation>Taille du disque&#xa0;: degré pondéré</translation>
    </message>
    <message>
        <source>Line width: shared objects</source>
        <translation>Épaisseur du trait&#xa0;: objets communs</translation>
    </message>
    <message numerus="yes">
        <source>%n signal(s) fired</source>
        <translation>
            <numerusform>%n signal déclenché</numerusform>
            <numerusform>%n signaux déclenchés</numerusform>
        </translation>
    </message>
    <message>
        <source>pinned</source>
        <translation>épinglé</translation>
    </message>
    <message>
        <source>Claimed countries</source>
        <translation>Pays déclarés</translation>
    </message>
</context>
<context>
    <name>chorus::ui::GraphView</name>
    <message>
        <source>Find account (handle)</source>
        <translation>Trouver un compte (identifiant)</translation>
    </message>
    <message>
        <source>weight ≥ </source>
        <translation>poids ≥ </translation>
    </message>
    <message>
        <source>Show links of at least this many shared objects.</source>
        <translation>Montrer les liens d&apos;au moins ce nombre d&apos;objets communs.</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>Show the whole network (or double-click the drawing).</source>
        <translation>Montrer tout le réseau (ou double-cliquer sur le dessin).</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Save the drawing as SVG, PDF or PNG.</source>
        <translation>Enregistrer le dessin en SVG, PDF ou PNG.</translation>
    </message>
    <message>
        <source>Loading the network…</source>
        <translation>Chargement du réseau…</translation>
    </message>
    <message>
        <source>No account &quot;%1&quot; in this network.</source>
        <translation>Aucun compte « %1 » dans ce réseau.</translation>
    </message>
    <message>
        <source>Export Graph</source>
        <translation>Exporter le graphe</translation>
    </message>
    <message>
        <source>All links</source>
        <translation>Tous les liens</translation>
    </message>
    <message>
        <source>Show only links of one kind of co-action.</source>
        <translation>Ne montrer que les liens d&apos;un type de co-action.</translation>
    </message>
    <message>
        <source>k-core ≥ </source>
        <translation>k-cœur ≥ </translation>
    </message>
    <message>
        <source>Show only accounts in the k-core of at least this k: each is linked to at least k others that are also shown.</source>
        <translation>Ne montrer que les comptes du k-cœur d&apos;au moins ce k : chacun est lié à au moins k autres comptes montrés.</translation>
    </message>
    <message>
        <source>Whole network</source>
        <translation>Tout le réseau</translation>
    </message>
    <message>
        <source>Selected account, 1 hop</source>
        <translation>Compte sélectionné, 1 saut</translation>
    </message>
    <message>
        <source>Selected account, 2 hops</source>
        <translation>Compte sélectionné, 2 sauts</translation>
    </message>
    <message>
        <source>Show only the selected account and the accounts linked to it.</source>
        <translation>Ne montrer que le compte sélectionné et les comptes qui lui sont liés.</translation>
    </message>
    <message>
        <source>Reading the evidence…</source>
        <translation>Lecture des preuves…</translation>
    </message>
    <message>
        <source>Colour: community</source>
        <translation>Couleur : communauté</translation>
    </message>
    <message>
        <source>Colour: campaign</source>
        <translation>Couleur : campagne</translation>
    </message>
    <message>
        <source>Colour: signals fired</source>
        <translation>Couleur : signaux déclenchés</translation>
    </message>
    <message>
        <source>Coordination network</source>
        <translation>Réseau de coordination</translation>
    </message>
    <message>
        <source>Community %1 of the coordination network</source>
        <translation>Communauté %1 du réseau de coordination</translation>
    </message>
    <message>
        <source>Coordination network around the selected account</source>
        <translation>Réseau de coordination autour du compte sélectionné</translation>
    </message>
    <message>
        <source>Co-text network of cluster #%1</source>
        <translation>Réseau de co-texte de la grappe #%1</translation>
    </message>
    <message>
        <source>Co-text network of campaign %1</source>
        <translation>Réseau de co-texte de la campagne %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n account(s), %2 link(s) within %3 s, weight ≥ %4</source>
        <translation>
            <numerusform>%1&#xa0;: %n compte, %2 lien(s) en %3 s, poids ≥ %4</numerusform>
            <numerusform>%1&#xa0;: %n comptes, %2 lien(s) en %3 s, poids ≥ %4</numerusform>
        </translation>
    </message>
    <message>
        <source>This link is two accounts posting in the same cluster within the window; the Posts panel lists the cluster&apos;s posts.</source>
        <translation>Ce lien relie deux comptes qui ont publié dans la même grappe dans la fenêtre ; le panneau Publications liste les publications de la grappe.</translation>
    </message>
    <message>
        <source>Component %1 of the coordination network</source>
        <translation>Composante %1 du réseau de coordination</translation>
    </message>
    <message numerus="yes">
        <source>(the largest communities; %n more account(s) in smaller ones: choose a community to see them)</source>
        <translation>
            <numerusform>(les plus grandes communautés ; %n autre compte dans de plus petites : choisissez une communauté pour le voir)</numerusform>
            <numerusform>(les plus grandes communautés ; %n autres comptes dans de plus petites : choisissez une communauté pour les voir)</numerusform>
        </translation>
    </message>
    <message>
        <source>Draw one connected component or one community of the network.</source>
        <translation>Dessiner une composante connexe ou une communauté du réseau.</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Tous les comptes</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Lay Out Again (Pinned Accounts Stay)</source>
        <translation>Disposer à nouveau (les comptes épinglés restent)</translation>
    </message>
    <message>
        <source>Unpin the Accounts Shown</source>
        <translation>Désépingler les comptes affichés</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Disposition</translation>
    </message>
    <message>
        <source>Drag a disc to move and pin it; Shift-drag to select the accounts in a rectangle. Undo moves, lay out again.</source>
        <translation>Glissez un disque pour le déplacer et l’épingler ; Maj+glisser pour sélectionner les comptes d’un rectangle. Annuler les déplacements, disposer à nouveau.</translation>
    </message>
    <message numerus="yes">
        <source>Component %1 (%n account(s))</source>
        <translation>
            <numerusform>Composante %1 (%n compte)</numerusform>
            <numerusform>Composante %1 (%n comptes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Community %1 (%n account(s))</source>
        <translation>
            <numerusform>Communauté %1 (%n compte)</numerusform>
            <numerusform>Communauté %1 (%n comptes)</numerusform>
        </translation>
    </message>
    <message>
        <source>The new place could not be saved: %1</source>
        <translation>La nouvelle position n’a pas pu être enregistrée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Move account</source>
        <translation>Déplacer le compte</translation>
    </message>
    <message>
        <source>Pin account</source>
        <translation>Épingler le compte</translation>
    </message>
    <message numerus="yes">
        <source>Unpin %n account(s)</source>
        <translation>
            <numerusform>Désépingler %n compte</numerusform>
            <numerusform>Désépingler %n comptes</numerusform>
        </translation>
    </message>
    <message>
        <source>A cluster or campaign drawing is laid out each time it is drawn; only the coordination network keeps a layout.</source>
        <translation>Le dessin d’une grappe ou d’une campagne est disposé à chaque affichage ; seul le réseau de coordination garde sa disposition.</translation>
    </message>
    <message>
        <source>Select Account</source>
        <translation>Sélectionner le compte</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Désépingler</translation>
    </message>
    <message>
        <source>Pin in Place</source>
        <translation>Épingler sur place</translation>
    </message>
    <message>
        <source>Clear the Selected Group</source>
        <translation>Effacer le groupe sélectionné</translation>
    </message>
    <message numerus="yes">
        <source>(%n account(s) with no link in the window not drawn)</source>
        <translation>
            <numerusform>(%n compte sans lien dans la fenêtre n’est pas dessiné)</numerusform>
            <numerusform>(%n comptes sans lien dans la fenêtre ne sont pas dessinés)</numerusform>
        </translation>
    </message>
    <message>
        <source>Colour: claimed country</source>
        <translation>Couleur : pays déclaré</translation>
    </message>
    <message>
        <source>Annotate Account…</source>
        <translation>Annoter le compte…</translation>
    </message>
    <message>
        <source>Annotate Community %1…</source>
        <translation>Annoter la communauté %1…</translation>
    </message>
</context>
<context>
    <name>chorus::ui::ImportDialog</name>
    <message>
        <source>the author&apos;s account id (required)</source>
        <translation>identifiant du compte de l&apos;auteur (obligatoire)</translation>
    </message>
    <message>
        <source>when it was posted: ISO 8601, epoch seconds, ... (required)</source>
        <translation>date de publication&#xa0;: ISO 8601, secondes Unix, ... (obligatoire)</translation>
    </message>
    <message>
        <source>the post&apos;s text</source>
        <translation>texte de la publication</translation>
    </message>
    <message>
        <source>the post&apos;s id; without it a post is named FILE:LINE</source>
        <translation>identifiant de la publication; sans lui, une publication est nommée FICHIER:LIGNE</translation>
    </message>
    <message>
        <source>the author&apos;s handle</source>
        <translation>nom d&apos;utilisateur de l&apos;auteur</translation>
    </message>
    <message>
        <source>id of the post reposted (makes it a repost)</source>
        <translation>identifiant de la publication repartagée (en fait un repartage)</translation>
    </message>
    <message>
        <source>id of the post replied to (makes it a reply)</source>
        <translation>identifiant de la publication à laquelle on répond (en fait une réponse)</translation>
    </message>
    <message>
        <source>id of the post quoted (makes it a quote)</source>
        <translation>identifiant de la publication citée (en fait une citation)</translation>
    </message>
    <message>
        <source>links, several per cell allowed</source>
        <translation>liens, plusieurs permis par cellule</translation>
    </message>
    <message>
        <source>hashtags, several per cell allowed</source>
        <translation>mots-clics, plusieurs permis par cellule</translation>
    </message>
    <message>
        <source>mentioned handles, several per cell allowed</source>
        <translation>noms d&apos;utilisateur mentionnés, plusieurs permis par cellule</translation>
    </message>
    <message>
        <source>the author&apos;s free-text location</source>
        <translation>lieu de l&apos;auteur, en texte libre</translation>
    </message>
    <message>
        <source>language code</source>
        <translation>code de langue</translation>
    </message>
    <message>
        <source>when the author&apos;s account was created</source>
        <translation>date de création du compte de l&apos;auteur</translation>
    </message>
    <message>
        <source>latitude of the post</source>
        <translation>latitude de la publication</translation>
    </message>
    <message>
        <source>longitude of the post</source>
        <translation>longitude de la publication</translation>
    </message>
    <message>
        <source>Columns (generic CSV)</source>
        <translation>Colonnes (CSV générique)</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Date (UTC)</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Lang</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Excerpt</source>
        <translation>Extrait</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation>Détecter automatiquement</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>Fichiers&#xa0;:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format&#xa0;:</translation>
    </message>
    <message>
        <source>Which column holds what. Remembered for files with the same header.</source>
        <translation>Quelle colonne contient quoi. Mémorisé pour les fichiers ayant le même en-tête.</translation>
    </message>
    <message>
        <source>First rows of %1 as they will be stored:</source>
        <translation>Premières lignes de %1 telles qu&apos;elles seront enregistrées&#xa0;:</translation>
    </message>
    <message>
        <source>Problems in these rows:</source>
        <translation>Problèmes dans ces lignes&#xa0;:</translation>
    </message>
    <message>
        <source>Read as %1: %2</source>
        <translation>Lu comme %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
</context>
<context>
    <name>chorus::ui::MainWindow</name>
    <message>
        <source>Chorus</source>
        <translation>Chorus</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Clusters</source>
        <translation>Grappes</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Chronologie</translation>
    </message>
    <message>
        <source>Go to %1</source>
        <translation>Aller à %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;New Case...</source>
        <translation>&amp;Nouveau dossier...</translation>
    </message>
    <message>
        <source>&amp;Open Case...</source>
        <translation>&amp;Ouvrir un dossier...</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Ouvrir un dossier &amp;récent</translation>
    </message>
    <message>
        <source>&amp;Import Files...</source>
        <translation>&amp;Importer des fichiers...</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>&amp;Close Case</source>
        <translation>&amp;Fermer le dossier</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Find in Posts</source>
        <translation>&amp;Rechercher dans les publications</translation>
    </message>
    <message>
        <source>Clear &amp;Selection</source>
        <translation>Effacer la &amp;sélection</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>&amp;Réinitialiser la disposition</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&amp;About Chorus</source>
        <translation>À &amp;propos de Chorus</translation>
    </message>
    <message>
        <source>No case open</source>
        <translation>Aucun dossier ouvert</translation>
    </message>
    <message>
        <source>Cancelled; the case was left as it was.</source>
        <translation>Annulé; le dossier est resté tel quel.</translation>
    </message>
    <message>
        <source>Task failed</source>
        <translation>Échec de la tâche</translation>
    </message>
    <message>
        <source>%1 — Chorus</source>
        <translation>%1 — Chorus</translation>
    </message>
    <message>
        <source>#%1 (%2 posts)</source>
        <translation>#%1 (%2 publications)</translation>
    </message>
    <message>
        <source>%1 of %2 posts shown · %3 accounts · %4 clusters</source>
        <translation>%1 publications affichées sur %2 · %3 comptes · %4 grappes</translation>
    </message>
    <message>
        <source>Cannot open case</source>
        <translation>Impossible d&apos;ouvrir le dossier</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>New Case</source>
        <translation>Nouveau dossier</translation>
    </message>
    <message>
        <source>Chorus cases (*.chorus)</source>
        <translation>Dossiers Chorus (*.chorus)</translation>
    </message>
    <message>
        <source>Open Case</source>
        <translation>Ouvrir un dossier</translation>
    </message>
    <message>
        <source>Import Files</source>
        <translation>Importer des fichiers</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>&amp;Analyse</translation>
    </message>
    <message>
        <source>Find &amp;Clusters and Network...</source>
        <translation>Trouver les &amp;grappes et le réseau...</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>Graphe</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <source>Audit Trail</source>
        <translation>Journal d’audit</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <source>&amp;Posts...</source>
        <translation>&amp;Publications…</translation>
    </message>
    <message>
        <source>&amp;Accounts...</source>
        <translation>&amp;Comptes…</translation>
    </message>
    <message>
        <source>&amp;Clusters...</source>
        <translation>&amp;Grappes…</translation>
    </message>
    <message>
        <source>Ca&amp;mpaigns...</source>
        <translation>Ca&amp;mpagnes…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Annotate Selection...</source>
        <translation>A&amp;nnoter la sélection…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Select a cluster or an account to annotate.</source>
        <translation>Sélectionnez une grappe ou un compte à annoter.</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Publication</translation>
    </message>
    <message>
        <source>Export &amp;Report...</source>
        <translation>Exporter le &amp;rapport…</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>Collections (*.csv *.tsv *.json *.jsonl *.ndjson *.gz *.zst *.bz2 *.xz *.zip);;All files (*)</source>
        <translation>Collections (*.csv *.tsv *.json *.jsonl *.ndjson *.gz *.zst *.bz2 *.xz *.zip);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Ouverture de %1…</translation>
    </message>
</context>
<context>
    <name>chorus::ui::MapCanvas</name>
    <message>
        <source>%1 accounts placed</source>
        <translation>%1 comptes placés</translation>
    </message>
    <message>
        <source>%1 of %2 selected accounts placed</source>
        <translation>%1 des %2 comptes sélectionnés placés</translation>
    </message>
    <message>
        <source>%1 with a location that names no place</source>
        <translation>%1 avec un lieu qui ne nomme aucun endroit</translation>
    </message>
    <message>
        <source>%1 with no location</source>
        <translation>%1 sans lieu</translation>
    </message>
    <message>
        <source>%1 not resolved yet (run the analysis)</source>
        <translation>%1 pas encore résolus (lancez l’analyse)</translation>
    </message>
    <message>
        <source>Bubble area: accounts claiming the place</source>
        <translation>Aire des bulles : comptes qui déclarent ce lieu</translation>
    </message>
    <message numerus="yes">
        <source>%1
%n account(s)</source>
        <translation>
            <numerusform>%1
%n compte</numerusform>
            <numerusform>%1
%n comptes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n post(s)</source>
        <translation>
            <numerusform>%n publication</numerusform>
            <numerusform>%n publications</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them selected</source>
        <translation>
            <numerusform>%n d’entre eux sélectionné</numerusform>
            <numerusform>%n d’entre eux sélectionnés</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chorus::ui::MapView</name>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>Show the whole world (or double-click the map).</source>
        <translation>Montrer le monde entier (ou double-cliquez sur la carte).</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Save the map as SVG, PDF or PNG.</source>
        <translation>Enregistrer la carte en SVG, PDF ou PNG.</translation>
    </message>
    <message>
        <source>Click a bubble to select its accounts; Shift-drag to select the accounts of a region. Wheel to zoom, drag to pan.</source>
        <translation>Cliquez sur une bulle pour sélectionner ses comptes ; Maj+glisser pour sélectionner les comptes d’une région. Molette pour zoomer, glisser pour déplacer.</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2 accounts placed in %n place(s)</source>
        <translation>
            <numerusform>%1 comptes sur %2 placés en %n lieu</numerusform>
            <numerusform>%1 comptes sur %2 placés en %n lieux</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of the %2 selected accounts</source>
        <translation>%1 des %2 comptes sélectionnés</translation>
    </message>
    <message>
        <source>%1 locations not resolved yet: run the analysis (Ctrl+R)</source>
        <translation>%1 lieux pas encore résolus : lancez l’analyse (Ctrl+R)</translation>
    </message>
    <message>
        <source>Export Map</source>
        <translation>Exporter la carte</translation>
    </message>
    <message>
        <source>Red: the selected cluster, campaign or accounts</source>
        <translation>Rouge : grappe, campagne ou comptes sélectionnés</translation>
    </message>
    <message>
        <source>Red: accounts with signals fired</source>
        <translation>Rouge : comptes avec signaux déclenchés</translation>
    </message>
    <message>
        <source>Which accounts the red bubbles count.</source>
        <translation>Les comptes que comptent les bulles rouges.</translation>
    </message>
    <message numerus="yes">
        <source>Select These %n Accounts</source>
        <translation>
            <numerusform>Sélectionner ce compte</numerusform>
            <numerusform>Sélectionner ces %n comptes</numerusform>
        </translation>
    </message>
    <message>
        <source>Annotate Account…</source>
        <translation>Annoter le compte…</translation>
    </message>
    <message>
        <source>Annotate the Selected Cluster…</source>
        <translation>Annoter la grappe sélectionnée…</translation>
    </message>
    <message>
        <source>Annotate Campaign %1…</source>
        <translation>Annoter la campagne %1…</translation>
    </message>
</context>
<context>
    <name>chorus::ui::PostDetailView</name>
    <message>
        <source>grade %1</source>
        <translation>cote %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Annotate Post…</source>
        <translation>Annoter la publication…</translation>
    </message>
    <message>
        <source>Select a post in the posts table.</source>
        <translation>Sélectionnez une publication dans le tableau des publications.</translation>
    </message>
    <message>
        <source>%1 %2:%3, %4 UTC, %5</source>
        <translation>%1 %2:%3, %4 UTC, %5</translation>
    </message>
    <message>
        <source>By @%1 (%2), account %3</source>
        <translation>Par @%1 (%2), compte %3</translation>
    </message>
    <message>
        <source>Reply to</source>
        <translation>Réponse à</translation>
    </message>
    <message>
        <source>Repost of</source>
        <translation>Repartage de</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>Cite</translation>
    </message>
    <message>
        <source>Links: %1</source>
        <translation>Liens&#xa0;: %1</translation>
    </message>
    <message>
        <source>Hashtags: %1</source>
        <translation>Mots-clics&#xa0;: %1</translation>
    </message>
    <message>
        <source>In cluster #%1 of the latest run</source>
        <translation>Dans la grappe nº&#xa0;%1 de la dernière analyse</translation>
    </message>
    <message>
        <source>Source: %1, line %2 (SHA-256 %3)</source>
        <translation>Source&#xa0;: %1, ligne %2 (SHA-256 %3)</translation>
    </message>
    <message>
        <source>Post annotation: %1
Account annotation: %2</source>
        <translation>Annotation de la publication&#xa0;: %1
Annotation du compte&#xa0;: %2</translation>
    </message>
    <message>
        <source>Context: the file holds this post because a collected post refers to it</source>
        <translation>Contexte&#xa0;: le fichier contient cette publication parce qu’une publication collectée y renvoie</translation>
    </message>
    <message>
        <source>Place: %1 (%2)</source>
        <translation>Lieu&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <source>Edited: versions %1</source>
        <translation>Modifiée&#xa0;: versions %1</translation>
    </message>
</context>
<context>
    <name>chorus::ui::PostTableModel</name>
    <message>
        <source>loading...</source>
        <translation>chargement...</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Date (UTC)</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Lang</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Grappe</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>%1 (context)</source>
        <translation>%1 (contexte)</translation>
    </message>
</context>
<context>
    <name>chorus::ui::PostsView</name>
    <message>
        <source>Search text (all words)</source>
        <translation>Rechercher dans le texte (tous les mots)</translation>
    </message>
    <message>
        <source>Full-text search: posts containing every word typed. Operators are searched as words.</source>
        <translation>Recherche plein texte&#xa0;: publications contenant tous les mots saisis. Les opérateurs sont cherchés comme des mots.</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>All languages</source>
        <translation>Toutes les langues</translation>
    </message>
    <message>
        <source>Click to remove this filter</source>
        <translation>Cliquez pour retirer ce filtre</translation>
    </message>
    <message>
        <source>%1 posts</source>
        <translation>%1 publications</translation>
    </message>
    <message>
        <source>In selected cluster ✕</source>
        <translation>Dans la grappe sélectionnée ✕</translation>
    </message>
    <message>
        <source>%1 – %2 ✕</source>
        <translation>%1 – %2 ✕</translation>
    </message>
    <message numerus="yes">
        <source>By %n selected account(s) ✕</source>
        <translation>
            <numerusform>Par %n compte sélectionné ✕</numerusform>
            <numerusform>Par %n comptes sélectionnés ✕</numerusform>
        </translation>
    </message>
    <message>
        <source>Annotate Post…</source>
        <translation>Annoter la publication…</translation>
    </message>
    <message>
        <source>Annotate Its Account…</source>
        <translation>Annoter son compte…</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Toutes les étiquettes</translation>
    </message>
    <message>
        <source>Posts tagged so: the post, its account, or a cluster, campaign or community it belongs to.</source>
        <translation>Publications portant cette étiquette&#xa0;: la publication, son compte, ou une grappe, une campagne ou une communauté dont elle fait partie.</translation>
    </message>
    <message>
        <source>Context posts</source>
        <translation>Publications de contexte</translation>
    </message>
    <message>
        <source>Show the posts that a file holds only because collected posts refer to them: reposted, quoted or replied-to originals. The timeline and the case period count collected posts only.</source>
        <translation>Afficher les publications qu’un fichier ne contient que parce que des publications collectées y renvoient&#xa0;: originaux repartagés, cités ou auxquels on a répondu. La chronologie et la période du dossier ne comptent que les publications collectées.</translation>
    </message>
    <message>
        <source>Text search: %1 posts still to index</source>
        <translation>Recherche&#xa0;: %1 publications encore à indexer</translation>
    </message>
    <message>
        <source>Could not read the posts</source>
        <translation>Impossible de lire les publications</translation>
    </message>
</context>
<context>
    <name>chorus::ui::TaskProgressView</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop the running task; the case stays as it was before it.</source>
        <translation>Arrêter la tâche en cours&#xa0;; le dossier reste tel qu&apos;il était avant.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>chorus::ui::TimelineView</name>
    <message>
        <source>posts per bin</source>
        <translation>publications par intervalle</translation>
    </message>
    <message>
        <source>Drag: select a time range. Wheel: zoom. Ctrl+drag: pan. Double-click: clear the range.</source>
        <translation>Glisser&#xa0;: choisir une période. Molette&#xa0;: zoom. Ctrl+glisser&#xa0;: déplacer. Double-clic&#xa0;: effacer la période.</translation>
    </message>
    <message>
        <source>Accounts by creation date</source>
        <translation>Comptes par date de création</translation>
    </message>
    <message>
        <source>Posts by weekday and hour (UTC)</source>
        <translation>Publications par jour de la semaine et heure (UTC)</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>lun</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>mar</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>mer</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>jeu</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>ven</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>sam</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>dim</translation>
    </message>
    <message>
        <source>hour of day (UTC)</source>
        <translation>heure du jour (UTC)</translation>
    </message>
    <message>
        <source>selected cluster</source>
        <translation>grappe sélectionnée</translation>
    </message>
    <message>
        <source>Bin size: %1. Drag to select a time range, wheel to zoom, Ctrl+drag to pan.</source>
        <translation>Taille de l&apos;intervalle&#xa0;: %1. Glissez pour choisir une période, molette pour zoomer, Ctrl+glisser pour déplacer.</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n heure</numerusform>
            <numerusform>%n heures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>cluster posts per bin</source>
        <translation>publications de la grappe par intervalle</translation>
    </message>
    <message>
        <source>Cannot read the timeline: %1</source>
        <translation>Impossible de lire la chronologie&#xa0;: %1</translation>
    </message>
    <message>
        <source>selected accounts</source>
        <translation>comptes sélectionnés</translation>
    </message>
    <message>
        <source>collected posts</source>
        <translation>publications collectées</translation>
    </message>
</context>
</TS>
