#include "import/ImportPreview.h"

#include "import/CsvReader.h"
#include "import/ImportRunner.h"
#include "import/input/ImportInput.h"

#include <QIODevice>

namespace chorus {

namespace {

// Collects records and asks the importer to stop once it has enough.
class PreviewSink final : public RecordSink, public ProgressSink
{
public:
    PreviewSink(ImportPreview &preview, int maxPosts, std::string file)
        : m_preview(preview), m_maxPosts(maxPosts), m_file(std::move(file))
    {}
    void post(PostRecord &&post) override
    {
        if (int(m_preview.posts.size()) < m_maxPosts)
            m_preview.posts.push_back(std::move(post));
    }
    void account(AccountRecord &&) override {}
    void reject(std::int64_t line, std::string_view field, std::string_view reason,
                std::string_view excerpt) override
    {
        issue(line, field, "error", reason, excerpt);
    }
    void warn(std::int64_t line, std::string_view field, std::string_view reason,
              std::string_view excerpt) override
    {
        issue(line, field, "warning", reason, excerpt);
    }
    void progress(std::int64_t, std::int64_t) override {}
    // Enough to show, or enough problems to tell that the mapping is wrong.
    bool isCancelled() const override
    {
        return int(m_preview.posts.size()) >= m_maxPosts || m_preview.issues.size() >= 100;
    }

private:
    void issue(std::int64_t line, std::string_view field, const char *severity,
               std::string_view reason, std::string_view excerpt)
    {
        if (m_preview.issues.size() < 100)
            m_preview.issues.push_back({0, m_file, line, std::string(field), severity,
                                        std::string(reason), std::string(excerpt)});
    }
    ImportPreview &m_preview;
    int m_maxPosts;
    std::string m_file;
};

std::vector<std::string> csvHeader(const ImportUnit &unit)
{
    auto input = ImportInput::open(unit);
    if (!input)
        return {};
    QIODevice &device = input.value()->device();
    const QByteArray head = device.peek(1);
    if (head.startsWith('{') || head.startsWith('['))
        return {}; // JSON: no columns to map
    CsvReader reader(device);
    return reader.next() ? reader.fieldsCopy() : std::vector<std::string>{};
}

} // namespace

Result<ImportPreview> previewImport(const std::string &path, const ImportOptions &options,
                                    int maxPosts)
{
    // A ZIP archive is previewed by its first export.
    auto units = listImportUnits(path);
    if (!units)
        return units.error();
    if (units->units.empty())
        return Error{ImportUnit{path, {}}.name() + ": the archive holds no file to import"};
    const ImportUnit &unit = units->units.front();

    ImportPreview preview;
    preview.format = options.format;
    preview.columns = csvHeader(unit);
    if (preview.format.empty()) {
        auto detected = detectFormat(unit);
        if (detected)
            preview.format = detected.value();
        else if (preview.columns.size() > 1)
            preview.format = "csv"; // a table of no known shape: map its columns by hand
        else
            return detected.error();
    }
    auto importer = importerByName(preview.format);
    if (!importer)
        return Error{"unknown format '" + preview.format + "'"};
    preview.description = importer->description();
    auto input = ImportInput::open(unit);
    if (!input)
        return input.error();
    const std::string name = unit.name();
    PreviewSink sink(preview, maxPosts, name);
    const Status read = importer->read(input.value()->device(), name, options, sink, sink);
    if (!read && !read.error().cancelled)
        preview.problem = read.error().message;
    return preview;
}

} // namespace chorus
