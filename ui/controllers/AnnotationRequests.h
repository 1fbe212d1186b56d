#pragma once

namespace chorus::ui {

class AccountInspector;
class AnnotationController;
class ClustersView;
class GraphView;
class MapView;
class PostDetailView;
class PostsView;

// The views whose menus ask for an annotation.
struct AnnotatingViews
{
    PostsView *posts;
    ClustersView *clusters;
    GraphView *graph;
    MapView *map;
    AccountInspector *account;
    PostDetailView *post;
};

// Every "Annotate ..." request of the views goes to the one annotation controller.
void connectAnnotationRequests(AnnotationController *annotations, const AnnotatingViews &views);

} // namespace chorus::ui
