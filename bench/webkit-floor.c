/* The engine's floor: the smallest WebKitGTK window there is (one GTK window, one WebKitWebView
 * showing one line of text, the same engine and libraries the app uses), so the app's memory can
 * be compared with what any app on this engine pays before it does anything.
 *
 * Prints "loaded" once the page has finished loading, then runs until killed.
 * Optional: argv[1] = "document-viewer" sets WebKit's smallest cache model first. */
#include <stdio.h>
#include <string.h>
#include <gtk/gtk.h>
#include <webkit2/webkit2.h>

static void on_load(WebKitWebView *view, WebKitLoadEvent event, gpointer data) {
  (void)view; (void)data;
  if (event == WEBKIT_LOAD_FINISHED) {
    printf("loaded\n");
    fflush(stdout);
  }
}

int main(int argc, char **argv) {
  gtk_init(&argc, &argv);
  if (argc > 1 && strcmp(argv[1], "document-viewer") == 0)
    webkit_web_context_set_cache_model(webkit_web_context_get_default(), WEBKIT_CACHE_MODEL_DOCUMENT_VIEWER);
  GtkWidget *window = gtk_window_new(GTK_WINDOW_TOPLEVEL);
  gtk_window_set_default_size(GTK_WINDOW(window), 1024, 700);
  GtkWidget *view = webkit_web_view_new();
  gtk_container_add(GTK_CONTAINER(window), view);
  g_signal_connect(view, "load-changed", G_CALLBACK(on_load), NULL);
  g_signal_connect(window, "destroy", G_CALLBACK(gtk_main_quit), NULL);
  webkit_web_view_load_html(WEBKIT_WEB_VIEW(view), "<!doctype html><title>floor</title><p>Hello.</p>", "about:blank");
  gtk_widget_show_all(window);
  gtk_main();
  return 0;
}
