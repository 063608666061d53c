/* main.c - the keten program: everything happens behind cli_main. */
#include "cli.h"
#include "render_jobs.h"
#include "self_path.h"

int
main(int argc, char **argv)
{
	self_path_set(argv[0]);
	if (render_worker_wanted(argc, argv))
		return render_worker_main(argc, argv);
	return cli_main(argc, argv);
}
