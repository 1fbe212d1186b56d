#pragma once

#include "common/Error.h"
#include "query/NetworkQueries.h"

#include <string>
#include <vector>

namespace chorus {

// A stored network run as files for other tools. All imported text (handles, ids, signal
// names) is escaped for XML by QXmlStreamWriter, stripped of characters XML cannot carry,
// and guarded against spreadsheet formula injection in CSV. Pure file writing; any thread.
struct NetworkExportData
{
    std::vector<NetworkNode> nodes;
    std::vector<NetworkEdgeRow> edges;
};

// Reads the nodes and edges of a run.
Result<NetworkExportData> loadNetworkExport(const NetworkQueries &queries, std::int64_t runId);

// CSV: source,target,weight,actions,mean_gap,types with account platform ids.
Status writeEdgeCsv(const NetworkExportData &data, const std::string &path);
// GraphML with node attributes (handle, platform_id, community, component, degree,
// weighted_degree, betweenness, kcore, signals, campaigns, x, y) and edge attributes (weight,
// actions, mean_gap, types).
Status writeGraphMl(const NetworkExportData &data, const std::string &path);
// GEXF 1.3 with the same attributes and viz positions, for Gephi.
Status writeGexf(const NetworkExportData &data, const std::string &path);

// Picks the writer by the file name's ending (.csv, .graphml, .gexf).
Status writeNetworkFile(const NetworkExportData &data, const std::string &path);
bool isNetworkFileName(const std::string &path);

} // namespace chorus
