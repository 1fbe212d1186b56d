#pragma once

#include "query/NetworkQueries.h"

#include <QDialog>

#include <vector>

namespace chorus::ui {

// The posts that link two accounts in the network run: per co-action, the type, the shared
// object, both posts with their times and the gap. Imported text is shown as plain text.
class EdgeEvidenceDialog : public QDialog
{
    Q_OBJECT
public:
    EdgeEvidenceDialog(const QString &accounts, const std::vector<EdgeEvidence> &evidence,
                       QWidget *parent = nullptr);
};

} // namespace chorus::ui
