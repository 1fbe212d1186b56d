#include "controllers/AnnotationRequests.h"

#include "controllers/AnnotationController.h"
#include "views/AccountInspector.h"
#include "views/ClustersView.h"
#include "views/GraphView.h"
#include "views/MapView.h"
#include "views/PostDetailView.h"
#include "views/PostsView.h"

namespace chorus::ui {

void connectAnnotationRequests(AnnotationController *annotations, const AnnotatingViews &views)
{
    QObject::connect(views.posts, &PostsView::annotatePostRequested, annotations,
                     &AnnotationController::annotatePost);
    QObject::connect(views.posts, &PostsView::annotateAccountRequested, annotations,
                     &AnnotationController::annotateAccount);
    QObject::connect(views.clusters, &ClustersView::annotateClusterRequested, annotations,
                     &AnnotationController::annotateCluster);
    QObject::connect(views.clusters, &ClustersView::annotateCampaignRequested, annotations,
                     &AnnotationController::annotateCampaign);
    QObject::connect(views.graph, &GraphView::annotateAccountRequested, annotations,
                     &AnnotationController::annotateAccount);
    QObject::connect(views.graph, &GraphView::annotateCommunityRequested, annotations,
                     &AnnotationController::annotateCommunity);
    QObject::connect(views.map, &MapView::annotateAccountRequested, annotations,
                     &AnnotationController::annotateAccount);
    QObject::connect(views.map, &MapView::annotateClusterRequested, annotations,
                     &AnnotationController::annotateCluster);
    QObject::connect(views.map, &MapView::annotateCampaignRequested, annotations,
                     &AnnotationController::annotateCampaign);
    QObject::connect(views.account, &AccountInspector::annotateAccountRequested, annotations,
                     &AnnotationController::annotateAccount);
    QObject::connect(views.post, &PostDetailView::annotateRequested, annotations,
                     &AnnotationController::annotatePost);
}

} // namespace chorus::ui
