#include "CliSupport.h"

#include "query/ClusterQueries.h"

#include <unistd.h>

namespace chorus::cli {

void printOut(const std::string &text)
{
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fputc('\n', stdout);
}

void printErr(const std::string &text)
{
    std::fwrite(text.data(), 1, text.size(), stderr);
    std::fputc('\n', stderr);
}

bool stderrIsTerminal()
{
    return isatty(fileno(stderr)) == 1;
}

TerminalProgress::TerminalProgress() : m_enabled(stderrIsTerminal()) {}

TerminalProgress::~TerminalProgress()
{
    if (m_enabled)
        std::fprintf(stderr, "\r%70s\r", "");
}

void TerminalProgress::progress(std::int64_t done, std::int64_t total)
{
    if (!m_enabled || total <= 0)
        return;
    const auto left = m_timeLeft.estimate(done, total);
    const std::string timeLeft = left && *left > 0 ? describeTimeLeft(*left) : std::string();
    std::fprintf(stderr, "\r  %-40s %3d%%  %-22s", m_stage.c_str(), int(done * 100 / total),
                 timeLeft.c_str());
}

void TerminalProgress::onStage(const StageEvent &event)
{
    m_stage = describeStage(event).substr(0, 40);
    m_timeLeft.restart();
    if (m_enabled)
        std::fprintf(stderr, "\r  %-40s %-28s", m_stage.c_str(), "");
}

std::optional<int> parseCaseCommand(QCommandLineParser &parser, const QStringList &arguments,
                                    const char *command)
{
    const std::string prefix = std::string("chorus-cli ") + command + ": ";
    if (!parser.parse(arguments)) {
        printErr(prefix + parser.errorText().toStdString());
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(commandHelp(parser, command));
        return Success;
    }
    if (parser.positionalArguments().size() != 1) {
        printErr(prefix + "expected one CASE (see --help)");
        return UsageError;
    }
    return std::nullopt;
}

std::string commandHelp(const QCommandLineParser &parser, const char *command)
{
    QString help = parser.helpText();
    const QString usage = QStringLiteral("Usage: ");
    const qsizetype options = help.indexOf(QStringLiteral(" [options]"));
    if (help.startsWith(usage) && options > 0)
        help.replace(usage.size(), options - usage.size(),
                     QStringLiteral("chorus-cli ") + QLatin1String(command));
    return help.toStdString();
}

std::optional<std::int64_t> latestClusterRunOrExplain(const CaseStore &store)
{
    const auto latest = ClusterQueries(store).latestRun();
    if (!latest) {
        printErr("chorus-cli: " + latest.error().message);
        return std::nullopt;
    }
    if (!latest.value())
        printErr("chorus-cli: the case has no clustering run yet (run 'chorus-cli analyze')");
    return latest.value();
}

// One line of at most `width` characters: imported text may hold newlines and controls.
QString oneLine(const std::string &text, int width)
{
    QString line = QString::fromStdString(text);
    for (QChar &c : line)
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator ||
            c == QChar::ParagraphSeparator)
            c = QLatin1Char(' ');
    line = line.simplified();
    if (line.size() > width)
        line = line.left(width - 3) + QStringLiteral("...");
    return line;
}

std::string formatNumber(double value, int decimals)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

} // namespace chorus::cli
