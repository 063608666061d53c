/* cmd_main.c - the main job (`keten` with no command): check everything and write every output into the output folder. */
#include "cli.h"

int
cmd_main(const struct cli *cli)
{
	return cmd_check(cli);
}
