/* test_self_path.c - unit tests of finding the program's own file from argv[0]: a path, a name in PATH, and one that cannot be found. */
#include "harness.h"

#include "self_path.h"

#include <stdlib.h>
#include <string.h>

TEST(self_path_makes_a_path_absolute)
{
	char *want = realpath("/bin/sh", NULL);
	self_path_set("/bin/../bin/sh");
	STR_EQ(self_path(), want);
	free(want);
}

TEST(self_path_looks_a_bare_name_up_in_path)
{
	char *old = getenv("PATH") ? strdup(getenv("PATH")) : NULL;
	setenv("PATH", "/nonexistent-folder::/bin", 1);
	char *want = realpath("/bin/sh", NULL);
	self_path_set("sh");
	STR_EQ(self_path(), want);
	free(want);
	if (old != NULL)
		setenv("PATH", old, 1);
	free(old);
}

TEST(self_path_keeps_what_it_cannot_find)
{
	self_path_set("no-such-program-anywhere");
	STR_EQ(self_path(), "no-such-program-anywhere");
	self_path_set("./no/such/program");
	STR_EQ(self_path(), "./no/such/program");
}
