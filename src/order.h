/* order.h - the three-way comparison of two numbers that every qsort comparator of findings builds on. Included by: any. */
#ifndef KETEN_ORDER_H
#define KETEN_ORDER_H

/* -1, 0 or 1 as a is below, equal to or above b (no overflow, unlike
 * a - b). */
static inline int
compare_long(long a, long b)
{
	return (a > b) - (a < b);
}

#endif
