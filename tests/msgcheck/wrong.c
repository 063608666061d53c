/* wrong.c - one wrong call per CASE: tests/msg-check.sh expects each to be a build error with -Werror=format. */
#include "catalog.h"

void wrong_call(struct buf *b, enum msg m);

void
wrong_call(struct buf *b, enum msg m)
{
	(void)b;
	(void)m;
#if CASE == 1 /* a string for %d */
	msg_append(b, LANG_EN, M_SUMMARY_SCORE, "3");
#elif CASE == 2 /* an int for %ld */
	msg_append(b, LANG_EN, M_S009_DEPTH, 3);
#elif CASE == 3 /* an argument missing */
	msg_append(b, LANG_EN, M_S009_FILE_SIZE, 7L);
#elif CASE == 4 /* an argument too many */
	msg_fprintf(stdout, LANG_EN, M_S001_EMPTY, "extra");
#elif CASE == 5 /* msg alone for a message that takes arguments */
	fputs(msg(LANG_EN, M_DID_YOU_MEAN), stdout);
#elif CASE == 6 /* the id in a variable: not checkable, so refused */
	msg_append(b, LANG_EN, m, 3);
#elif CASE == 7 /* the id chosen by a condition */
	msg_append(b, LANG_EN, b ? M_SUMMARY_SCORE : M_SUMMARY_ERRORS_1, 3);
#else
#error "no such CASE"
#endif
}
