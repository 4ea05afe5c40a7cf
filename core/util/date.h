/* date.h: ISO 8601 dates as typed by people and as stored in the index. */
#ifndef VB_DATE_H
#define VB_DATE_H

#include <stddef.h>

/*
 * Normalize a date bound (YYYY, YYYY-MM, YYYY-MM-DD, or YYYYMMDD) to
 * YYYYMMDD: a lower bound gets the first day, an upper bound the last day
 * ("2008-02" as an upper bound is 20080229).  Returns 0, or -1 when `s` is
 * not such a date (month 13, 30 February...).
 */
int vb_date_bound(const char *s, size_t len, int upper, char out[9]);

#endif
