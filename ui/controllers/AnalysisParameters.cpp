#include "controllers/AnalysisParameters.h"

#include "clustering/ClusteringTypes.h"
#include "network/NetworkAnalysis.h"

#include <QCoreApplication>

namespace chorus::ui {

namespace {
// The translation context of the parameter texts.
class AnalysisParameterText
{
    Q_DECLARE_TR_FUNCTIONS(AnalysisParameters)
public:
    static QList<AnalysisParameter> all();
};
const QString Threshold = QStringLiteral("threshold");
const QString ShingleSize = QStringLiteral("shingleSize");
const QString MinClusterSize = QStringLiteral("minClusterSize");
const QString WindowSeconds = QStringLiteral("windowSeconds");
const QString MinWeight = QStringLiteral("minWeight");
} // namespace

QList<AnalysisParameter> analysisParameters()
{
    return AnalysisParameterText::all();
}

QList<AnalysisParameter> AnalysisParameterText::all()
{
    const ClusterParameters clusters;
    const NetworkParameters network;
    return {
        {Threshold,
         tr("Text similarity"),
         clusters.threshold,
         0.3,
         1.0,
         2,
         {},
         tr("Two posts are near copies when this share of their %1-character pieces is shared "
            "(Jaccard). Lower finds looser paraphrases and more noise.")
             .arg(clusters.shingleSize)},
        {ShingleSize, tr("Piece length"), double(clusters.shingleSize), 3, 10, 0, tr(" characters"),
         tr("Length of the text pieces compared. Shorter pieces match more loosely.")},
        {MinClusterSize, tr("Smallest cluster"), double(clusters.minClusterSize), 2, 1000, 0,
         tr(" posts"), tr("Clusters with fewer posts are not reported.")},
        {WindowSeconds, tr("Coordination window"), double(network.windowSeconds), 1, 86400, 0,
         tr(" s"),
         tr("Two accounts acting on the same object within this time count as acting together.")},
        {MinWeight,
         tr("Minimum shared objects"),
         double(network.minWeight),
         1,
         1000,
         0,
         {},
         tr("Two accounts are linked when they acted together on at least this many objects.")}};
}

void applyAnalysisValues(const QMap<QString, double> &values, ClusterParameters &clusters,
                         NetworkParameters &network)
{
    clusters.threshold = values.value(Threshold, clusters.threshold);
    clusters.shingleSize = int(values.value(ShingleSize, clusters.shingleSize));
    clusters.minClusterSize = int(values.value(MinClusterSize, clusters.minClusterSize));
    network.windowSeconds =
        std::int64_t(values.value(WindowSeconds, double(network.windowSeconds)));
    network.minWeight = std::int64_t(values.value(MinWeight, double(network.minWeight)));
}

} // namespace chorus::ui
