/* layout.c - the layout of a workspace: the folders personas/, journeys/ and chains/ and the kinds they give their files. */
#include "layout.h"

#include "mem.h"
#include "path.h"

#include <stdlib.h>
#include <string.h>

static const struct {
	enum doc_kind kind;
	const char *folder;
} folders[] = {
	{DOC_PERSONA, "personas"},
	{DOC_JOURNEY, "journeys"},
	{DOC_CHAIN, "chains"},
};

enum { N_FOLDERS = sizeof folders / sizeof folders[0] };

const char *
layout_folder(enum doc_kind kind)
{
	for (size_t i = 0; i < N_FOLDERS; i++)
		if (folders[i].kind == kind)
			return folders[i].folder;
	return NULL;
}

enum doc_kind
layout_kind_of_folder(const char *name)
{
	for (size_t i = 0; i < N_FOLDERS; i++)
		if (strcmp(name, folders[i].folder) == 0)
			return folders[i].kind;
	return DOC_UNKNOWN;
}

enum doc_kind
layout_kind_of_file(const char *path)
{
	char *dir = path_dir(path);
	enum doc_kind kind = layout_kind_of_folder(path_base(dir));
	free(dir);
	return kind;
}

char *
layout_path(const char *root, enum doc_kind kind)
{
	return path_join(root, layout_folder(kind));
}

bool
layout_is_workspace(const char *dir)
{
	bool found = false;
	for (size_t i = 0; i < N_FOLDERS && !found; i++) {
		char *part = path_join(dir, folders[i].folder);
		found = path_is_folder(part);
		free(part);
	}
	return found;
}

bool
layout_has_documents(const char *dir)
{
	char *real = realpath(dir, NULL);
	enum doc_kind own = real ? layout_kind_of_folder(path_base(real)) : DOC_UNKNOWN;
	free(real);
	if (own == DOC_PERSONA || own == DOC_JOURNEY)
		return true;
	bool found = false;
	for (size_t i = 0; i < N_FOLDERS && !found; i++) {
		if (folders[i].kind == DOC_CHAIN)
			continue;
		char *part = path_join(dir, folders[i].folder);
		found = path_is_folder(part);
		free(part);
	}
	return found;
}

char *
layout_root_of(const char *journey_path)
{
	char *dir = path_dir(journey_path);
	if (layout_kind_of_folder(path_base(dir)) != DOC_JOURNEY)
		return dir;
	char *root = path_dir(dir);
	free(dir);
	return root;
}
