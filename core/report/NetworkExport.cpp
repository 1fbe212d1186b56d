#include "report/NetworkExport.h"

#include "report/ExportText.h"

#include "common/WholeWrite.h"

#include <QFile>
#include <QSaveFile>
#include <QStringList>
#include <QXmlStreamWriter>

#include <cstdio>

namespace chorus {

namespace {

QString qs(const char *text)
{
    return QString::fromLatin1(text);
}

QString number(double value)
{
    return QString::number(value, 'g', 10);
}

QString nodeId(std::int64_t accountId)
{
    return QStringLiteral("a") + QString::number(accountId);
}

std::string joined(const std::vector<std::string> &parts)
{
    std::string result;
    for (const std::string &part : parts)
        result += (result.empty() ? "" : ";") + part;
    return result;
}

QString label(const NetworkNode &n)
{
    return xmlSafe(n.handle.empty() ? n.platformId : n.handle);
}

// Attribute (id, title, GraphML / GEXF type) tables shared by both XML formats.
struct Attribute
{
    const char *id;
    const char *graphmlType;
    const char *gexfType;
};
const Attribute NodeAttributes[] = {
    {"handle", "string", "string"},      {"platform_id", "string", "string"},
    {"community", "int", "integer"},     {"component", "int", "integer"},
    {"degree", "int", "integer"},        {"weighted_degree", "double", "double"},
    {"betweenness", "double", "double"}, {"kcore", "int", "integer"},
    {"signals", "string", "string"},     {"campaigns", "string", "string"},
    {"country", "string", "string"},     {"pinned", "boolean", "boolean"},
    {"x", "double", "double"},           {"y", "double", "double"},
};
const Attribute EdgeAttributes[] = {
    {"weight", "double", "double"},
    {"actions", "int", "integer"},
    {"mean_gap", "double", "double"},
    {"types", "string", "string"},
};

// "1;3": the campaigns an account posted in, as the signals are listed.
QString campaignList(const std::vector<int> &campaigns)
{
    QStringList ids;
    for (int campaign : campaigns)
        ids << QString::number(campaign);
    return ids.join(QLatin1Char(';'));
}

std::vector<std::pair<const char *, QString>> nodeValues(const NetworkNode &n)
{
    std::vector<std::pair<const char *, QString>> values = {
        {"handle", xmlSafe(n.handle)},
        {"platform_id", xmlSafe(n.platformId)},
        {"community", QString::number(n.community)},
        {"component", QString::number(n.component)},
        {"degree", QString::number(n.degree)},
        {"weighted_degree", number(n.weightedDegree)},
        {"betweenness", number(n.betweenness)},
        {"kcore", QString::number(n.kcore)},
        {"signals", xmlSafe(joined(n.firedSignals))},
        {"campaigns", campaignList(n.campaigns)},
        {"country", xmlSafe(n.country)},
        {"pinned", n.pinned ? QStringLiteral("true") : QStringLiteral("false")},
    };
    if (n.x && n.y) {
        values.emplace_back("x", number(*n.x));
        values.emplace_back("y", number(*n.y));
    }
    return values;
}

std::vector<std::pair<const char *, QString>> edgeValues(const NetworkEdgeRow &e)
{
    return {{"weight", QString::number(e.weight)},
            {"actions", QString::number(e.actions)},
            {"mean_gap", number(e.meanGap)},
            {"types", xmlSafe(e.types)}};
}

Status finish(QSaveFile &file, const QXmlStreamWriter *xml, const std::string &path)
{
    if (xml && xml->hasError())
        return Error{cannotWrite(path, file.errorString())};
    if (const QString why = commitWhole(file); !why.isEmpty())
        return Error{cannotWrite(path, why)};
    return Status::success();
}

Status openFile(QSaveFile &file, const std::string &path)
{
    file.setFileName(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly))
        return Error{cannotWrite(path, file.errorString())};
    return Status::success();
}

bool endsWith(const std::string &text, const std::string &suffix)
{
    if (text.size() < suffix.size())
        return false;
    for (std::size_t i = 0; i < suffix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(text[text.size() - suffix.size() + i])) !=
            suffix[i])
            return false;
    return true;
}

} // namespace

Result<NetworkExportData> loadNetworkExport(const NetworkQueries &queries, std::int64_t runId)
{
    auto nodes = queries.nodes(runId);
    if (!nodes)
        return nodes.error();
    auto edges = queries.edges(runId);
    if (!edges)
        return edges.error();
    return NetworkExportData{std::move(nodes.value()), std::move(edges.value())};
}

Status writeEdgeCsv(const NetworkExportData &data, const std::string &path)
{
    QSaveFile file;
    if (Status opened = openFile(file, path); !opened)
        return opened;
    writeWhole(file, QByteArrayLiteral("source,target,weight,actions,mean_gap,types\n"));
    for (const NetworkEdgeRow &e : data.edges) {
        char gap[64];
        std::snprintf(gap, sizeof gap, "%.3f", e.meanGap);
        const std::string line = csvCell(e.sourcePlatformId) + ',' + csvCell(e.targetPlatformId) +
                                 ',' + std::to_string(e.weight) + ',' + std::to_string(e.actions) +
                                 ',' + gap + ',' + csvCell(e.types) + '\n';
        if (!writeWhole(file, line))
            break; // finish() says why
    }
    return finish(file, nullptr, path);
}

