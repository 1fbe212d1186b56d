#include "CliSupport.h"

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
        std::fprintf(stderr, "\r%60s\r", "");
}

void TerminalProgress::progress(std::int64_t done, std::int64_t total)
{
    if (m_enabled && total > 0)
        std::fprintf(stderr, "\r  %-40s %3d%%", m_stage.c_str(), int(done * 100 / total));
}

void TerminalProgress::onStage(const StageEvent &event)
{
    m_stage = describeStage(event).substr(0, 40);
    if (m_enabled)
        std::fprintf(stderr, "\r  %-40s     ", m_stage.c_str());
}

} // namespace chorus::cli
