/* loc.h - a place in a source file (file, 1-based line and column in characters). Included by: any. */
#ifndef KETEN_LOC_H
#define KETEN_LOC_H

struct loc {
	const char *file; /* path as shown to the user; owned by the document */
	int line;         /* 1-based; 0 when the place is the file as a whole */
	int col;          /* 1-based, in characters */
};

#endif
