/* main.c - the keten program: everything happens behind cli_main. */
#include "cli.h"
#include "render_jobs.h"

int
main(int argc, char **argv)
{
	if (render_worker_wanted(argc, argv))
		return render_worker_main(argc, argv);
	return cli_main(argc, argv);
}
