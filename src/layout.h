/* layout.h - the layout of a workspace: which folder holds which kind of document (personas/, journeys/, chains/), the one place that knows it. Included by: workspace*.c, outdir.c, cli.c, cmd_new.c, cmd_watch.c. */
#ifndef KETEN_LAYOUT_H
#define KETEN_LAYOUT_H

#include "model.h"

#include <stdbool.h>

/* The folder name of a kind in a workspace: "personas", "journeys" or
 * "chains"; NULL for any other kind. */
const char *layout_folder(enum doc_kind kind);

/* The kind whose folder is called `name` (a bare name, no slashes), or
 * DOC_UNKNOWN. */
enum doc_kind layout_kind_of_folder(const char *name);

/* The kind the folder a file is in gives it, or DOC_UNKNOWN. */
enum doc_kind layout_kind_of_file(const char *path);

/* True when the folder dir has a personas/, journeys/ or chains/ folder:
 * a workspace, of which only those folders are read. */
bool layout_is_workspace(const char *dir);

/* True when the folder dir holds documents to draw: a workspace with a
 * personas/ or journeys/ folder, or one of those folders itself. A folder
 * of notes or a home folder is neither. */
bool layout_has_documents(const char *dir);

/* The workspace a journey file belongs to: the folder above journeys/
 * (journeys/x.md gives "."), else the file's own folder. Caller frees. */
char *layout_root_of(const char *journey_path);

/* The folder of `kind` in the workspace at root. Caller frees. */
char *layout_path(const char *root, enum doc_kind kind);

#endif