Status writeGraphMl(const NetworkExportData &data, const std::string &path)
{
    QSaveFile file;
    if (Status opened = openFile(file, path); !opened)
        return opened;
    QXmlStreamWriter xml(&file);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeStartElement(qs("graphml"));
    xml.writeDefaultNamespace(qs("http://graphml.graphdrawing.org/xmlns"));
    auto keys = [&](const char *domain, const auto &attributes) {
        for (const Attribute &a : attributes) {
            xml.writeStartElement(qs("key"));
            xml.writeAttribute(qs("id"), QString::fromLatin1(domain) + QLatin1Char('_') + qs(a.id));
            xml.writeAttribute(qs("for"), qs(domain));
            xml.writeAttribute(qs("attr.name"), qs(a.id));
            xml.writeAttribute(qs("attr.type"), qs(a.graphmlType));
            xml.writeEndElement();
        }
    };
    keys("node", NodeAttributes);
    keys("edge", EdgeAttributes);
    xml.writeStartElement(qs("graph"));
    xml.writeAttribute(qs("id"), qs("coordination"));
    xml.writeAttribute(qs("edgedefault"), qs("undirected"));
    auto data_ = [&](const char *domain, const char *keyName, const QString &value) {
        xml.writeStartElement(qs("data"));
        xml.writeAttribute(qs("key"), QString::fromLatin1(domain) + QLatin1Char('_') + qs(keyName));
        xml.writeCharacters(value);
        xml.writeEndElement();
    };
    for (const NetworkNode &n : data.nodes) {
        xml.writeStartElement(qs("node"));
        xml.writeAttribute(qs("id"), nodeId(n.accountId));
        for (const auto &[name, value] : nodeValues(n))
            data_("node", name, value);
        xml.writeEndElement();
    }
    for (const NetworkEdgeRow &e : data.edges) {
        xml.writeStartElement(qs("edge"));
        xml.writeAttribute(qs("source"), nodeId(e.source));
        xml.writeAttribute(qs("target"), nodeId(e.target));
        for (const auto &[name, value] : edgeValues(e))
            data_("edge", name, value);
        xml.writeEndElement();
    }
    xml.writeEndElement(); // graph
    xml.writeEndElement(); // graphml
    xml.writeEndDocument();
    return finish(file, &xml, path);
}

Status writeGexf(const NetworkExportData &data, const std::string &path)
{
    QSaveFile file;
    if (Status opened = openFile(file, path); !opened)
        return opened;
    QXmlStreamWriter xml(&file);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    const QString viz = qs("http://gexf.net/1.3/viz");
    xml.writeStartElement(qs("gexf"));
    xml.writeDefaultNamespace(qs("http://gexf.net/1.3"));
    xml.writeNamespace(viz, qs("viz"));
    xml.writeAttribute(qs("version"), qs("1.3"));
    xml.writeStartElement(qs("graph"));
    xml.writeAttribute(qs("defaultedgetype"), qs("undirected"));
    xml.writeAttribute(qs("mode"), qs("static"));
    auto declare = [&](const char *domain, const auto &attributes) {
        xml.writeStartElement(qs("attributes"));
        xml.writeAttribute(qs("class"), qs(domain));
        for (const Attribute &a : attributes) {
            xml.writeStartElement(qs("attribute"));
            xml.writeAttribute(qs("id"), qs(a.id));
            xml.writeAttribute(qs("title"), qs(a.id));
            xml.writeAttribute(qs("type"), qs(a.gexfType));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    };
    declare("node", NodeAttributes);
    declare("edge", EdgeAttributes);
    auto values = [&](const std::vector<std::pair<const char *, QString>> &pairs) {
        xml.writeStartElement(qs("attvalues"));
        for (const auto &[name, value] : pairs) {
            xml.writeStartElement(qs("attvalue"));
            xml.writeAttribute(qs("for"), qs(name));
            xml.writeAttribute(qs("value"), value);
            xml.writeEndElement();
        }
        xml.writeEndElement();
    };
    xml.writeStartElement(qs("nodes"));
    for (const NetworkNode &n : data.nodes) {
        xml.writeStartElement(qs("node"));
        xml.writeAttribute(qs("id"), nodeId(n.accountId));
        xml.writeAttribute(qs("label"), label(n));
        values(nodeValues(n));
        if (n.x && n.y) {
            xml.writeStartElement(viz, qs("position"));
            xml.writeAttribute(qs("x"), number(*n.x));
            xml.writeAttribute(qs("y"), number(*n.y));
            xml.writeAttribute(qs("z"), qs("0"));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }
    xml.writeEndElement(); // nodes
    xml.writeStartElement(qs("edges"));
    std::int64_t id = 0;
    for (const NetworkEdgeRow &e : data.edges) {
        xml.writeStartElement(qs("edge"));
        xml.writeAttribute(qs("id"), QString::number(id++));
        xml.writeAttribute(qs("source"), nodeId(e.source));
        xml.writeAttribute(qs("target"), nodeId(e.target));
        xml.writeAttribute(qs("weight"), QString::number(e.weight));
        values(edgeValues(e));
        xml.writeEndElement();
    }
    xml.writeEndElement(); // edges
    xml.writeEndElement(); // graph
    xml.writeEndElement(); // gexf
    xml.writeEndDocument();
    return finish(file, &xml, path);
}

bool isNetworkFileName(const std::string &path)
{
    return endsWith(path, ".csv") || endsWith(path, ".graphml") || endsWith(path, ".gexf");
}

Status writeNetworkFile(const NetworkExportData &data, const std::string &path)
{
    if (endsWith(path, ".csv"))
        return writeEdgeCsv(data, path);
    if (endsWith(path, ".graphml"))
        return writeGraphMl(data, path);
    if (endsWith(path, ".gexf"))
        return writeGexf(data, path);
    return Error{"unknown network file type (use .csv, .graphml or .gexf): " + path};
}

} // namespace chorus
