/* right.c - calls whose arguments fit their messages: tests/msg-check.sh expects this file to compile with -Werror=format. */
#include "catalog.h"

#include <stdlib.h>

void right_calls(struct buf *b);

void
right_calls(struct buf *b)
{
	const char *hint = msg(LANG_EN, M_HINT);            /* no arguments */
	msg_fprintf(stdout, LANG_NL, M_S001_EMPTY);         /* none, printed */
	msg_fprintf(stdout, LANG_EN, M_SUMMARY_SCORE, 3);   /* %d */
	msg_append(b, LANG_EN, M_DID_YOU_MEAN, hint);       /* %s */
	msg_append(b, LANG_NL, M_S009_FILE_SIZE, 7L, 8L);   /* %ld %ld */
	free(msg_xasprintf(LANG_EN, M_S001_UTF8, 0xC3u));   /* %02X */
	MSG_CHECK(M_S009_TOUCHPOINTS, 4L, "stage");         /* %ld %s */
	fputs(msg(LANG_EN, M_HELP_MAIN), stdout);           /* from data/ */
}
