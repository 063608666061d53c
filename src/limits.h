/* limits.h - the input limits (S009) and their defaults; each can be raised with an option. Included by: keten.h, cli.h, read.h, source.h, md_limits.h, workspace.h, tests/unit/, fuzz/fuzz.h. */
#ifndef KETEN_LIMITS_H
#define KETEN_LIMITS_H

struct limits {
	long max_file_size;   /* bytes per input file (--max-file-size) */
	long max_depth;       /* nesting of lists, quotes, JSON (--max-depth) */
	long max_stages;      /* stages per journey (--max-stages) */
	long max_touchpoints; /* touchpoints per stage (--max-touchpoints) */
	long max_journey_touchpoints; /* touchpoints per journey, which bound
				       * what its diagram costs
				       * (--max-journey-touchpoints) */
	long max_text;        /* characters per text value (--max-text) */
	long max_marks;       /* Markdown marks per file (--max-marks) */
};

#define LIMITS_DEFAULT                                                        \
	{                                                                     \
		.max_file_size = 8L * 1024 * 1024, .max_depth = 64,           \
		.max_stages = 1000, .max_touchpoints = 200,                   \
		.max_journey_touchpoints = 10000,                             \
		.max_text = 20000, .max_marks = 100000                        \
	}

#endif
