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

} // namespace chorus::cli
