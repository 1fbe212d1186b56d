#!/bin/sh
# Checks the layout rules of docs/architecture.md on the source tree; run by ctest.
#  1. core/<folder> includes only the folders it may depend on (the order below).
#  2. core stays free of QtGui and QtWidgets.
#  3. Analysis run kinds are spelled only by their owner, core/store/AnalysisRuns.cpp.
#  4. ui/ never runs SQL: it talks to core through its API.
#  5. ui/render uses QtGui but no widgets: chorus-cli draws with it offscreen.
# Prints every violation as FILE:LINE: reason and exits 1 if there was any.
set -u
root=${1:-$(dirname "$0")/..}
cd "$root" || exit 2

# What each core folder may include besides itself.
allowed() {
    case "$1" in
    common) echo "" ;;
    text) echo "common" ;;
    store) echo "common" ;;
    import) echo "common text store" ;;
    clustering) echo "common text store geo" ;;
    graph) echo "common" ;;
    geo) echo "common text store" ;;
    signals) echo "common text store geo" ;;
    network) echo "common text store graph geo signals" ;;
    query) echo "common text store clustering graph geo signals network" ;;
    evidence) echo "common text store" ;;
    report) echo "common text store clustering graph geo signals network query evidence" ;;
    *) echo "?" ;;
    esac
}

failures=0
fail() {
    echo "$1"
    failures=$((failures + 1))
}

for dir in core/*/; do
    folder=$(basename "$dir")
    permitted=$(allowed "$folder")
    if [ "$permitted" = "?" ]; then
        fail "$dir: a core folder that docs/architecture.md and tests/check_layout.sh do not know"
        continue
    fi
    for file in $(find "$dir" -name '*.h' -o -name '*.cpp'); do
        [ -f "$file" ] || continue
        grep -n '^#include "[a-z]*/' "$file" | while IFS= read -r hit; do
            line=${hit%%:*}
            target=$(echo "$hit" | sed 's/^[0-9]*:#include "\([a-z]*\)\/.*/\1/')
            [ "$target" = "$folder" ] && continue
            case " $permitted " in
            *" $target "*) ;;
            *) echo "$file:$line: core/$folder may not include core/$target (docs/architecture.md)" ;;
            esac
        done
    done
done > /tmp/chorus-layout.$$
if [ -s /tmp/chorus-layout.$$ ]; then
    cat /tmp/chorus-layout.$$
    failures=$((failures + $(wc -l < /tmp/chorus-layout.$$)))
fi
rm -f /tmp/chorus-layout.$$

gui=$(grep -rnE '#include <(QtGui|QtWidgets|QPainter|QImage|QPixmap|QColor|QFont|QWidget|QApplication|QGuiApplication|QPdfWriter|QTextDocument)[>/]' core || true)
[ -n "$gui" ] && fail "$gui: core must not use QtGui or QtWidgets"

widgets=$(grep -rnE '#include <(QtWidgets|QWidget|QApplication|QDialog|QMainWindow|QAbstractItemView)[>/]' ui/render || true)
[ -n "$widgets" ] && fail "$widgets: ui/render draws with QtGui only (chorus-cli links it)"

kinds=$(grep -rnE 'text-clusters|analysis_runs.*kind|kind.*analysis_runs' core ui app tests bench \
        --include='*.cpp' --include='*.h' | grep -v '^core/store/AnalysisRuns\.cpp:' | grep -v '^core/store/AnalysisRuns\.h:' || true)
[ -n "$kinds" ] && fail "$kinds: run kinds belong to core/store/AnalysisRuns only"

sql=$(grep -rnE '\.prepare\(|execScript\(|queryInt64\(|"SELECT |"INSERT |"UPDATE |"DELETE ' ui --include='*.cpp' --include='*.h' || true)
[ -n "$sql" ] && fail "$sql: ui/ talks to core through its API, never SQL"

if [ "$failures" -ne 0 ]; then
    echo "check_layout: $failures problem(s)"
    exit 1
fi
echo "check_layout: core folders, run kinds and ui/ follow docs/architecture.md"
