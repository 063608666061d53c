/* cmd_compare.c - `keten compare`: two journeys, or one journey under two chain models. */
#include "cli.h"

int
cmd_compare(const struct cli *cli)
{
	(void)cli;
	return 2;
}
