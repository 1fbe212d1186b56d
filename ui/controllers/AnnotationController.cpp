#include "controllers/AnnotationController.h"

#include "controllers/AnnotateCommand.h"
#include "controllers/CaseReader.h"
#include "dialogs/AnnotationDialog.h"

#include <QUndoStack>

namespace chorus::ui {

namespace {

struct Found
{
    Result<AnnotationTarget> target;
    Result<AnnotationState> state;
};

} // namespace

AnnotationController::AnnotationController(QWidget *dialogParent, QObject *parent)
    : QObject(parent), m_dialogParent(dialogParent), m_writer(new CaseReader(this)),
      m_undo(new QUndoStack(this))
{}

void AnnotationController::open(const QString &casePath)
{
    m_undo->clear(); // a history belongs to its case
    m_writer->open(casePath);
}

void AnnotationController::annotatePost(qint64 postId)
{
    edit([postId](const Annotations &a) { return a.postById(postId); });
}

void AnnotationController::annotateAccount(qint64 accountId)
{
    edit([accountId](const Annotations &a) { return a.accountById(accountId); });
}

void AnnotationController::annotateCluster(qint64 clusterId)
{
    edit([clusterId](const Annotations &a) { return a.clusterById(clusterId); });
}

void AnnotationController::annotateCampaign(int campaign)
{
    edit([campaign](const Annotations &a) { return a.campaign(campaign); });
}

void AnnotationController::annotateCommunity(int community)
{
    edit([community](const Annotations &a) { return a.community(community); });
}

void AnnotationController::find(Resolve resolve, Then then)
{
    m_writer->run(
        [resolve](const CaseStore &store) {
            const Annotations annotations(store);
            Found found{resolve(annotations), AnnotationState{}};
            if (found.target)
                found.state = annotations.stateOf(found.target.value());
            return found;
        },
        [this, then](Found found) {
            if (!found.target || !found.state) {
                emit message(QString::fromStdString(
                    (!found.target ? found.target.error() : found.state.error()).message));
                return;
            }
            then(found.target.value(), found.state.value());
        });
}

void AnnotationController::edit(Resolve resolve)
{
    find(std::move(resolve), [this](const AnnotationTarget &target, const AnnotationState &before) {
        AnnotationDialog dialog(QString::fromStdString(target.label), before, m_dialogParent);
        if (dialog.exec() == QDialog::Accepted && !(dialog.state() == before))
            m_undo->push(new AnnotateCommand(this, target, before, dialog.state()));
    });
}

void AnnotationController::apply(Resolve resolve, const AnnotationState &state)
{
    find(std::move(resolve),
         [this, state](const AnnotationTarget &target, const AnnotationState &before) {
             if (!(before == state))
                 m_undo->push(new AnnotateCommand(this, target, before, state));
         });
}

void AnnotationController::store(const AnnotationTarget &target, const AnnotationState &state)
{
    m_writer->run(
        [target, state](const CaseStore &store) { return Annotations(store).set(target, state); },
        [this](const Result<AnnotationState> &done) {
            if (!done) {
                emit message(tr("The annotation could not be stored: %1")
                                 .arg(QString::fromStdString(done.error().message)));
                return;
            }
            emit changed();
        });
}

} // namespace chorus::ui
