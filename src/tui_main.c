/* Entry point of the whiteboard. */
#include "tui.h"

#include <stdio.h>

int
tui_run(const struct tui_options *options)
{
	(void)options;
	fputs("napkin: the whiteboard is not built yet; napkin check FILE validates a diagram\n", stderr);
	return 1;
}
