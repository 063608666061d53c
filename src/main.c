/* main.c - the keten program: everything happens behind cli_main. */
#include "cli.h"

int
main(int argc, char **argv)
{
	return cli_main(argc, argv);
}
